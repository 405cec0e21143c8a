"use client";
// Tags on a task: chips, and a filterable checklist of the org's tags that can also create one.
import { useId, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { errorMessage, useTRPC } from "@/lib/trpc/client";
import type { Tag } from "./board-lookups";
import { TagChip } from "./task-bits";

const PALETTE = ["#6366f1", "#0ea5e9", "#10b981", "#f59e0b", "#ef4444", "#ec4899", "#8b5cf6", "#64748b"];

export function TaskTags({ orgId, tagIds, tags, canWrite, onChange }: { orgId: string; tagIds: string[]; tags: Tag[]; canWrite: boolean; onChange: (tagIds: string[]) => Promise<boolean> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const filterId = useId();
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState("");
  const create = useMutation(trpc.tags.create.mutationOptions());
  const selected = new Set(tagIds);
  const byId = new Map(tags.map((t) => [t.id, t]));
  const term = filter.trim().toLowerCase();
  const shown = tags.filter((t) => t.name.toLowerCase().includes(term));
  const exact = tags.some((t) => t.name.toLowerCase() === term);

  const toggle = (id: string) => void onChange(selected.has(id) ? tagIds.filter((t) => t !== id) : [...tagIds, id]);

  function createTag() {
    const name = filter.trim();
    if (!name) return;
    create.mutate(
      { orgId, name, color: PALETTE[tags.length % PALETTE.length] },
      {
        onSuccess: async (tag) => {
          await queryClient.invalidateQueries({ queryKey: trpc.tags.list.queryKey({ orgId }) });
          setFilter("");
          await onChange([...tagIds, tag.id]);
        },
        onError: (error) => toast.error("Could not create the tag", { description: errorMessage(error) }),
      },
    );
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-1">
        {tagIds.length === 0 ? <span className="text-xs text-slate-500 dark:text-slate-400">No tags</span> : null}
        {tagIds.map((id) => {
          const tag = byId.get(id);
          return tag ? <TagChip key={id} tag={tag} /> : null;
        })}
      </div>
      {canWrite ? (
        <>
          <button
            type="button"
            aria-expanded={open}
            onClick={() => setOpen((o) => !o)}
            className="rounded text-xs font-medium text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-400"
          >
            {open ? "Done editing tags" : "Edit tags"}
          </button>
          {open ? (
            <div className="rounded-md border border-slate-200 p-2 dark:border-slate-800">
              <label htmlFor={filterId} className="sr-only">
                Find or create a tag
              </label>
              <input
                id={filterId}
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    if (shown.length === 1 && term) toggle(shown[0].id);
                    else if (term && !exact) createTag();
                  }
                }}
                placeholder="Find or create a tag…"
                autoFocus
                className="mb-2 block h-8 w-full rounded border border-slate-300 bg-white px-2 text-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none dark:border-slate-700 dark:bg-slate-900"
              />
              <ul className="max-h-48 space-y-0.5 overflow-auto" aria-label="Tags">
                {shown.map((tag) => (
                  <li key={tag.id}>
                    <label className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
                      <input type="checkbox" checked={selected.has(tag.id)} onChange={() => toggle(tag.id)} className="size-4 accent-indigo-600" />
                      <span className="size-2.5 rounded-full" style={{ backgroundColor: tag.color }} aria-hidden />
                      {tag.name}
                    </label>
                  </li>
                ))}
              </ul>
              {term && !exact ? (
                <button
                  type="button"
                  onClick={createTag}
                  disabled={create.isPending}
                  className="mt-1 w-full rounded px-1.5 py-1 text-left text-sm text-indigo-700 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300 dark:hover:bg-indigo-950"
                >
                  Create tag “{filter.trim()}”
                </button>
              ) : shown.length === 0 ? (
                <p className="px-1.5 text-xs text-slate-500">No tags yet: type a name to create one.</p>
              ) : null}
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
