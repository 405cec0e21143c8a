"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/misc";

/**
 * Admins choose which boards belong to a group. A board lives in at most one group, so ticking a
 * board that is elsewhere moves it here; the dialog says so before saving.
 */
export function ManageBoardsDialog({ orgId, group, open, onClose }: { orgId: string; group: { id: string; name: string }; open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title={`Boards in ${group.name}`}>
      {open ? <ManageBoardsForm orgId={orgId} group={group} onClose={onClose} /> : null}
    </Dialog>
  );
}

function ManageBoardsForm({ orgId, group, onClose }: { orgId: string; group: { id: string; name: string }; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const boards = useQuery(trpc.boards.list.queryOptions({ orgId, archived: "include" }));
  const groups = useQuery(trpc.boardGroups.list.queryOptions({ orgId }));
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const [saving, setSaving] = useState(false);
  const update = useMutation(trpc.boards.update.mutationOptions());

  const groupNames = new Map((groups.data ?? []).map((g) => [g.id, g.name]));
  const initial = new Set((boards.data ?? []).filter((b) => b.groupId === group.id).map((b) => b.id));
  const selected = picked ?? initial;
  const changes = (boards.data ?? []).filter((b) => selected.has(b.id) !== initial.has(b.id));

  async function save() {
    setSaving(true);
    // One request per changed board (boards.update); report the ones that fail by name.
    const results = await Promise.allSettled(changes.map((b) => update.mutateAsync({ boardId: b.id, groupId: selected.has(b.id) ? group.id : null })));
    setSaving(false);
    const failed = results.flatMap((r, i) => (r.status === "rejected" ? [`${changes[i].name}: ${errorMessage(r.reason)}`] : []));
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.boardGroups.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.boards.list.pathKey() }),
    ]);
    if (failed.length) toast.error(`Some boards were not changed — ${failed.join("; ")}`);
    else {
      toast.success(changes.length === 1 ? "Updated 1 board" : `Updated ${changes.length} boards`);
      onClose();
    }
  }

  if (boards.isPending) return <Spinner label="Loading boards" />;
  if (boards.isError) return <p role="alert" className="text-sm text-red-600 dark:text-red-400">{errorMessage(boards.error)}</p>;
  if (boards.data.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">There are no boards yet. Create a board first, then add it here.</p>;

  return (
    <div>
      <fieldset>
        <legend className="mb-2 text-sm text-slate-500 dark:text-slate-400">Tick the boards that belong to this group. A board is in one group at most.</legend>
        <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {boards.data.map((b) => {
            const elsewhere = b.groupId && b.groupId !== group.id ? groupNames.get(b.groupId) ?? "another group" : null;
            const checked = selected.has(b.id);
            return (
              <li key={b.id}>
                <label className="flex cursor-pointer items-center gap-3 px-3 py-2.5 text-sm hover:bg-slate-50 dark:hover:bg-slate-800/50">
                  <input
                    type="checkbox"
                    className="size-4 rounded border-slate-300 accent-indigo-600"
                    checked={checked}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if (e.target.checked) next.add(b.id);
                      else next.delete(b.id);
                      setPicked(next);
                    }}
                  />
                  <span className="min-w-0 flex-1 truncate font-medium">{b.name}</span>
                  {b.archivedAt ? <span className="text-xs text-slate-400">archived</span> : null}
                  {elsewhere ? (
                    <span className={checked ? "text-xs text-amber-600 dark:text-amber-400" : "text-xs text-slate-400"}>{checked ? `moves from ${elsewhere}` : `in ${elsewhere}`}</span>
                  ) : null}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div className="mt-6 flex items-center justify-end gap-2">
        <span className="mr-auto text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
          {changes.length ? `${changes.length} change${changes.length === 1 ? "" : "s"}` : ""}
        </span>
        <Button variant="secondary" onClick={onClose} disabled={saving}>
          Cancel
        </Button>
        <Button onClick={save} busy={saving} disabled={changes.length === 0}>
          Save
        </Button>
      </div>
    </div>
  );
}
