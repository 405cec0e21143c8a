"use client";
// Live gateway state for the gateways pages. Status changes and gateway record changes refetch
// the (cheap) gateway queries, coalesced; chat events are handed to the caller as they come.
import { useEffect, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "@/lib/trpc/client";
import type { GatewayChatEvent } from "@/lib/schemas/gateways";
import type { OrgLiveStatus } from "@/components/dashboard/use-org-live";

type StreamEvent = { type: string; targetType?: string; targetId?: string; payload?: unknown };

function useDebouncedInvalidate(delayMs = 250) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [bumps, setBumps] = useState(0);
  useEffect(() => {
    if (bumps === 0) return;
    const timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: trpc.gateways.list.pathKey() }).then(() => queryClient.invalidateQueries({ queryKey: trpc.gateways.get.pathKey() })), delayMs);
    return () => clearTimeout(timer);
  }, [bumps, delayMs, queryClient, trpc]);
  return () => setBumps((n) => n + 1);
}

const liveStatus = (s: string): OrgLiveStatus => (s === "pending" ? "live" : s === "error" ? "offline" : "connecting");

/** Every gateway of the org (list page): org events of type gateway.* except chat traffic. */
export function useGatewaysLive(orgId: string) {
  const trpc = useTRPC();
  const bump = useDebouncedInvalidate();
  const subscription = useSubscription(
    trpc.activity.events.subscriptionOptions(
      { orgId },
      {
        onData: (item) => {
          const e = item.data as StreamEvent;
          if (e.type === "stream.resync" || (e.type.startsWith("gateway.") && e.type !== "gateway.event") || e.type.startsWith("agent.")) bump();
        },
      },
    ),
  );
  return { status: liveStatus(subscription.status), reconnect: subscription.reset };
}

/** One gateway (detail page): its status, record changes, and chat events for the chat panel. */
export function useGatewayLive(orgId: string, gatewayId: string, onChat: (event: GatewayChatEvent) => void) {
  const trpc = useTRPC();
  const bump = useDebouncedInvalidate();
  // The latest handler, read when an event arrives (not a dependency of the subscription).
  const chat = useRef(onChat);
  useEffect(() => {
    chat.current = onChat;
  });
  const subscription = useSubscription(
    trpc.gateways.events.subscriptionOptions(
      { orgId, gatewayId },
      {
        onData: (item) => {
          const e = item.data as StreamEvent;
          if (e.type === "gateway.event") {
            const p = e.payload as { event?: string; payload?: unknown };
            if (p?.event === "chat" && p.payload && typeof p.payload === "object") chat.current(p.payload as GatewayChatEvent);
            return;
          }
          bump();
        },
      },
    ),
  );
  return { status: liveStatus(subscription.status), reconnect: subscription.reset };
}
