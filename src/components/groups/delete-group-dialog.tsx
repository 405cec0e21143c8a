"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function DeleteGroupDialog({
  orgId,
  group,
  onClose,
  onDeleted,
}: {
  orgId: string;
  group: { id: string; name: string; boardCount: number } | null;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.boardGroups.delete.mutationOptions({
      onSuccess: () => {
        toast.success(`Deleted “${group?.name}”. Its boards are kept, ungrouped.`);
        void queryClient.invalidateQueries({ queryKey: trpc.boardGroups.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.boards.list.pathKey() });
        onClose();
        onDeleted?.();
      },
      onError: (e) => toast.error(errorMessage(e)),
    }),
  );
  return (
    <ConfirmDialog
      open={!!group}
      title={`Delete “${group?.name ?? ""}”?`}
      confirmLabel="Delete group"
      busy={remove.isPending}
      onClose={onClose}
      onConfirm={() => group && remove.mutate({ orgId, groupId: group.id })}
    >
      <p>
        Only the group goes away.{" "}
        {group?.boardCount
          ? `Its ${group.boardCount === 1 ? "board is" : `${group.boardCount} boards are`} kept, with all their tasks, and become ungrouped.`
          : "It has no boards."}
      </p>
    </ConfirmDialog>
  );
}
