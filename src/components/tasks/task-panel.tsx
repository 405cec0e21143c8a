"use client";
// The task side panel (deep link: ?task=<id>). Every field saves on its own, like an issue
// tracker: status moves through the board's rules, the rest goes through tasks.update.
import { useEffect, useId, useRef, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Sheet } from "@/components/ui/sheet";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/misc";
import { CopyButton } from "@/components/ui/copy-button";
import { Markdown } from "@/components/markdown/markdown";
import { MarkdownEditor } from "@/components/markdown/markdown-editor";
import { ActivityEntry } from "@/components/activity/activity-entry";
import { RelativeTime } from "@/components/activity/relative-time";
import { useTRPC } from "@/lib/trpc/client";
import { cn } from "@/lib/cn";
import { STATUS_LABELS, TASK_PRIORITIES, TASK_STATUSES, type Task, type TaskStatusValue } from "@/lib/schemas/tasks";
import { PRIORITY_LABELS } from "./priority-badge";
import { dateInputValue, type BoardLookups } from "./board-lookups";
import { useBoardTaskCache } from "./board-tasks";
import type { TaskActions } from "./task-actions";
import { AssigneeSelect } from "./assignee-select";
import { TaskComments } from "./task-comments";
import { TaskDependencies } from "./task-dependencies";
import { TaskFields } from "./task-fields";
import { TaskTags } from "./task-tags";

type Props = {
  orgId: string;
  boardId: string;
  taskId: string | null;
  lookups: BoardLookups;
  actions: TaskActions;
  canWrite: boolean;
  onClose: () => void;
  onOpenTask: (taskId: string) => void;
  /** Status changes go through the board (it asks for a comment where the rules want one). */
  onMove: (task: Task, status: TaskStatusValue) => void;
};

export function TaskPanel(props: Props) {
  return (
    <Sheet open={props.taskId !== null} onClose={props.onClose} label="Task details">
      {props.taskId ? <TaskPanelBody key={props.taskId} {...props} taskId={props.taskId} /> : null}
    </Sheet>
  );
}

const sideLabel = "mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400";
const sideInput =
  "block h-9 w-full rounded-md border border-slate-300 bg-white px-2.5 text-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none disabled:cursor-not-allowed disabled:opacity-70 dark:border-slate-700 dark:bg-slate-900";

