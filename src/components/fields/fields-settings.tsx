"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Badge, EmptyState } from "@/components/ui/misc";
import { PlusIcon } from "@/components/shell/icons";
import { LoadError, LoadingRows, SettingsSection, table, tableWrap, tbody, td, th, thead } from "@/components/settings/section";
import { FieldForm } from "./field-form";
import { FieldBoardsDialog } from "./field-boards-dialog";
import { FIELD_TYPE_LABELS } from "./labels";

export type FieldDef = inferRouterOutputs<AppRouter>["customFields"]["list"][number];

/** Admins define custom fields for the org and choose the boards that show each one. */
export function FieldsSettings({ org }: { org: { id: string; slug: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fields = useQuery(trpc.customFields.list.queryOptions({ orgId: org.id }));
  const boards = useQuery(trpc.boards.list.queryOptions({ orgId: org.id, archived: "include" }));
  const [editing, setEditing] = useState<FieldDef | "new" | null>(null);
  const [boardsFor, setBoardsFor] = useState<FieldDef | null>(null);
  const [deleting, setDeleting] = useState<FieldDef | null>(null);
  const boardNames = new Map((boards.data ?? []).map((b) => [b.id, b.name]));

  const remove = useMutation(
    trpc.customFields.delete.mutationOptions({
      onSuccess: () => {
        toast.success(`Deleted the field “${deleting?.label}” and its values`);
        setDeleting(null);
        return queryClient.invalidateQueries({ queryKey: trpc.customFields.list.pathKey() });
      },
      onError: (e) => toast.error(errorMessage(e)),
    }),
  );

  return (
    <>
      <SettingsSection
        title="Custom fields"
        description="Extra fields on tasks, such as a customer, an estimate or a link. Define a field once, then turn it on for the boards that need it."
        actions={
          fields.data?.length ? (
            <Button size="sm" onClick={() => setEditing("new")}>
              <PlusIcon />
              New field
            </Button>
          ) : null
        }
      >
        {fields.isPending ? (
          <LoadingRows />
        ) : fields.isError ? (
          <LoadError message={errorMessage(fields.error)} onRetry={() => fields.refetch()} />
        ) : fields.data.length === 0 ? (
          <div className="p-4">
            <EmptyState
              title="No custom fields yet"
              action={
                <Button onClick={() => setEditing("new")}>
                  <PlusIcon />
                  Create a field
                </Button>
              }
            >
              Create a field, then choose the boards where tasks show it.
            </EmptyState>
          </div>
        ) : (
          <div className={tableWrap}>
            <table className={table}>
              <thead className={thead}>
                <tr>
                  <th className={th}>Field</th>
                  <th className={th}>Type</th>
                  <th className={th}>Boards</th>
                  <th className={th}>
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className={tbody}>
                {fields.data.map((f) => (
                  <tr key={f.id}>
                    <td className={td}>
                      <div className="flex items-center gap-2 font-medium">
                        {f.label}
                        {f.required ? <Badge tone="amber">required</Badge> : null}
                      </div>
                      <div className="font-mono text-xs text-slate-500 dark:text-slate-400">{f.key}</div>
                    </td>
                    <td className={td}>
                      <div>{FIELD_TYPE_LABELS[f.type]}</div>
                      {f.type === "select" ? (
                        <div className="mt-0.5 max-w-56 truncate text-xs text-slate-500 dark:text-slate-400" title={f.options.join(", ")}>
                          {f.options.join(", ")}
                        </div>
                      ) : null}
                    </td>
                    <td className={td}>
                      <button
                        type="button"
                        onClick={() => setBoardsFor(f)}
                        className="max-w-64 truncate rounded text-left text-sm text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-400"
                        aria-label={`Choose boards for ${f.label}`}
                      >
                        {f.boardIds.length === 0
                          ? "Not on any board"
                          : f.boardIds.length <= 2
                            ? f.boardIds.map((id) => boardNames.get(id) ?? "…").join(", ")
                            : `${f.boardIds.length} boards`}
                      </button>
                    </td>
                    <td className={`${td} whitespace-nowrap text-right`}>
                      <Button variant="ghost" size="sm" onClick={() => setEditing(f)} aria-label={`Edit ${f.label}`}>
                        Edit
                      </Button>
                      <Button
                        variant="ghost"
                        size="sm"
                        className="text-red-600! hover:bg-red-50! dark:text-red-400! dark:hover:bg-red-950/40!"
                        onClick={() => setDeleting(f)}
                        aria-label={`Delete ${f.label}`}
                      >
                        Delete
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </SettingsSection>
      <Dialog open={!!editing} onClose={() => setEditing(null)} title={editing === "new" ? "New custom field" : `Edit “${editing?.label ?? ""}”`}>
        {editing ? <FieldForm key={editing === "new" ? "new" : editing.id} orgId={org.id} field={editing === "new" ? null : editing} onClose={() => setEditing(null)} /> : null}
      </Dialog>
      <FieldBoardsDialog orgId={org.id} field={boardsFor} onClose={() => setBoardsFor(null)} />
      <ConfirmDialog
        open={!!deleting}
        title={`Delete the field “${deleting?.label ?? ""}”?`}
        confirmLabel="Delete field and values"
        busy={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ orgId: org.id, fieldId: deleting.id })}
      >
        <p>
          The field is removed from {deleting?.boardIds.length ? (deleting.boardIds.length === 1 ? "its board" : `its ${deleting.boardIds.length} boards`) : "the organization"}, and{" "}
          <strong className="font-semibold">every value tasks have for it is deleted</strong>. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
