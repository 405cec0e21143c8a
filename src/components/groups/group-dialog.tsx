"use client";
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Textarea } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

export type GroupLike = { id: string; name: string; description: string };

/** Create a group (no `group`) or edit one's name and description. */
export function GroupDialog({ orgId, group, open, onClose, onSaved }: { orgId: string; group?: GroupLike; open: boolean; onClose: () => void; onSaved?: (g: GroupLike) => void }) {
  return (
    <Dialog open={open} onClose={onClose} title={group ? "Edit group" : "New board group"}>
      {/* Keyed so each opening starts from the group's current values. */}
      {open ? <GroupForm key={group?.id ?? "new"} orgId={orgId} group={group} onClose={onClose} onSaved={onSaved} /> : null}
    </Dialog>
  );
}

function GroupForm({ orgId, group, onClose, onSaved }: { orgId: string; group?: GroupLike; onClose: () => void; onSaved?: (g: GroupLike) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(group?.name ?? "");
  const [description, setDescription] = useState(group?.description ?? "");
  const [error, setError] = useState<string | null>(null);
  const done = (g: GroupLike, verb: string) => {
    toast.success(`${verb} “${g.name}”`);
    void queryClient.invalidateQueries({ queryKey: trpc.boardGroups.pathKey() });
    onSaved?.(g);
    onClose();
  };
  const create = useMutation(trpc.boardGroups.create.mutationOptions({ onSuccess: (g) => done(g, "Created"), onError: (e) => setError(errorMessage(e)) }));
  const update = useMutation(trpc.boardGroups.update.mutationOptions({ onSuccess: (g) => done(g, "Saved"), onError: (e) => setError(errorMessage(e)) }));
  const busy = create.isPending || update.isPending;

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        if (!name.trim()) return setError("Give the group a name");
        if (group) update.mutate({ orgId, groupId: group.id, name: name.trim(), description });
        else create.mutate({ orgId, name: name.trim(), description });
      }}
    >
      <Field label="Name" error={error}>
        {(id) => <Input id={id} value={name} onChange={(e) => setName(e.target.value)} maxLength={120} autoFocus placeholder="e.g. Q3 launch" required />}
      </Field>
      <Field label="Description" hint="Optional. What ties these boards together.">
        {(id) => <Textarea id={id} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={5000} className="min-h-20" />}
      </Field>
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" busy={busy}>
          {group ? "Save" : "Create group"}
        </Button>
      </div>
    </form>
  );
}
