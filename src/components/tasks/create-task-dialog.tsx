"use client";
import { useState, type FormEvent } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { STATUS_LABELS, TASK_PRIORITIES, TASK_STATUSES, type Task, type TaskStatusValue } from "@/lib/schemas/tasks";
import { PRIORITY_LABELS } from "./priority-badge";
import type { TaskCreateValues } from "./task-actions";
import type { Agent, Member } from "./board-lookups";
import { AssigneeOptions, assigneeKey, parseAssignee, type AssigneeValue } from "./assignee-select";

export function CreateTaskDialog({
  open,
  initialStatus,
  onClose,
  onCreate,
  members,
  agents = [],
}: {
  open: boolean;
  initialStatus: TaskStatusValue;
  onClose: () => void;
  onCreate: (input: TaskCreateValues) => Promise<Task | null>;
  members: Member[];
  agents?: Agent[];
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Add task">
      {/* Mounted per opening so the form starts empty each time. */}
      {open ? <CreateTaskForm initialStatus={initialStatus} onClose={onClose} onCreate={onCreate} members={members} agents={agents} /> : null}
    </Dialog>
  );
}

function CreateTaskForm({
  initialStatus,
  onClose,
  onCreate,
  members,
  agents,
}: {
  initialStatus: TaskStatusValue;
  onClose: () => void;
  onCreate: (input: TaskCreateValues) => Promise<Task | null>;
  members: Member[];
  agents: Agent[];
}) {
  const [due, setDue] = useState("");
  const [assignee, setAssignee] = useState<AssigneeValue>({ assigneeUserId: null, assigneeAgentId: null });
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [priority, setPriority] = useState<Task["priority"]>("medium");
  const [status, setStatus] = useState<TaskStatusValue>(initialStatus);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) {
      setError("A task needs a title");
      return;
    }
    setBusy(true);
    const task = await onCreate({
      title: title.trim(),
      description,
      priority,
      status,
      ...(due ? { dueAt: new Date(`${due}T00:00:00Z`) } : {}),
      ...(assignee.assigneeUserId ? { assigneeUserId: assignee.assigneeUserId } : {}),
      ...(assignee.assigneeAgentId ? { assigneeAgentId: assignee.assigneeAgentId } : {}),
    });
    setBusy(false);
    if (task) onClose();
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field label="Title" error={error}>
        {(id) => (
          <Input
            id={id}
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
              if (error) setError(null);
            }}
            maxLength={300}
            autoFocus
            required
            aria-invalid={error ? true : undefined}
            placeholder="What needs doing?"
          />
        )}
      </Field>
      <Field label="Description" hint="Optional. Markdown: context, links, acceptance criteria.">
        {(id) => <Textarea id={id} value={description} onChange={(e) => setDescription(e.target.value)} rows={4} />}
      </Field>
      <div className="grid grid-cols-2 gap-4">
        <Field label="Column">
          {(id) => (
            <Select id={id} value={status} onChange={(e) => setStatus(e.target.value as TaskStatusValue)}>
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
      <div className="grid grid-cols-2 gap-4">
        <Field label="Due date">{(id) => <Input id={id} type="date" value={due} onChange={(e) => setDue(e.target.value)} />}</Field>
        <Field label="Assignee">
          {(id) => (
            <Select id={id} value={assigneeKey(assignee)} onChange={(e) => setAssignee(parseAssignee(e.target.value))}>
              <AssigneeOptions value={assignee} members={members} agents={agents} />
            </Select>
          )}
        </Field>
      </div>
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" busy={busy}>
          Create task
        </Button>
      </div>
    </form>
  );
}
