"use client";
// Custom fields enabled on the board, with an input per type. Values save on change (checkbox,
// select, date) or on blur (text, number, url); invalid input is reported beside the field and
// not sent.
import { useId, useState } from "react";
import type { Task } from "@/lib/schemas/tasks";
import { cn } from "@/lib/cn";
import type { FieldDef } from "./board-lookups";

type Value = string | number | boolean | null;

const inputClass =
  "block h-9 w-full rounded-md border border-slate-300 bg-white px-2.5 text-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none disabled:opacity-60 dark:border-slate-700 dark:bg-slate-900";

function validate(def: FieldDef, raw: string): { value: Value } | { error: string } {
  const text = raw.trim();
  if (!text) return def.required ? { error: `${def.label} is required` } : { value: null };
  if (def.type === "number") {
    const n = Number(text);
    return Number.isFinite(n) ? { value: n } : { error: "Enter a number" };
  }
  if (def.type === "url") {
    try {
      const url = new URL(text);
      if (url.protocol !== "http:" && url.protocol !== "https:") return { error: "Use an http(s) link" };
    } catch {
      return { error: "Enter a full link, like https://example.com" };
    }
  }
  return { value: text };
}

function FieldInput({ def, value, canWrite, onSave }: { def: FieldDef; value: Value | undefined; canWrite: boolean; onSave: (value: Value) => Promise<boolean> }) {
  const id = useId();
  const shown = value === undefined || value === null ? "" : String(value);
  const [draft, setDraft] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  const [lastShown, setLastShown] = useState(shown);
  // A new value from the server (live update or save) replaces the draft.
  if (shown !== lastShown) {
    setLastShown(shown);
    setDraft(shown);
  }

  async function commit(raw: string) {
    const result = validate(def, raw);
    if ("error" in result) return setError(result.error);
    setError(null);
    if ((result.value ?? "") === (value ?? "")) return;
    const ok = await onSave(result.value);
    if (!ok) setDraft(shown);
  }

  const label = (
    <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400">
      {def.label}
      {def.required ? (
        <span className="text-red-600 dark:text-red-400" aria-hidden>
          {" "}
          *
        </span>
      ) : null}
      {def.required ? <span className="sr-only"> (required)</span> : null}
    </label>
  );
  const described = { "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined, "aria-required": def.required || undefined };

  let control;
  if (def.type === "boolean") {
    return (
      <div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={value === true} disabled={!canWrite} onChange={(e) => void onSave(e.target.checked)} className="size-4 accent-indigo-600" />
          {def.label}
        </label>
      </div>
    );
  } else if (def.type === "select") {
    control = (
      <select id={id} className={inputClass} value={shown} disabled={!canWrite} onChange={(e) => void commit(e.target.value)} {...described}>
        <option value="">{def.required ? "Choose…" : "—"}</option>
        {def.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else if (def.type === "long_text") {
    control = (
      <textarea id={id} rows={3} className={cn(inputClass, "h-auto py-1.5")} value={draft} disabled={!canWrite} onChange={(e) => setDraft(e.target.value)} onBlur={() => void commit(draft)} {...described} />
    );
  } else if (def.type === "date") {
    control = <input id={id} type="date" className={inputClass} value={shown} disabled={!canWrite} onChange={(e) => void commit(e.target.value)} {...described} />;
  } else {
    control = (
      <input
        id={id}
        type={def.type === "number" ? "number" : def.type === "url" ? "url" : "text"}
        inputMode={def.type === "number" ? "decimal" : undefined}
        className={inputClass}
        value={draft}
        disabled={!canWrite}
        onChange={(e) => {
          setDraft(e.target.value);
          if (error) setError(null);
        }}
        onBlur={() => void commit(draft)}
        onKeyDown={(e) => e.key === "Enter" && void commit(draft)}
        {...described}
      />
    );
  }
  return (
    <div>
      {label}
      {def.type === "url" && shown && !canWrite ? (
        <a href={shown} target="_blank" rel="noopener noreferrer nofollow" className="text-sm break-all text-indigo-600 underline dark:text-indigo-400">
          {shown}
        </a>
      ) : (
        control
      )}
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TaskFields({ task, defs, canWrite, onSave }: { task: Task; defs: FieldDef[]; canWrite: boolean; onSave: (fields: Record<string, Value>) => Promise<boolean> }) {
  if (defs.length === 0) return null;
  return (
    <div className="space-y-3">
      {defs.map((def) => (
        <FieldInput key={def.id} def={def} value={task.fields[def.id]} canWrite={canWrite} onSave={(value) => onSave({ [def.id]: value })} />
      ))}
    </div>
  );
}
