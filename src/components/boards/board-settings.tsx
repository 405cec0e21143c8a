"use client";
// Board settings for admins: details, rules, lead agent, archive/restore and delete.
import { useId, useState, type FormEvent, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/misc";
import { errorMessage, useTRPC } from "@/lib/trpc/client";
import type { BoardRulesValue } from "@/lib/schemas/boards";
import type { BoardWithAccess } from "./board-view";

const RULES: { key: keyof BoardRulesValue; label: string; explain: string }[] = [
  { key: "approvalForDone", label: "Approval before done", explain: "A task moves to Done only after an approval for it is approved." },
  { key: "reviewBeforeDone", label: "Review before done", explain: "Tasks reach Done only from Review, never straight from Inbox or In progress." },
  { key: "commentForReview", label: "Comment when sending to review", explain: "Moving a task to Review asks for a comment saying what was done." },
  { key: "blockWhilePending", label: "Freeze while approval is pending", explain: "A task's status cannot change while an approval for it is waiting." },
  { key: "leadAgentOnlyStatus", label: "Only the lead agent changes status", explain: "People and other agents can edit tasks, but only the lead agent moves them." },
];

type FieldErrors = Record<string, string[] | undefined>;
const fieldErrorsOf = (error: unknown): FieldErrors => (error as { data?: { fieldErrors?: FieldErrors | null } })?.data?.fieldErrors ?? {};

function Section({ title, description, children, tone }: { title: string; description?: ReactNode; children: ReactNode; tone?: "danger" }) {
  return (
    <section className={tone === "danger" ? "rounded-xl border border-red-200 bg-white p-5 dark:border-red-900/60 dark:bg-slate-900" : "rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"}>
      <h2 className="text-base font-semibold">{title}</h2>
      {description ? <p className="mt-0.5 text-sm text-slate-500 dark:text-slate-400">{description}</p> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}

export function BoardSettings({ orgSlug, initialBoard }: { orgSlug: string; initialBoard: BoardWithAccess }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const boardId = initialBoard.id;
  const boardKey = trpc.boards.get.queryKey({ boardId });
  const boardQuery = useQuery({ ...trpc.boards.get.queryOptions({ boardId }), initialData: initialBoard });
  const board = boardQuery.data as BoardWithAccess;
  const groups = useQuery(trpc.boardGroups.list.queryOptions({ orgId: board.orgId }));
  const update = useMutation(trpc.boards.update.mutationOptions());
  const archive = useMutation(trpc.boards.setArchived.mutationOptions());
  const agents = useQuery(trpc.agents.list.queryOptions({ orgId: board.orgId, boardId }));
  const agentList = agents.data ?? [];
  const noAgents = agents.isSuccess && agentList.length === 0;
  const ids = { lead: useId() };

  const [name, setName] = useState(board.name);
  const [slug, setSlug] = useState(board.slug);
  const [description, setDescription] = useState(board.description);
  const [objective, setObjective] = useState(board.objective);
  const [targetDate, setTargetDate] = useState(board.targetDate ? new Date(board.targetDate).toISOString().slice(0, 10) : "");
  const [groupId, setGroupId] = useState(board.groupId ?? "");
  const [deleting, setDeleting] = useState(false);
  const errors = update.error ? fieldErrorsOf(update.error) : {};
  const boardHref = `/o/${orgSlug}/boards/${boardId}`;

  const saved = (next: unknown) => {
    queryClient.setQueryData(boardKey, (old: BoardWithAccess | undefined) => (old ? { ...old, ...(next as object) } : old));
    void queryClient.invalidateQueries({ queryKey: trpc.boards.list.pathKey() });
  };

  function saveDetails(event: FormEvent) {
    event.preventDefault();
    update.mutate(
      { boardId, name: name.trim(), slug, description, objective, targetDate: targetDate ? new Date(`${targetDate}T00:00:00Z`) : null, groupId: groupId || null },
      {
        onSuccess: (next) => {
          saved(next);
          toast.success("Board saved");
        },
        onError: (error) => toast.error("Could not save the board", { description: errorMessage(error) }),
      },
    );
  }

  function setRule(key: keyof BoardRulesValue, value: boolean) {
    update.mutate(
      { boardId, rules: { [key]: value } },
      {
        onSuccess: (next) => {
          saved(next);
          toast.success(`${RULES.find((r) => r.key === key)?.label}: ${value ? "on" : "off"}`);
        },
        onError: (error) => toast.error("Could not change the rule", { description: errorMessage(error) }),
      },
    );
  }

  function setLeadAgent(leadAgentId: string | null) {
    update.mutate(
      { boardId, leadAgentId },
      {
        onSuccess: (next) => {
          saved(next);
          const agent = agentList.find((a) => a.id === leadAgentId);
          toast.success(agent ? `Lead agent: ${agent.name}` : "No lead agent");
        },
        onError: (error) => toast.error("Could not change the lead agent", { description: errorMessage(error) }),
      },
    );
  }

  const archived = board.archivedAt !== null;

  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <nav aria-label="Breadcrumb" className="mb-1 text-xs text-slate-500 dark:text-slate-400">
          <Link href={`/o/${orgSlug}`} className="rounded hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500">
            Boards
          </Link>
          <span aria-hidden> / </span>
          <Link href={boardHref} className="rounded hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500">
            {board.name}
          </Link>
          <span aria-hidden> / </span>
        </nav>
        <h1 className="text-2xl font-semibold tracking-tight">Board settings</h1>
      </div>

      {archived ? (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-2.5 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100">
          This board is archived: it is read-only and hidden from the boards list. Restore it below to work on it again.
        </div>
      ) : null}

      <Section title="Details" description="What the board is for, so agents and people share the goal.">
        <form onSubmit={saveDetails} className="space-y-4" noValidate>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Name" error={errors.name?.[0]}>
              {(id) => <Input id={id} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} required />}
            </Field>
            <Field label="Slug" error={errors.slug?.[0]} hint="Lowercase letters, digits and dashes; unique in the organization.">
              {(id) => <Input id={id} value={slug} maxLength={48} onChange={(e) => setSlug(e.target.value)} />}
            </Field>
          </div>
          <Field label="Objective" error={errors.objective?.[0]} hint="One line the board works toward; shown in the board header.">
            {(id) => <Input id={id} value={objective} maxLength={5000} onChange={(e) => setObjective(e.target.value)} placeholder="e.g. Ship the new onboarding by June" />}
          </Field>
          <Field label="Description" error={errors.description?.[0]}>
            {(id) => <Textarea id={id} value={description} maxLength={5000} rows={3} onChange={(e) => setDescription(e.target.value)} />}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Target date" error={errors.targetDate?.[0]}>
              {(id) => <Input id={id} type="date" value={targetDate} onChange={(e) => setTargetDate(e.target.value)} />}
            </Field>
            <Field label="Group" error={errors.groupId?.[0]} hint={groups.data?.length === 0 ? "No groups yet: create them in the boards' groups settings." : undefined}>
              {(id) => (
                <Select id={id} value={groupId} onChange={(e) => setGroupId(e.target.value)}>
                  <option value="">No group</option>
                  {(groups.data ?? []).map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
          <div className="flex justify-end">
            <Button type="submit" busy={update.isPending}>
              Save details
            </Button>
          </div>
        </form>
      </Section>

      <Section title="Rules" description="Enforced by the server for people, API tokens and agents alike; a move that breaks one is refused with the reason.">
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {RULES.map((rule) => (
            <li key={rule.key} className="flex items-start justify-between gap-4 py-3">
              <div>
                <p id={`rule-${rule.key}`} className="text-sm font-medium">
                  {rule.label}
                </p>
                <p id={`rule-${rule.key}-explain`} className="text-xs text-slate-500 dark:text-slate-400">
                  {rule.explain}
                </p>
              </div>
              <button
                type="button"
                role="switch"
                aria-checked={board.rules[rule.key]}
                aria-labelledby={`rule-${rule.key}`}
                aria-describedby={`rule-${rule.key}-explain`}
                disabled={update.isPending}
                onClick={() => setRule(rule.key, !board.rules[rule.key])}
                className={
                  "relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 disabled:opacity-60 " +
                  (board.rules[rule.key] ? "bg-indigo-600" : "bg-slate-300 dark:bg-slate-700")
                }
              >
                <span className={"inline-block size-5 rounded-full bg-white shadow transition-transform " + (board.rules[rule.key] ? "translate-x-5.5" : "translate-x-0.5")} />
              </button>
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Lead agent" description="The agent that coordinates this board's work.">
        <label htmlFor={ids.lead} className="mb-1.5 block text-sm font-medium text-slate-700 dark:text-slate-300">
          Lead agent
        </label>
        <Select
          id={ids.lead}
          value={board.leadAgentId ?? ""}
          disabled={noAgents || update.isPending}
          aria-describedby={`${ids.lead}-note`}
          onChange={(e) => setLeadAgent(e.target.value || null)}
        >
          <option value="">{agents.isPending ? "Loading agents…" : "No lead agent"}</option>
          {board.leadAgentId && !agentList.some((a) => a.id === board.leadAgentId) ? <option value={board.leadAgentId}>Current lead agent</option> : null}
          {agentList.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
              {a.role === "lead" ? " (lead role)" : ""} · {a.status}
            </option>
          ))}
        </Select>
        <p id={`${ids.lead}-note`} className="mt-1.5 text-xs text-slate-500 dark:text-slate-400">
          {agents.isError ? (
            <span role="alert" className="text-red-600 dark:text-red-400">
              Could not load the board&apos;s agents: {errorMessage(agents.error)}
            </span>
          ) : noAgents ? (
            <>
              This board has no agents yet. Agents arrive with gateways:{" "}
              <Link href={`/o/${orgSlug}/agents`} className="font-medium text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-400">
                Add an agent on the Agents page
              </Link>
              , then choose its lead here.
            </>
          ) : board.rules.leadAgentOnlyStatus ? (
            "Only this agent changes task status (the rule above is on)."
          ) : (
            "One of this board's agents. With the rule “Only the lead agent changes status”, only it moves tasks."
          )}
        </p>
      </Section>

      <Section title={archived ? "Restore board" : "Archive board"} description={archived ? "Bring the board back to the boards list and make it editable again." : "Hide the board from the boards list and make it read-only. Nothing is deleted; you can restore it any time."}>
        <Button
          variant="secondary"
          busy={archive.isPending}
          onClick={() =>
            archive.mutate(
              { boardId, archived: !archived },
              {
                onSuccess: (next) => {
                  saved(next);
                  toast.success(archived ? "Board restored" : "Board archived");
                },
                onError: (error) => toast.error("Could not change the board", { description: errorMessage(error) }),
              },
            )
          }
        >
          {archived ? "Restore board" : "Archive board"}
        </Button>
      </Section>

      <Section title="Delete board" tone="danger" description="Deletes the board with its tasks, comments and approvals. It cannot be undone; the activity log keeps a record.">
        <Button variant="danger" onClick={() => setDeleting(true)}>
          Delete board…
        </Button>
      </Section>

      <DeleteBoardDialog
        boardId={boardId}
        boardName={board.name}
        open={deleting}
        onClose={() => setDeleting(false)}
        onDeleted={(deletedTasks) => {
          toast.success(`Deleted board “${board.name}”`, { description: deletedTasks === 1 ? "1 task deleted" : `${deletedTasks} tasks deleted` });
          void queryClient.invalidateQueries({ queryKey: trpc.boards.list.pathKey() });
          router.push(`/o/${orgSlug}`);
        }}
      />
    </div>
  );
}

function DeleteBoardDialog({ boardId, boardName, open, onClose, onDeleted }: { boardId: string; boardName: string; open: boolean; onClose: () => void; onDeleted: (deletedTasks: number) => void }) {
  const trpc = useTRPC();
  const preview = useQuery({ ...trpc.boards.deletePreview.queryOptions({ boardId }), enabled: open, staleTime: 0 });
  const remove = useMutation(trpc.boards.delete.mutationOptions());
  const [typed, setTyped] = useState("");
  const inputId = useId();
  const matches = typed.trim() === boardName;
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
  return (
    <Dialog open={open} onClose={() => !remove.isPending && onClose()} title={`Delete board “${boardName}”?`}>
      <div className="space-y-4 text-sm text-slate-600 dark:text-slate-300">
        {preview.isPending ? (
          <Spinner label="Counting what will be deleted" />
        ) : preview.isError ? (
          <p role="alert" className="text-red-600 dark:text-red-400">
            Could not count what will be deleted: {preview.error.message}
          </p>
        ) : (
          <div>
            <p className="mb-2">This permanently deletes:</p>
            <ul className="list-disc space-y-0.5 pl-5 font-medium text-slate-900 dark:text-slate-100" aria-label="What will be deleted">
              <li>{plural(preview.data.tasks, "task", "tasks")}</li>
              <li>{plural(preview.data.comments, "comment", "comments")}</li>
              <li>{plural(preview.data.approvals, "approval", "approvals")}</li>
              <li>{plural(preview.data.agents, "agent", "agents")} attached to the board</li>
            </ul>
          </div>
        )}
        <p>It cannot be undone. The activity log keeps a record of the deletion.</p>
        <div>
          <label htmlFor={inputId} className="mb-1.5 block font-medium text-slate-700 dark:text-slate-300">
            Type the board name to confirm: <span className="font-mono text-slate-900 dark:text-slate-100">{boardName}</span>
          </label>
          <Input id={inputId} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" autoFocus />
        </div>
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={onClose} disabled={remove.isPending}>
            Cancel
          </Button>
          <Button
            variant="danger"
            disabled={!matches || preview.isPending}
            busy={remove.isPending}
            onClick={() =>
              remove.mutate(
                { boardId },
                {
                  onSuccess: (result) => onDeleted(result.deletedTasks),
                  onError: (error) => toast.error("Could not delete the board", { description: errorMessage(error) }),
                },
              )
            }
          >
            Delete board
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
