"use client";
import { cn } from "@/lib/cn";

export type LiveStatus = "connecting" | "live" | "offline";

const LOOK: Record<LiveStatus, { dot: string; label: string; hint: string }> = {
  live: { dot: "bg-emerald-500", label: "Live", hint: "Changes appear as they happen" },
  connecting: { dot: "bg-amber-500 animate-pulse", label: "Connecting…", hint: "Connecting to live updates; missed changes are replayed" },
  offline: { dot: "bg-red-500", label: "Offline", hint: "Live updates stopped; what you see may be stale" },
};

/** Whether the page is receiving live updates, with a way back when it is not. */
export function LiveBadge({ status, onReconnect }: { status: LiveStatus; onReconnect: () => void }) {
  const look = LOOK[status];
  return (
    <span className="inline-flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400" title={look.hint}>
      <span role="status" className="inline-flex items-center gap-1.5">
        <span className={cn("size-2 rounded-full", look.dot)} aria-hidden />
        {look.label}
      </span>
      {status === "offline" ? (
        <button
          type="button"
          onClick={onReconnect}
          className="font-medium text-indigo-600 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-400"
        >
          Reconnect
        </button>
      ) : null}
    </span>
  );
}
