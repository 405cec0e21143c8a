import type { ReactNode } from "react";
import { Card } from "@/components/ui/misc";

/** A titled settings block: heading and help text on top, content in a card. */
export function SettingsSection({ title, description, actions, children }: { title: string; description?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="space-y-3" aria-label={title}>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-base font-semibold">{title}</h2>
          {description ? <p className="mt-0.5 text-sm text-slate-500 dark:text-slate-400">{description}</p> : null}
        </div>
        {actions}
      </div>
      <Card>{children}</Card>
    </section>
  );
}

export const th = "px-4 py-2.5 text-left text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400";
export const td = "px-4 py-3 align-middle";
export const tableWrap = "overflow-x-auto";
export const table = "w-full min-w-[640px] text-sm";
export const thead = "border-b border-slate-200 bg-slate-50/60 dark:border-slate-800 dark:bg-slate-950/40";
export const tbody = "divide-y divide-slate-100 dark:divide-slate-800";

export function LoadingRows() {
  return (
    <div className="space-y-2 p-4" aria-busy="true" aria-label="Loading">
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-8 animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
      ))}
    </div>
  );
}

export function LoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div role="alert" className="flex items-center justify-between gap-4 p-4 text-sm text-red-700 dark:text-red-300">
      <span>{message}</span>
      <button type="button" onClick={onRetry} className="font-medium underline underline-offset-4 focus-visible:outline-2 focus-visible:outline-indigo-500">
        Retry
      </button>
    </div>
  );
}
