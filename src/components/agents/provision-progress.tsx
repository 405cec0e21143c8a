"use client";
import { cn } from "@/lib/cn";

export const STEPS = [
  { key: "create_agent", label: "Create the agent on the gateway" },
  { key: "write_files", label: "Write SOUL.md, IDENTITY.md and AGENTS.md" },
  { key: "deliver_token", label: "Give the agent its Mission Control token" },
  { key: "wake", label: "Wake the agent with a first message" },
  { key: "done", label: "Online" },
] as const;

/** The provisioning steps with the current one highlighted, and the last error in plain words. */
export function ProvisionProgress({ step, status, lastError, nextRetryAt }: { step: string | null; status: string; lastError: string | null; nextRetryAt: Date | string | null }) {
  const current = Math.max(0, STEPS.findIndex((s) => s.key === (step ?? "create_agent")));
  const done = status === "online" || status === "offline";
  return (
    <div>
      <ol className="space-y-2" aria-label="Provisioning progress">
        {STEPS.map((s, i) => {
          const state = done || i < current ? "done" : i === current ? (lastError ? "failed" : "active") : "todo";
          return (
            <li key={s.key} className="flex items-center gap-2.5 text-sm" aria-current={state === "active" ? "step" : undefined}>
              <span
                className={cn(
                  "flex size-5 shrink-0 items-center justify-center rounded-full text-[11px] font-semibold",
                  state === "done" && "bg-emerald-500 text-white",
                  state === "active" && "bg-indigo-600 text-white",
                  state === "failed" && "bg-red-600 text-white",
                  state === "todo" && "border border-slate-300 text-slate-400 dark:border-slate-700",
                )}
                aria-hidden
              >
                {state === "done" ? "✓" : state === "failed" ? "!" : i + 1}
              </span>
              <span className={cn(state === "todo" && "text-slate-400", state === "active" && "font-medium")}>{s.label}</span>
              {state === "active" ? <span className="size-3 animate-spin rounded-full border-2 border-indigo-500 border-t-transparent" aria-hidden /> : null}
              <span className="sr-only">{state}</span>
            </li>
          );
        })}
      </ol>
      {lastError && !done ? (
        <p role="alert" className="mt-3 rounded-md bg-red-50 p-2.5 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {lastError}
          {nextRetryAt ? <span className="block text-xs text-red-600/80 dark:text-red-300/80">Retrying automatically at {new Date(nextRetryAt).toLocaleTimeString()}.</span> : null}
        </p>
      ) : null}
    </div>
  );
}