function TaskPanelBody({ orgId, boardId, taskId, lookups, actions, canWrite, onClose, onOpenTask, onMove }: Props & { taskId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cache = useBoardTaskCache(boardId);
  const ids = { status: useId(), priority: useId(), due: useId(), assignee: useId(), title: useId() };
  const query = useQuery({ ...trpc.tasks.get.queryOptions({ boardId, taskId }), initialData: () => cache.find(taskId), staleTime: 5_000 });
  const task = query.data;
  const [tab, setTab] = useState<"comments" | "history">("comments");

  // Someone else commented: the task's count changed, so the thread refreshes.
  const commentCount = task?.commentCount;
  useEffect(() => {
    if (commentCount !== undefined) void queryClient.invalidateQueries({ queryKey: trpc.comments.list.queryKey({ boardId, taskId }) });
  }, [commentCount, queryClient, trpc, boardId, taskId]);

  if (!task) {
    return (
      <div className="flex h-full flex-col p-6">
        <div className="flex justify-end">
          <Button variant="ghost" size="sm" onClick={onClose}>
            Close
          </Button>
        </div>
        {query.isError ? (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            This task could not be loaded: {query.error.message}
          </p>
        ) : (
          <Spinner label="Loading task" />
        )}
      </div>
    );
  }

  const blockers = task.blockedByIds;

  return (
    <div className="flex h-full flex-col">
      <header className="flex items-start gap-3 border-b border-slate-200 px-6 py-4 dark:border-slate-800">
        <div className="min-w-0 flex-1">
          <p className="mb-1 flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
            <span className="font-mono">{task.id}</span>
            <span aria-hidden>·</span>
            <span>
              Created <RelativeTime value={task.createdAt} />, updated <RelativeTime value={task.updatedAt} />
            </span>
          </p>
          <TitleEditor key={task.title} id={ids.title} title={task.title} canWrite={canWrite} onSave={(title) => actions.update(task.id, { title })} />
        </div>
        <div className="flex shrink-0 items-center gap-1">
          <CopyButton value={typeof window === "undefined" ? "" : window.location.href} label="Copy link" />
          <button
            type="button"
            onClick={onClose}
            aria-label="Close task"
            className="inline-flex size-8 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800 dark:hover:text-slate-100"
          >
            <svg viewBox="0 0 20 20" fill="currentColor" className="size-5" aria-hidden>
              <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
            </svg>
          </button>
        </div>
      </header>

      <div className="flex-1 overflow-y-auto">
        {blockers.length > 0 ? (
          <div role="status" className="mx-6 mt-4 flex items-start gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200">
            <svg viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 size-4 shrink-0" aria-hidden>
              <path fillRule="evenodd" d="M10 1a4.5 4.5 0 0 0-4.5 4.5V9H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 8V5.5a3 3 0 1 0-6 0V9h6Z" />
            </svg>
            <p>
              <strong className="font-semibold">Blocked by {blockers.length === 1 ? "1 unfinished dependency" : `${blockers.length} unfinished dependencies`}:</strong>{" "}
              {blockers.map((id, i) => (
                <span key={id}>
                  {i > 0 ? ", " : ""}
                  <BlockerLink boardId={boardId} taskId={id} onOpen={onOpenTask} />
                </span>
              ))}
              . It can start when {blockers.length === 1 ? "that is" : "those are"} done.
            </p>
          </div>
        ) : null}

        <div className="grid gap-6 px-6 py-5 md:grid-cols-[minmax(0,1fr)_15rem]">
          <div className="min-w-0 space-y-6">
            <section aria-labelledby={`${ids.title}-desc`}>
              <DescriptionEditor key={task.description} labelId={`${ids.title}-desc`} description={task.description} canWrite={canWrite} mentionables={lookups.members} onSave={(description) => actions.update(task.id, { description })} />
            </section>

            <section>
              <div role="tablist" aria-label="Task activity" className="mb-3 flex gap-4 border-b border-slate-200 dark:border-slate-800">
                {(["comments", "history"] as const).map((t) => (
                  <button
                    key={t}
                    type="button"
                    role="tab"
                    id={`${ids.title}-tab-${t}`}
                    aria-selected={tab === t}
                    aria-controls={`${ids.title}-panel-${t}`}
                    onClick={() => setTab(t)}
                    className={cn(
                      "-mb-px border-b-2 px-1 pb-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-500",
                      tab === t ? "border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300" : "border-transparent text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-200",
                    )}
                  >
                    {t === "comments" ? `Comments${task.commentCount ? ` (${task.commentCount})` : ""}` : "History"}
                  </button>
                ))}
              </div>
              <div role="tabpanel" id={`${ids.title}-panel-${tab}`} aria-labelledby={`${ids.title}-tab-${tab}`}>
                {tab === "comments" ? (
                  <TaskComments boardId={boardId} taskId={task.id} meId={lookups.meId} canWrite={canWrite} mentionables={lookups.members} />
                ) : (
                  <TaskHistory boardId={boardId} taskId={task.id} updatedAt={String(task.updatedAt)} />
                )}
              </div>
            </section>
          </div>

          <aside className="space-y-4" aria-label="Task properties">
            <div>
              <label htmlFor={ids.status} className={sideLabel}>
                Status
              </label>
              <select id={ids.status} className={sideInput} value={task.status} disabled={!canWrite} onChange={(e) => onMove(task, e.target.value as TaskStatusValue)}>
                {TASK_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={ids.priority} className={sideLabel}>
                Priority
              </label>
              <select id={ids.priority} className={sideInput} value={task.priority} disabled={!canWrite} onChange={(e) => void actions.update(task.id, { priority: e.target.value as Task["priority"] })}>
                {TASK_PRIORITIES.map((p) => (
                  <option key={p} value={p}>
                    {PRIORITY_LABELS[p]}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={ids.due} className={sideLabel}>
                Due date
              </label>
              <input
                id={ids.due}
                type="date"
                className={sideInput}
                value={dateInputValue(task.dueAt)}
                disabled={!canWrite}
                onChange={(e) => void actions.update(task.id, { dueAt: e.target.value ? new Date(`${e.target.value}T00:00:00Z`) : null })}
              />
            </div>
            <div>
              <label htmlFor={ids.assignee} className={sideLabel}>
                Assignee
              </label>
              <AssigneeSelect
                id={ids.assignee}
                className={sideInput}
                value={{ assigneeUserId: task.assigneeUserId, assigneeAgentId: task.assigneeAgentId }}
                members={lookups.members}
                agents={lookups.agents}
                disabled={!canWrite}
                aria-describedby={`${ids.assignee}-hint`}
                onChange={(next) => void actions.update(task.id, next)}
              />
              <p id={`${ids.assignee}-hint`} className="mt-1 text-[11px] text-slate-500 dark:text-slate-400">
                {lookups.agents.length ? "A person or one of this board's agents." : "No agents on this board yet: add one on the Agents page to assign work to it."}
              </p>
            </div>
            <div>
              <span className={sideLabel}>Tags</span>
              <TaskTags orgId={orgId} tagIds={task.tagIds} tags={lookups.tags} canWrite={canWrite} onChange={(tagIds) => actions.update(task.id, { tagIds })} />
            </div>
            <div>
              <span className={sideLabel}>Depends on</span>
              <TaskDependencies task={task} canWrite={canWrite} actions={actions} onOpenTask={onOpenTask} />
            </div>
            {lookups.fields.length ? (
              <div className="border-t border-slate-200 pt-4 dark:border-slate-800">
                <span className={cn(sideLabel, "mb-2")}>Custom fields</span>
                <TaskFields task={task} defs={lookups.fields} canWrite={canWrite} onSave={(fields) => actions.update(task.id, { fields })} />
              </div>
            ) : null}
            {task.completedAt ? (
              <p className="text-xs text-slate-500 dark:text-slate-400">
                Completed <RelativeTime value={task.completedAt} />
              </p>
            ) : null}
            {canWrite ? <DeleteTask title={task.title} onDelete={async () => { onClose(); await actions.remove(task.id); }} /> : null}
          </aside>
        </div>
      </div>
    </div>
  );
}

function BlockerLink({ boardId, taskId, onOpen }: { boardId: string; taskId: string; onOpen: (id: string) => void }) {
  const trpc = useTRPC();
  const cache = useBoardTaskCache(boardId);
  const dep = useQuery({ ...trpc.tasks.get.queryOptions({ boardId, taskId }), initialData: () => cache.find(taskId), staleTime: 5_000 });
  return (
    <button type="button" className="font-medium underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-indigo-500" onClick={() => onOpen(taskId)}>
      “{dep.data?.title ?? "…"}”{dep.data ? ` (${STATUS_LABELS[dep.data.status]})` : ""}
    </button>
  );
}

function TitleEditor({ id, title, canWrite, onSave }: { id: string; title: string; canWrite: boolean; onSave: (title: string) => Promise<boolean> }) {
  const [value, setValue] = useState(title);
  const [error, setError] = useState<string | null>(null);
  const saving = useRef(false);
  if (!canWrite) return <h2 className="text-xl font-semibold break-words">{title}</h2>;
  async function commit() {
    const next = value.trim();
    if (!next) return setError("A task needs a title");
    setError(null);
    if (next === title || saving.current) return;
    saving.current = true;
    const ok = await onSave(next);
    saving.current = false;
    if (!ok) setValue(title);
  }
  return (
    <div>
      <label htmlFor={id} className="sr-only">
        Title
      </label>
      <input
        id={id}
        value={value}
        maxLength={300}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            void commit();
          }
        }}
        aria-invalid={error ? true : undefined}
        className="-mx-1 block w-full rounded-md border border-transparent bg-transparent px-1 text-xl font-semibold hover:border-slate-200 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none dark:hover:border-slate-700"
      />
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function DescriptionEditor({ labelId, description, canWrite, mentionables, onSave }: { labelId: string; description: string; canWrite: boolean; mentionables: { email: string; name: string }[]; onSave: (value: string) => Promise<boolean> }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(description);
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    const ok = await onSave(draft);
    setBusy(false);
    if (ok) setEditing(false);
  }
  return (
    <>
      <div className="mb-2 flex items-center justify-between">
        <h3 id={labelId} className="text-sm font-semibold text-slate-700 dark:text-slate-300">
          Description
        </h3>
        {canWrite && !editing ? (
          <Button size="sm" variant="ghost" onClick={() => setEditing(true)} aria-label="Edit description">
            Edit
          </Button>
        ) : null}
      </div>
      {editing ? (
        <div className="space-y-2">
          <MarkdownEditor label="Description" value={draft} onChange={setDraft} mentionables={mentionables} rows={8} autoFocus onSubmitShortcut={() => void save()} />
          <div className="flex justify-end gap-2">
            <Button
              size="sm"
              variant="secondary"
              onClick={() => {
                setDraft(description);
                setEditing(false);
              }}
              disabled={busy}
            >
              Cancel
            </Button>
            <Button size="sm" onClick={() => void save()} busy={busy}>
              Save description
            </Button>
          </div>
        </div>
      ) : description.trim() ? (
        <Markdown source={description} />
      ) : (
        <p className="text-sm text-slate-400 italic dark:text-slate-500">{canWrite ? "No description. Add context, links and acceptance criteria." : "No description."}</p>
      )}
    </>
  );
}

function TaskHistory({ boardId, taskId, updatedAt }: { boardId: string; taskId: string; updatedAt: string }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.tasks.history.queryOptions({ boardId, taskId }));
  const { refetch } = history;
  // Follow the task: each change to it adds a history row.
  useEffect(() => {
    void refetch();
  }, [updatedAt, refetch]);
  if (history.isPending) return <Spinner label="Loading history" />;
  if (history.isError) return <p role="alert" className="text-sm text-red-600 dark:text-red-400">Could not load the history: {history.error.message}</p>;
  if (history.data.length === 0) return <p className="text-sm text-slate-500">No history yet.</p>;
  return (
    <ol className="divide-y divide-slate-100 dark:divide-slate-800" aria-label="Task history, newest first">
      {[...history.data].reverse().map((item) => (
        <ActivityEntry key={item.id} item={item} />
      ))}
    </ol>
  );
}

function DeleteTask({ title, onDelete }: { title: string; onDelete: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <div className="border-t border-slate-200 pt-4 dark:border-slate-800">
        <Button variant="ghost" size="sm" className="text-red-600! hover:bg-red-50! dark:text-red-400! dark:hover:bg-red-950/50!" onClick={() => setConfirming(true)}>
          Delete task…
        </Button>
      </div>
    );
  return (
    <div className="space-y-2 border-t border-slate-200 pt-4 text-sm dark:border-slate-800">
      <p className="text-slate-600 dark:text-slate-300">
        Delete <strong className="font-semibold text-slate-900 dark:text-slate-100">{title}</strong>? Its comments go with it; the activity log keeps a record.
      </p>
      <div className="flex gap-2">
        <Button size="sm" variant="secondary" onClick={() => setConfirming(false)} autoFocus>
          Keep
        </Button>
        <Button size="sm" variant="danger" onClick={() => void onDelete()}>
          Delete task
        </Button>
      </div>
    </div>
  );
}
