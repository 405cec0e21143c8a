"use client";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "./button";

/** Copies `value` to the clipboard; falls back to selecting-and-copying where the API is unavailable (plain http). */
export function CopyButton({ value, label = "Copy", className }: { value: string; label?: string; className?: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      if (navigator.clipboard && window.isSecureContext) await navigator.clipboard.writeText(value);
      else legacyCopy(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      toast.error("Could not copy: select the text and copy it by hand");
    }
  }
  return (
    <Button variant="secondary" size="sm" onClick={copy} className={className} aria-live="polite">
      {copied ? "Copied" : label}
    </Button>
  );
}

function legacyCopy(value: string) {
  const area = document.createElement("textarea");
  area.value = value;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy failed");
}

/** A secret or long value in monospace with its copy button. */
export function CopyField({ value, label }: { value: string; label: string }) {
  return (
    <div className="flex items-stretch gap-2">
      <code
        aria-label={label}
        className="min-w-0 flex-1 break-all whitespace-pre-wrap rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs leading-5 text-slate-800 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-200"
      >
        {value}
      </code>
      <CopyButton value={value} className="h-auto shrink-0" />
    </div>
  );
}
