"use client";
import { useId } from "react";
import { cn } from "@/lib/cn";

export const TAG_PALETTE = [
  { hex: "#ef4444", name: "Red" },
  { hex: "#f97316", name: "Orange" },
  { hex: "#f59e0b", name: "Amber" },
  { hex: "#84cc16", name: "Lime" },
  { hex: "#10b981", name: "Emerald" },
  { hex: "#14b8a6", name: "Teal" },
  { hex: "#0ea5e9", name: "Sky" },
  { hex: "#3b82f6", name: "Blue" },
  { hex: "#6366f1", name: "Indigo" },
  { hex: "#8b5cf6", name: "Violet" },
  { hex: "#ec4899", name: "Pink" },
  { hex: "#64748b", name: "Slate" },
] as const;

export const isHex = (v: string) => /^#[0-9a-fA-F]{6}$/.test(v);

/** Palette swatches as a radio group (arrow keys move between them), plus a hex field for anything else. */
export function ColorPicker({ value, onChange, label = "Color" }: { value: string; onChange: (hex: string) => void; label?: string }) {
  const hexId = useId();
  const labelId = useId();
  const lower = value.toLowerCase();
  return (
    <div className="space-y-2">
      <span id={labelId} className="block text-sm font-medium text-slate-700 dark:text-slate-300">
        {label}
      </span>
      <div role="radiogroup" aria-labelledby={labelId} className="flex flex-wrap gap-2">
        {TAG_PALETTE.map((c) => {
          const checked = lower === c.hex;
          return (
            <label key={c.hex} title={c.name} className="relative cursor-pointer">
              <input type="radio" name={labelId} value={c.hex} checked={checked} onChange={() => onChange(c.hex)} className="peer sr-only" aria-label={c.name} />
              <span
                className={cn(
                  "block size-7 rounded-full ring-offset-2 ring-offset-white transition peer-focus-visible:ring-2 peer-focus-visible:ring-indigo-500 dark:ring-offset-slate-900",
                  checked && "ring-2 ring-slate-900 dark:ring-white",
                )}
                style={{ backgroundColor: c.hex }}
              />
            </label>
          );
        })}
      </div>
      <div className="flex items-center gap-2">
        <label htmlFor={hexId} className="text-xs text-slate-500 dark:text-slate-400">
          Hex
        </label>
        <input
          type="color"
          aria-label="Pick any color"
          value={isHex(value) ? lower : "#6366f1"}
          onChange={(e) => onChange(e.target.value)}
          className="h-8 w-9 cursor-pointer rounded border border-slate-300 bg-white p-0.5 dark:border-slate-700 dark:bg-slate-900"
        />
        <input
          id={hexId}
          value={value}
          onChange={(e) => onChange(e.target.value.startsWith("#") ? e.target.value : `#${e.target.value}`)}
          maxLength={7}
          spellCheck={false}
          aria-invalid={!isHex(value)}
          className={cn(
            "h-8 w-28 rounded-md border bg-white px-2 font-mono text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-indigo-500/30 dark:bg-slate-900",
            isHex(value) ? "border-slate-300 focus:border-indigo-500 dark:border-slate-700" : "border-red-400 dark:border-red-500",
          )}
        />
        {!isHex(value) ? <span className="text-xs text-red-600 dark:text-red-400">Use a hex color like #4f46e5</span> : null}
      </div>
    </div>
  );
}

/** A tag as it appears on tasks: a colored dot and the name. */
export function TagChip({ name, color }: { name: string; color: string }) {
  return (
    <span className="inline-flex max-w-full items-center gap-1.5 rounded-full border border-slate-200 bg-white px-2 py-0.5 text-xs font-medium dark:border-slate-700 dark:bg-slate-900">
      <span className="size-2 shrink-0 rounded-full" style={{ backgroundColor: color }} aria-hidden />
      <span className="truncate">{name}</span>
    </span>
  );
}
