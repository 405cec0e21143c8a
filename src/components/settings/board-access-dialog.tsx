"use client";
import { useId, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/misc";
import { cn } from "@/lib/cn";

type Level = "none" | "read" | "write";
const LEVELS: { value: Level; label: string; hint: string }[] = [
  { value: "none", label: "None", hint: "Cannot see the board" },
  { value: "read", label: "Read", hint: "Sees tasks and comments" },
  { value: "write", label: "Write", hint: "Creates and changes tasks" },
];

/** A member's boards: every board (the default), or only chosen boards, each read or write. */
export function BoardAccessDialog({ orgId, member, onClose }: { orgId: string; member: { userId: string; name: string } | null; onClose: () => void }) {
  return (
    <Dialog open={!!member} onClose={onClose} title={`Board access for ${member?.name ?? ""}`}>
      {member ? <BoardAccessForm key={member.userId} orgId={orgId} member={member} onClose={onClose} /> : null}
    </Dialog>
  );
}

function BoardAccessForm({ orgId, member, onClose }: { orgId: string; member: { userId: string; name: string }; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toggleId = useId();
  const access = useQuery(trpc.boardAccess.get.queryOptions({ orgId, userId: member.userId }, { staleTime: 0 }));
  const boards = useQuery(trpc.boards.list.queryOptions({ orgId, archived: "include" }));
  // Edits on top of the loaded access; null means "as loaded".
  const [allBoards, setAllBoards] = useState<boolean | null>(null);
  const [levels, setLevels] = useState<Map<string, Level>>(new Map());

  const save = useMutation(
    trpc.boardAccess.set.mutationOptions({
      onSuccess: (result) => {
        toast.success(result.allBoards ? `${member.name} can access every board` : `${member.name} can access ${result.grants.length === 1 ? "1 board" : `${result.grants.length} boards`}`);
        void queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey({ orgId }) });
        void queryClient.invalidateQueries({ queryKey: trpc.boardAccess.get.queryKey({ orgId, userId: member.userId }) });
        onClose();
      },
      onError: (e) => toast.error(errorMessage(e)),
    }),
  );

  if (access.isPending || boards.isPending) return <Spinner label="Loading access" />;
  if (access.isError || boards.isError) {
    return (
      <p role="alert" className="text-sm text-red-600 dark:text-red-400">
        {errorMessage(access.error ?? boards.error)}
      </p>
    );
  }

  const granted = new Map(access.data.grants.map((g) => [g.boardId, g.level as Level]));
  const levelOf = (boardId: string): Level => levels.get(boardId) ?? granted.get(boardId) ?? "none";
  const all = allBoards ?? access.data.allBoards;
  const grants = boards.data.flatMap((b) => {
    const level = levelOf(b.id);
    return level === "none" ? [] : [{ boardId: b.id, level }];
  });
  const setLevel = (boardId: string, level: Level) => setLevels((m) => new Map(m).set(boardId, level));
  const setEvery = (level: Level) => setLevels(new Map(boards.data.map((b) => [b.id, level])));

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ orgId, userId: member.userId, allBoards: all, grants: all ? [] : grants });
      }}
    >
      <div className="flex items-start justify-between gap-4 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
        <label htmlFor={toggleId} className="text-sm">
          <span className="font-medium">All boards</span>
          <span className="block text-xs text-slate-500 dark:text-slate-400">
            {all ? "Reads and writes every board, including boards created later." : "Only the boards chosen below. New boards stay hidden until granted."}
          </span>
        </label>
        <button
          id={toggleId}
          type="button"
          role="switch"
          aria-checked={all}
          onClick={() => setAllBoards(!all)}
          className={cn(
            "relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500",
            all ? "bg-indigo-600" : "bg-slate-300 dark:bg-slate-700",
          )}
        >
          <span className={cn("inline-block size-5 rounded-full bg-white shadow transition-transform", all ? "translate-x-5" : "translate-x-0.5")} />
        </button>
      </div>

      {!all ? (
        <div className="mt-4">
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm text-slate-500 dark:text-slate-400">
              {grants.length === 0 ? "No boards yet: they will see none." : `${grants.length} of ${boards.data.length} boards`}
            </p>
            <span className="flex items-center gap-1 text-xs text-slate-500 dark:text-slate-400">
              Set all:
              {LEVELS.map((l) => (
                <button
                  key={l.value}
                  type="button"
                  onClick={() => setEvery(l.value)}
                  className="rounded px-1.5 py-0.5 font-medium text-indigo-600 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-400 dark:hover:bg-indigo-950/50"
                >
                  {l.label}
                </button>
              ))}
            </span>
          </div>
          {boards.data.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">There are no boards yet.</p>
          ) : (
            <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
              {boards.data.map((b) => (
                <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                  <span className="min-w-0 flex-1 truncate text-sm font-medium">
                    {b.name}
                    {b.archivedAt ? <span className="ml-2 text-xs font-normal text-slate-400">archived</span> : null}
                  </span>
                  <LevelPicker board={b.name} value={levelOf(b.id)} onChange={(l) => setLevel(b.id, l)} />
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}

      <div className="mt-6 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={save.isPending}>
          Cancel
        </Button>
        <Button type="submit" busy={save.isPending}>
          Save access
        </Button>
      </div>
    </form>
  );
}

/** None / Read / Write as a segmented radio group (arrow keys move within it). */
function LevelPicker({ board, value, onChange }: { board: string; value: Level; onChange: (l: Level) => void }) {
  const name = useId();
  return (
    <div role="radiogroup" aria-label={`Access to ${board}`} className="inline-flex rounded-md border border-slate-200 bg-slate-100 p-0.5 dark:border-slate-700 dark:bg-slate-800">
      {LEVELS.map((l) => (
        <label key={l.value} title={l.hint} className="cursor-pointer">
          <input type="radio" name={name} value={l.value} checked={value === l.value} onChange={() => onChange(l.value)} className="peer sr-only" />
          <span
            className={cn(
              "inline-flex h-7 items-center rounded px-2.5 text-xs font-medium text-slate-600 transition-colors peer-focus-visible:outline-2 peer-focus-visible:outline-indigo-500 dark:text-slate-300",
              value === l.value &&
                (l.value === "none"
                  ? "bg-white text-slate-900 shadow-sm dark:bg-slate-950 dark:text-white"
                  : "bg-white text-indigo-700 shadow-sm dark:bg-slate-950 dark:text-indigo-300"),
            )}
          >
            {l.label}
          </span>
        </label>
      ))}
    </div>
  );
}
