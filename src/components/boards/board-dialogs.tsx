"use client";
import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { errorMessage, useTRPC } from "@/lib/trpc/client";
import type { Board } from "@/lib/schemas/boards";

type FieldErrors = Partial<Record<"name" | "description", string>>;

function fieldErrorsOf(error: unknown): FieldErrors {
  const fields = (error as { data?: { fieldErrors?: Record<string, string[]> | null } })?.data?.fieldErrors ?? {};
  return { name: fields.name?.[0], description: fields.description?.[0] };
}

/** Name and description, shared by create and edit. */
function BoardForm({
  initial,
  submitLabel,
  busy,
  errors,
  onSubmit,
  onCancel,
}: {
  initial: { name: string; description: string };
  submitLabel: string;
  busy: boolean;
  errors: FieldErrors;
  onSubmit: (values: { name: string; description: string }) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [localError, setLocalError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setLocalError("A board needs a name");
    onSubmit({ name: name.trim(), description });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field label="Name" error={localError ?? errors.name}>
        {(id) => (
          <Input
            id={id}
            value={name}
            maxLength={120}
            autoFocus
            onChange={(e) => {
              setName(e.target.value);
              setLocalError(null);
            }}
            placeholder="e.g. Website relaunch"
          />
        )}
      </Field>
      <Field label="Description" error={errors.description} hint="Optional. What this board is for, so agents and people share the goal.">
        {(id) => <Textarea id={id} value={description} maxLength={5000} onChange={(e) => setDescription(e.target.value)} rows={3} />}
      </Field>
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

export function CreateBoardDialog({ orgId, open, onClose, onCreated }: { orgId: string; open: boolean; onClose: () => void; onCreated: (board: Board) => void }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.boards.create.mutationOptions());
  return (
    <Dialog open={open} onClose={() => !create.isPending && onClose()} title="New board">
      {open ? (
        <BoardForm
          initial={{ name: "", description: "" }}
          submitLabel="Create board"
          busy={create.isPending}
          errors={create.error ? fieldErrorsOf(create.error) : {}}
          onCancel={onClose}
          onSubmit={(values) =>
            create.mutate(
              { orgId, ...values },
              {
                onSuccess: (board) => onCreated(board as Board),
                onError: (error) => toast.error("Could not create the board", { description: errorMessage(error) }),
              },
            )
          }
        />
      ) : null}
    </Dialog>
  );
}
