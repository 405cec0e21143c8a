"use client";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-button";

/** A freshly created secret (invite link, API token): shown once, with a copy button and a warning. */
export function SecretReveal({ title, label, value, onDone, children }: { title: string; label: string; value: string; onDone: () => void; children?: ReactNode }) {
  return (
    <div className="space-y-3 rounded-xl border border-emerald-300 bg-emerald-50/70 p-5 dark:border-emerald-900 dark:bg-emerald-950/30">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="font-semibold text-emerald-900 dark:text-emerald-200">{title}</h3>
          <p className="mt-0.5 text-sm text-amber-800 dark:text-amber-300">
            <strong className="font-semibold">Copy it now:</strong> it will not be shown again.
          </p>
        </div>
        <Button variant="secondary" size="sm" onClick={onDone}>
          Done
        </Button>
      </div>
      <CopyField label={label} value={value} />
      {children}
    </div>
  );
}
