"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";

/** The choices of a single-select field: add with Enter, reorder with the arrows, remove with ×. */
export function OptionsEditor({ options, onChange, error }: { options: string[]; onChange: (next: string[]) => void; error?: string }) {
  const inputId = useId();
  const [draft, setDraft] = useState("");
  const [note, setNote] = useState<string | null>(null);

  function add() {
    const value = draft.trim();
    if (!value) return;
    if (options.some((o) => o.toLowerCase() === value.toLowerCase())) return setNote(`“${value}” is already an option`);
    onChange([...options, value]);
    setDraft("");
    setNote(null);
  }
  const move = (i: number, by: number) => {
    const next = options.slice();
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  const iconButton =
    "inline-flex size-7 items-center justify-center rounded text-slate-500 hover:bg-slate-200/70 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:opacity-30 dark:hover:bg-slate-800 dark:hover:text-slate-100";

  return (
    <div className="space-y-2">
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-700 dark:text-slate-300">
        Options
      </label>
      {options.length ? (
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {options.map((o, i) => (
            <li key={o} className="flex items-center gap-1 py-1 pr-1 pl-3 text-sm">
              <span className="min-w-0 flex-1 truncate">{o}</span>
              <button type="button" className={iconButton} disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${o} up`}>
                ↑
              </button>
              <button type="button" className={iconButton} disabled={i === options.length - 1} onClick={() => move(i, 1)} aria-label={`Move ${o} down`}>
                ↓
              </button>
              <button type="button" className={iconButton} onClick={() => onChange(options.filter((x) => x !== o))} aria-label={`Remove ${o}`}>
                ×
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      <div className="flex gap-2">
        <Input
          id={inputId}
          value={draft}
          maxLength={100}
          placeholder="Add an option and press Enter"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button variant="secondary" onClick={add} disabled={!draft.trim()}>
          Add
        </Button>
      </div>
      {error || note ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error ?? note}
        </p>
      ) : null}
    </div>
  );
}
