"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/misc";
import { Markdown } from "@/components/markdown/markdown";
import { MarkdownEditor, type Mentionable } from "@/components/markdown/markdown-editor";
import { RelativeTime } from "@/components/activity/relative-time";
import { errorMessage, useTRPC } from "@/lib/trpc/client";
import { initials } from "./board-lookups";

export function TaskComments({ boardId, taskId, meId, canWrite, mentionables }: { boardId: string; taskId: string; meId: string | null; canWrite: boolean; mentionables: Mentionable[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = trpc.comments.list.queryKey({ boardId, taskId });
  const comments = useQuery(trpc.comments.list.queryOptions({ boardId, taskId }));
  const create = useMutation(trpc.comments.create.mutationOptions());
  const update = useMutation(trpc.comments.update.mutationOptions());
  const remove = useMutation(trpc.comments.delete.mutationOptions());
  const [draft, setDraft] = useState("");
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });

  function post() {
    if (!draft.trim()) return;
    create.mutate(
      { boardId, taskId, body: draft },
      {
        onSuccess: () => {
          setDraft("");
          void refresh();
        },
        onError: (error) => toast.error("Could not post the comment", { description: errorMessage(error) }),
      },
    );
  }

  return (
    <div className="space-y-4">
      {comments.isPending ? (
        <Spinner label="Loading comments" />
      ) : comments.isError ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          Could not load comments: {comments.error.message}
        </p>
      ) : comments.data.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No comments yet.{canWrite ? " Ask a question, share progress, or @mention a teammate." : ""}</p>
      ) : (
        <ol className="space-y-3" aria-label="Comments">
          {comments.data.map((c) => {
            const mine = meId !== null && c.authorId === meId;
            const isEditing = editing?.id === c.id;
            return (
              <li key={c.id} className="flex gap-3">
                <span className="mt-0.5 inline-flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-200 text-[10px] font-semibold text-slate-700 dark:bg-slate-700 dark:text-slate-200" aria-hidden>
                  {initials(c.authorName)}
                </span>
                <div className="min-w-0 flex-1 rounded-lg border border-slate-200 bg-white px-3 py-2 dark:border-slate-800 dark:bg-slate-950/40">
                  <div className="flex flex-wrap items-center gap-x-2 text-xs text-slate-500 dark:text-slate-400">
                    <span className="font-semibold text-slate-800 dark:text-slate-200">{c.authorName}</span>
                    {c.authorKind !== "user" ? <span>({c.authorKind === "api_token" ? "API token" : c.authorKind})</span> : null}
                    <RelativeTime value={c.createdAt} />
                    {c.editedAt ? <span title={`Edited ${new Date(c.editedAt).toLocaleString()}`}>(edited)</span> : null}
                    {mine && canWrite && !isEditing ? (
                      <span className="ml-auto flex gap-1">
                        <button type="button" className="rounded px-1 hover:text-slate-900 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-slate-100" onClick={() => setEditing({ id: c.id, body: c.body })} aria-label="Edit comment">
                          Edit
                        </button>
                        <button
                          type="button"
                          className="rounded px-1 text-red-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-red-400"
                          aria-label="Delete comment"
                          onClick={() => {
                            if (!window.confirm("Delete this comment?")) return;
                            remove.mutate(
                              { boardId, commentId: c.id },
                              { onSuccess: () => void refresh(), onError: (error) => toast.error("Could not delete the comment", { description: errorMessage(error) }) },
                            );
                          }}
                        >
                          Delete
                        </button>
                      </span>
                    ) : null}
                  </div>
                  {isEditing ? (
                    <div className="mt-2 space-y-2">
                      <MarkdownEditor label="Edit comment" value={editing.body} onChange={(body) => setEditing({ id: c.id, body })} mentionables={mentionables} autoFocus rows={4} />
                      <div className="flex justify-end gap-2">
                        <Button size="sm" variant="secondary" onClick={() => setEditing(null)}>
                          Cancel
                        </Button>
                        <Button
                          size="sm"
                          busy={update.isPending}
                          disabled={!editing.body.trim()}
                          onClick={() =>
                            update.mutate(
                              { boardId, commentId: c.id, body: editing.body },
                              {
                                onSuccess: () => {
                                  setEditing(null);
                                  void refresh();
                                },
                                onError: (error) => toast.error("Could not save the comment", { description: errorMessage(error) }),
                              },
                            )
                          }
                        >
                          Save
                        </Button>
                      </div>
                    </div>
                  ) : (
                    <Markdown source={c.body} className="mt-1" />
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {canWrite ? (
        <div className="space-y-2">
          <MarkdownEditor label="Add a comment" value={draft} onChange={setDraft} mentionables={mentionables} placeholder="Write a comment… (Markdown, @ to mention, Ctrl+Enter to send)" rows={3} onSubmitShortcut={post} />
          <div className="flex justify-end">
            <Button size="sm" onClick={post} busy={create.isPending} disabled={!draft.trim()}>
              Comment
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
