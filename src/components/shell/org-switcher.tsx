"use client";
import { useEffect, useId, useRef, useState } from "react";
import Link from "next/link";
import { cn } from "@/lib/cn";
import type { Role } from "@/lib/roles";
import { CheckIcon, ChevronUpDownIcon, PlusIcon } from "./icons";

export type ShellOrg = { id: string; slug: string; name: string; role: Role };

export function OrgAvatar({ name, className }: { name: string; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn(
        "inline-flex size-6 shrink-0 items-center justify-center rounded-md bg-gradient-to-br from-indigo-500 to-violet-600 text-[11px] font-semibold uppercase text-white",
        className,
      )}
    >
      {name.trim().charAt(0) || "?"}
    </span>
  );
}

/** The current organization; opens a list of the user's organizations (switching = navigating). */
export function OrgSwitcher({ orgs, current }: { orgs: ShellOrg[]; current: ShellOrg }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  useEffect(() => {
    if (open) root.current?.querySelector<HTMLElement>(`#${CSS.escape(listId)} a`)?.focus();
  }, [open, listId]);

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={`Organization: ${current.name}. Switch organization`}
        onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center gap-2.5 rounded-lg border border-slate-200 bg-white px-2.5 py-2 text-left shadow-sm transition-colors hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-slate-800 dark:bg-slate-900 dark:hover:bg-slate-800/70"
      >
        <OrgAvatar name={current.name} />
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-medium">{current.name}</span>
          <span className="block text-xs capitalize text-slate-500 dark:text-slate-400">{current.role}</span>
        </span>
        <ChevronUpDownIcon className="size-4 text-slate-400" />
      </button>
      {open ? (
        <div
          id={listId}
          className="absolute left-0 right-0 z-40 mt-1 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <p className="px-3 pb-1 pt-2 text-[11px] font-medium uppercase tracking-wider text-slate-400">Organizations</p>
          <ul className="max-h-72 overflow-y-auto p-1">
            {orgs.map((org) => (
              <li key={org.id}>
                <Link
                  href={`/o/${org.slug}`}
                  onClick={() => setOpen(false)}
                  aria-current={org.slug === current.slug ? "true" : undefined}
                  className="flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-none dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800"
                >
                  <OrgAvatar name={org.name} className="size-5 text-[10px]" />
                  <span className="min-w-0 flex-1 truncate">{org.name}</span>
                  <span className="text-xs capitalize text-slate-400">{org.role}</span>
                  {org.slug === current.slug ? <CheckIcon className="size-4 text-indigo-600 dark:text-indigo-400" /> : <span className="size-4" />}
                </Link>
              </li>
            ))}
          </ul>
          <div className="border-t border-slate-200 p-1 dark:border-slate-800">
            <Link
              href="/orgs/new"
              onClick={() => setOpen(false)}
              className="flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus-visible:bg-slate-100 focus-visible:outline-none dark:text-slate-300 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800"
            >
              <PlusIcon />
              New organization
            </Link>
          </div>
        </div>
      ) : null}
    </div>
  );
}
