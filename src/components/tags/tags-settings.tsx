"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { roleAtLeast, type Role } from "@/lib/roles";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, Input } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/misc";
import { PlusIcon } from "@/components/shell/icons";
import { LoadError, LoadingRows, SettingsSection, table, tableWrap, tbody, td, th, thead } from "@/components/settings/section";
import { ColorPicker, TAG_PALETTE, TagChip, isHex } from "./color-picker";

type Tag = inferRouterOutputs<AppRouter>["tags"]["list"][number];
type Org = { id: string; slug: string; name: string; role: Role };

export function TagsSettings({ org }: { org: Org }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tags = useQuery(trpc.tags.list.queryOptions({ orgId: org.id }));
  const [editing, setEditing] = useState<Tag | "new" | null>(null);
  const [deleting, setDeleting] = useState<Tag | null>(null);
  const isAdmin = roleAtLeast(org.role, "admin");

  const remove = useMutation(
    trpc.tags.delete.mutationOptions({
      onSuccess: () => {
        toast.success(`Deleted the tag “${deleting?.name}”`);
        setDeleting(null);
        return queryClient.invalidateQueries({ queryKey: trpc.tags.list.queryKey({ orgId: org.id }) });
      },
      onError: (e) => toast.error(errorMessage(e)),
    }),
  );

  return (
    <>
      <SettingsSection
        title="Tags"
        description="Labels for tasks on every board. Anyone can create and edit tags; admins delete them."
        actions={
          tags.data?.length ? (
            <Button size="sm" onClick={() => setEditing("new")}>
              <PlusIcon />
              New tag
            </Button>
          ) : null
        }
      >
        {tags.isPending ? (
          <LoadingRows />
        ) : tags.isError ? (
          <LoadError message={errorMessage(tags.error)} onRetry={() => tags.refetch()} />
        ) : tags.data.length === 0 ? (
          <div className="p-4">
            <EmptyState
              title="No tags yet"
              action={
                <Button onClick={() => setEditing("new")}>
                  <PlusIcon />
                  Create a tag
                </Button>
              }
            >
              Tags like “bug”, “customer” or “blocked-external” let you filter tasks across boards.
            </EmptyState>
          </div>
        ) : (
          <div className={tableWrap}>
            <table className={table}>
              <thead className={thead}>
                <tr>
                  <th className={th}>Tag</th>
                  <th className={th}>Description</th>
                  <th className={`${th} text-right!`}>Tasks</th>
                  <th className={th}>
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className={tbody}>
                {tags.data.map((t) => (
                  <tr key={t.id}>
                    <td className={td}>
                      <TagChip name={t.name} color={t.color} />
                      <div className="mt-1 font-mono text-[11px] text-slate-400 dark:text-slate-500">{t.color}</div>
                    </td>
                    <td className={`${td} max-w-xs text-slate-600 dark:text-slate-300`}>{t.description || <span className="text-slate-400 dark:text-slate-500">—</span>}</td>
                    <td className={`${td} text-right tabular-nums`}>{t.taskCount}</td>
                    <td className={`${td} whitespace-nowrap text-right`}>
                      <Button variant="ghost" size="sm" onClick={() => setEditing(t)} aria-label={`Edit ${t.name}`}>
                        Edit
                      </Button>
                      {isAdmin ? (
                        <Button
                          variant="ghost"
                          size="sm"
                          className="text-red-600! hover:bg-red-50! dark:text-red-400! dark:hover:bg-red-950/40!"
                          onClick={() => setDeleting(t)}
                          aria-label={`Delete ${t.name}`}
                        >
                          Delete
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </SettingsSection>
      <Dialog open={!!editing} onClose={() => setEditing(null)} title={editing === "new" ? "New tag" : "Edit tag"}>
        {editing ? <TagForm key={editing === "new" ? "new" : editing.id} orgId={org.id} tag={editing === "new" ? null : editing} onClose={() => setEditing(null)} /> : null}
      </Dialog>
      <ConfirmDialog
        open={!!deleting}
        title={`Delete the tag “${deleting?.name ?? ""}”?`}
        confirmLabel="Delete tag"
        busy={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ orgId: org.id, tagId: deleting.id })}
      >
        <p>
          {deleting?.taskCount
            ? `It is removed from ${deleting.taskCount === 1 ? "1 task" : `${deleting.taskCount} tasks`}; the tasks themselves are kept.`
            : "No task uses it."}{" "}
          The activity history keeps its name.
        </p>
      </ConfirmDialog>
    </>
  );
}

function TagForm({ orgId, tag, onClose }: { orgId: string; tag: Tag | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(tag?.name ?? "");
  const [color, setColor] = useState<string>(tag?.color ?? TAG_PALETTE[8].hex);
  const [description, setDescription] = useState(tag?.description ?? "");
  const [error, setError] = useState<string | null>(null);
  const saved = (t: Tag) => {
    toast.success(tag ? `Saved “${t.name}”` : `Created the tag “${t.name}”`);
    void queryClient.invalidateQueries({ queryKey: trpc.tags.list.queryKey({ orgId }) });
    onClose();
  };
  const create = useMutation(trpc.tags.create.mutationOptions({ onSuccess: saved, onError: (e) => setError(errorMessage(e)) }));
  const update = useMutation(trpc.tags.update.mutationOptions({ onSuccess: saved, onError: (e) => setError(errorMessage(e)) }));
  const busy = create.isPending || update.isPending;
  const renamed = tag && name.trim() !== tag.name;

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        if (!name.trim()) return setError("Give the tag a name");
        if (!isHex(color)) return setError("Pick a color or enter a hex color like #4f46e5");
        if (tag) update.mutate({ orgId, tagId: tag.id, name: name.trim(), color: color.toLowerCase(), description });
        else create.mutate({ orgId, name: name.trim(), color: color.toLowerCase(), description });
      }}
    >
      <Field label="Name" error={error} hint={renamed ? "Renaming does not rewrite history: activity keeps the name the tag had at the time." : undefined}>
        {(id) => <Input id={id} value={name} onChange={(e) => setName(e.target.value)} maxLength={120} autoFocus required placeholder="e.g. bug" />}
      </Field>
      <ColorPicker value={color} onChange={setColor} />
      <Field label="Description" hint="Optional. When to use this tag.">
        {(id) => <Input id={id} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} />}
      </Field>
      <div className="flex items-center justify-between gap-2 pt-2">
        <span className="flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
          Preview <TagChip name={name.trim() || "tag"} color={isHex(color) ? color : "#94a3b8"} />
        </span>
        <span className="flex gap-2">
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" busy={busy}>
            {tag ? "Save" : "Create tag"}
          </Button>
        </span>
      </div>
    </form>
  );
}
