"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/misc";
import type { FieldDef } from "./fields-settings";

/** One checkbox per board; each change is saved at once (customFields.setOnBoard) and rolled back on refusal. */
export function FieldBoardsDialog({ orgId, field, onClose }: { orgId: string; field: FieldDef | null; onClose: () => void }) {
  return (
    <Dialog open={!!field} onClose={onClose} title={`Boards showing “${field?.label ?? ""}”`}>
      {field ? <FieldBoards key={field.id} orgId={orgId} field={field} onClose={onClose} /> : null}
    </Dialog>
  );
}

function FieldBoards({ orgId, field, onClose }: { orgId: string; field: FieldDef; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const boards = useQuery(trpc.boards.list.queryOptions({ orgId, archived: "include" }));
  const fields = useQuery(trpc.customFields.list.queryOptions({ orgId }));
  const current = fields.data?.find((f) => f.id === field.id) ?? field;
  // Optimistic state per board while its request is in flight.
  const [pending, setPending] = useState<Map<string, boolean>>(new Map());
  const setOnBoard = useMutation(trpc.customFields.setOnBoard.mutationOptions());
  const enabled = (boardId: string) => pending.get(boardId) ?? current.boardIds.includes(boardId);

  function toggle(board: { id: string; name: string }, on: boolean) {
    setPending((p) => new Map(p).set(board.id, on));
    setOnBoard.mutate(
      { boardId: board.id, fieldId: field.id, enabled: on },
      {
        onSuccess: (def) => {
          queryClient.setQueryData(trpc.customFields.list.queryKey({ orgId }), (old) => old?.map((f) => (f.id === def.id ? def : f)));
          toast.success(`${on ? "Shown" : "Hidden"} on ${board.name}`);
        },
        onError: (e) => toast.error(`${board.name}: ${errorMessage(e)}`),
        onSettled: () => {
          setPending((p) => {
            const next = new Map(p);
            next.delete(board.id);
            return next;
          });
          void queryClient.invalidateQueries({ queryKey: trpc.customFields.list.pathKey() });
        },
      },
    );
  }

  return (
    <div>
      <p className="mb-3 text-sm text-slate-500 dark:text-slate-400">
        Tasks on the ticked boards show this field. Hiding it on a board keeps the values already entered.
      </p>
      {boards.isPending ? (
        <Spinner label="Loading boards" />
      ) : boards.isError ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {errorMessage(boards.error)}
        </p>
      ) : boards.data.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">There are no boards yet. Create a board, then turn the field on for it here.</p>
      ) : (
        <fieldset>
          <legend className="sr-only">Boards</legend>
          <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {boards.data.map((b) => (
              <li key={b.id}>
                <label className="flex cursor-pointer items-center gap-3 px-3 py-2.5 text-sm hover:bg-slate-50 dark:hover:bg-slate-800/50">
                  <input
                    type="checkbox"
                    className="size-4 rounded border-slate-300 accent-indigo-600"
                    checked={enabled(b.id)}
                    disabled={pending.has(b.id)}
                    onChange={(e) => toggle(b, e.target.checked)}
                  />
                  <span className="min-w-0 flex-1 truncate font-medium">{b.name}</span>
                  {b.archivedAt ? <span className="text-xs text-slate-400">archived</span> : null}
                  {pending.has(b.id) ? <span className="size-3.5 animate-spin rounded-full border-2 border-slate-400 border-t-transparent" aria-label="Saving" /> : null}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <div className="mt-6 flex justify-end">
        <Button variant="secondary" onClick={onClose}>
          Done
        </Button>
      </div>
    </div>
  );
}
