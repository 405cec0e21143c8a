"use client";
// Org-wide live updates for summary pages (dashboard, groups). Their data is aggregated on the
// server, so events are not applied to the cache: each burst of events triggers one refetch.
import { useEffect, useEffectEvent, useState } from "react";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "@/lib/trpc/client";

import type { LiveStatus as OrgLiveStatus } from "@/components/ui/live-badge";
export type { OrgLiveStatus };

/** Calls `onChange` once, `delayMs` (300) after the last of a burst of org events (a resync included). */
export function useOrgLive(orgId: string, onChange: () => void, { delayMs = 300 }: { delayMs?: number } = {}) {
  const trpc = useTRPC();
  // Each event bumps the counter; the effect below restarts its timer, which is the debounce.
  const [events, setEvents] = useState(0);
  const fire = useEffectEvent(onChange);
  useEffect(() => {
    if (events === 0) return;
    const timer = setTimeout(fire, delayMs);
    return () => clearTimeout(timer);
  }, [events, delayMs]);
  const subscription = useSubscription(trpc.activity.events.subscriptionOptions({ orgId }, { onData: () => setEvents((n) => n + 1) }));
  const status: OrgLiveStatus = subscription.status === "pending" ? "live" : subscription.status === "error" ? "offline" : "connecting";
  return { status, reconnect: subscription.reset };
}
