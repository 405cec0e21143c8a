"use client";
// A textarea with a Write / Preview switch and, when `mentionables` are given, @-mention
// autocomplete: typing "@" and part of a name or email lists members; Enter or Tab inserts
// "@email " (the form the server recognises as a mention).
import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/lib/cn";
import { Markdown } from "./markdown";

export type Mentionable = { email: string; name: string };

function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|[\s(])@([^\s@()]*)$/.exec(before);
  if (!match) return null;
  return { start: caret - match[2].length - 1, query: match[2].toLowerCase() };
}

export function MarkdownEditor({
  id,
  label,
  value,
  onChange,
  mentionables,
  placeholder,
  rows = 5,
  autoFocus,
  onSubmitShortcut,
  describedBy,
}: {
  id?: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  mentionables?: Mentionable[];
  placeholder?: string;
  rows?: number;
  autoFocus?: boolean;
  /** Ctrl/Cmd+Enter. */
  onSubmitShortcut?: () => void;
  describedBy?: string;
}) {
  const ownId = useId();
  const inputId = id ?? ownId;
  const listId = `${inputId}-mentions`;
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const ref = useRef<HTMLTextAreaElement>(null);

  const options = useMemo(() => {
    if (!mention || !mentionables) return [];
    return mentionables.filter((m) => m.email.toLowerCase().includes(mention.query) || m.name.toLowerCase().includes(mention.query)).slice(0, 6);
  }, [mention, mentionables]);
  const open = options.length > 0;

  function track(text: string, caret: number) {
    const next = mentionables ? mentionQuery(text, caret) : null;
    setMention(next);
    setActive(0);
  }

  function insert(option: Mentionable) {
    const el = ref.current;
    if (!el || !mention) return;
    const caret = el.selectionStart;
    const text = `${value.slice(0, mention.start)}@${option.email} ${value.slice(caret)}`;
    onChange(text);
    setMention(null);
    const at = mention.start + option.email.length + 2;
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(at, at);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (open) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        setActive((i) => (i + (event.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        insert(options[active]);
        return;
      }
      if (event.key === "Escape") {
        // Close the list, not the dialog around the editor.
        event.preventDefault();
        event.stopPropagation();
        setMention(null);
        return;
      }
    }
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey) && onSubmitShortcut) {
      event.preventDefault();
      onSubmitShortcut();
    }
  }

  const tabClass = (on: boolean) =>
    cn(
      "rounded px-2.5 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-indigo-500",
      on ? "bg-white text-slate-900 shadow-sm dark:bg-slate-700 dark:text-slate-100" : "text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-200",
    );

  return (
    <div className="rounded-md border border-slate-300 bg-white shadow-sm focus-within:border-indigo-500 focus-within:ring-2 focus-within:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-2 py-1.5 dark:border-slate-800">
        <div className="flex gap-1 rounded-md bg-slate-100 p-0.5 dark:bg-slate-800" role="group" aria-label={`${label}: write or preview`}>
          <button type="button" className={tabClass(tab === "write")} aria-pressed={tab === "write"} onClick={() => setTab("write")}>
            Write
          </button>
          <button type="button" className={tabClass(tab === "preview")} aria-pressed={tab === "preview"} onClick={() => setTab("preview")}>
            Preview
          </button>
        </div>
        <span className="text-[11px] text-slate-500 dark:text-slate-400">Markdown{mentionables ? " · @ to mention" : ""}</span>
      </div>
      {tab === "write" ? (
        <div className="relative">
          <textarea
            ref={ref}
            id={inputId}
            aria-label={id ? undefined : label}
            aria-describedby={describedBy}
            value={value}
            rows={rows}
            autoFocus={autoFocus}
            placeholder={placeholder}
            role={mentionables ? "combobox" : undefined}
            aria-autocomplete={mentionables ? "list" : undefined}
            aria-expanded={mentionables ? open : undefined}
            aria-controls={mentionables && open ? listId : undefined}
            aria-activedescendant={open ? `${listId}-${active}` : undefined}
            onChange={(e) => {
              onChange(e.target.value);
              track(e.target.value, e.target.selectionStart);
            }}
            onKeyDown={onKeyDown}
            onClick={(e) => track(value, e.currentTarget.selectionStart)}
            onBlur={() => setTimeout(() => setMention(null), 150)}
            className="block w-full resize-y rounded-b-md bg-transparent px-3 py-2 text-sm placeholder:text-slate-400 focus:outline-none"
          />
          {open ? (
            <ul id={listId} role="listbox" aria-label="Members to mention" className="absolute left-2 z-20 mt-1 w-72 overflow-hidden rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-800">
              {options.map((option, i) => (
                <li
                  key={option.email}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    insert(option);
                  }}
                  className={cn("cursor-pointer px-3 py-1.5 text-sm", i === active ? "bg-indigo-50 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100" : "text-slate-700 dark:text-slate-200")}
                >
                  <span className="font-medium">{option.name}</span> <span className="text-xs text-slate-500 dark:text-slate-400">{option.email}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : (
        <div className="min-h-24 px-3 py-2" aria-label={`${label} preview`} role="region">
          {value.trim() ? <Markdown source={value} /> : <p className="text-sm text-slate-400 italic">Nothing to preview</p>}
        </div>
      )}
    </div>
  );
}
