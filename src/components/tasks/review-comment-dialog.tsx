"use client";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { MarkdownEditor, type Mentionable } from "@/components/markdown/markdown-editor";

/** The board wants a comment with every move to review: what was done, what to check. */
export function ReviewCommentDialog({ taskTitle, mentionables, onSubmit, onCancel }: { taskTitle: string | null; mentionables: Mentionable[]; onSubmit: (comment: string) => void; onCancel: () => void }) {
  return (
    <Dialog open={taskTitle !== null} onClose={onCancel} title="Send to review">
      {taskTitle !== null ? <ReviewForm taskTitle={taskTitle} mentionables={mentionables} onSubmit={onSubmit} onCancel={onCancel} /> : null}
    </Dialog>
  );
}

function ReviewForm({ taskTitle, mentionables, onSubmit, onCancel }: { taskTitle: string; mentionables: Mentionable[]; onSubmit: (comment: string) => void; onCancel: () => void }) {
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (!comment.trim()) return setError("This board asks for a comment when a task moves to review");
    onSubmit(comment.trim());
  };
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <p className="text-sm text-slate-600 dark:text-slate-300">
        This board asks for a comment when a task moves to review. Say what was done in <strong className="font-semibold text-slate-900 dark:text-slate-100">{taskTitle}</strong> and what the reviewer should check.
      </p>
      <MarkdownEditor id="review-comment" label="Review comment" value={comment} onChange={(v) => { setComment(v); setError(null); }} mentionables={mentionables} rows={4} autoFocus onSubmitShortcut={submit} describedBy={error ? "review-comment-error" : undefined} />
      <label htmlFor="review-comment" className="sr-only">Review comment</label>
      {error ? (
        <p id="review-comment-error" role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit">Move to review</Button>
      </div>
    </form>
  );
}
