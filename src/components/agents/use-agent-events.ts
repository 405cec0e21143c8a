"use client";
// Agent events (agent.progress, agent.provisioned, agent.failed, agent.heartbeat, …) from the org
// stream, for live status dots and the provisioning progress of the create form.
import { useEffect, useRef } from "react";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "@/lib/trpc/client";

export type AgentEvent = { id: string; type: string; targetId: string; payload: Record<string, unknown> | null; at: string | Date };

export function useAgentEvents(orgId: string, onEvent: (e: AgentEvent) => void) {
  const trpc = useTRPC();
  // The latest handler, so the subscription is not restarted on every render.
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  const sub = useSubscription(
    trpc.activity.events.subscriptionOptions(
      { orgId },
      {
        onData: (item) => {
          const e = (item as { data?: AgentEvent }).data ?? (item as unknown as AgentEvent);
          if (e?.type === "stream.resync" || e?.type?.startsWith("agent.") || e?.type === "approval.requested") handler.current(e);
        },
      },
    ),
  );
  return sub.status === "pending" ? "live" : sub.status === "error" ? "offline" : "connecting";
}
