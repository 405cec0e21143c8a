"use client";
import { useState, type FormEvent } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { STATUS_LABELS, TASK_PRIORITIES, TASK_STATUSES, type Task, type TaskStatusValue } from "@/lib/schemas/tasks";
import { PRIORITY_LABELS } from "./priority-badge";

type Actions = {
  update: (taskId: string, changes: { title?: string; description?: string; priority?: Task["priority"] }) => Promise<boolean>;
  move: (taskId: string, status: TaskStatusValue, afterTaskId: string | null | undefined) => Promise<boolean>;
  remove: (taskId: string) => Promise<boolean>;
};

/** `task` is the live copy from the cache: status changes from elsewhere show up while open. */
export function TaskDetailDialog({ task, onClose, actions }: { task: Task | null; onClose: () => void; actions: Actions }) {
  return (
    <Dialog open={task !== null} onClose={onClose} title="Task details">
      {task ? <TaskDetailForm key={task.id} task={task} onClose={onClose} actions={actions} /> : null}
    </Dialog>
  );
}

function TaskDetailForm({ task, onClose, actions }: { task: Task; onClose: () => void; actions: Actions }) {
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description);
  const [priority, setPriority] = useState<Task["priority"]>(task.priority);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);

  const dirty = title !== task.title || description !== task.description || priority !== task.priority;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) {
      setError("A task needs a title");
      return;
    }
    const changes: { title?: string; description?: string; priority?: Task["priority"] } = {};
    if (title.trim() !== task.title) changes.title = title.trim();
    if (description !== task.description) changes.description = description;
    if (priority !== task.priority) changes.priority = priority;
    if (Object.keys(changes).length === 0) return onClose();
    setSaving(true);
    const ok = await actions.update(task.id, changes);
    setSaving(false);
    if (ok) onClose();
  }

  async function remove() {
    setDeleting(true);
    // Close first: the card disappears optimistically and comes back (with a toast) if the delete fails.
    onClose();
    await actions.remove(task.id);
  }

  if (confirmDelete) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Delete <strong className="font-semibold text-slate-900 dark:text-slate-100">{task.title}</strong>? This cannot be undone; the activity log keeps a record.
        </p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirmDelete(false)} disabled={deleting} autoFocus>
            Keep task
          </Button>
          <Button variant="danger" onClick={remove} busy={deleting}>
            Delete task
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={save} className="space-y-4" noValidate>
      <Field label="Title" error={error}>
        {(id) => (
          <Input
            id={id}
            value={title}
            maxLength={300}
            onChange={(e) => {
              setTitle(e.target.value);
              if (error) setError(null);
            }}
            aria-invalid={error ? true : undefined}
          />
        )}
      </Field>
      <Field label="Description">
        {(id) => <Textarea id={id} value={description} onChange={(e) => setDescription(e.target.value)} rows={6} />}
      </Field>
      <div className="grid grid-cols-2 gap-4">
        <Field label="Status" hint="Changes right away; the task goes to the bottom of the column.">
          {(id) => (
            <Select id={id} value={task.status} onChange={(e) => void actions.move(task.id, e.target.value as TaskStatusValue, undefined)}>
              {TASK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Priority">
          {(id) => (
            <Select id={id} value={priority} onChange={(e) => setPriority(e.target.value as Task["priority"])}>
              {TASK_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {PRIORITY_LABELS[p]}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Created <time dateTime={new Date(task.createdAt).toISOString()}>{formatDate(task.createdAt)}</time> · updated{" "}
        <time dateTime={new Date(task.updatedAt).toISOString()}>{formatDate(task.updatedAt)}</time>
      </p>
      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
        <Button variant="ghost" className="text-red-600! hover:bg-red-50! dark:text-red-400! dark:hover:bg-red-950/50!" onClick={() => setConfirmDelete(true)}>
          Delete…
        </Button>
        <div className="flex gap-2">
          <Button variant="secondary" onClick={onClose} disabled={saving}>
            {dirty ? "Discard" : "Close"}
          </Button>
          <Button type="submit" busy={saving} disabled={!dirty}>
            Save changes
          </Button>
        </div>
      </div>
    </form>
  );
}

function formatDate(value: Date | string): string {
  return new Date(value).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
