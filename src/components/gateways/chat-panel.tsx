"use client";
// A session's chat: its history from the gateway, a send box, and the agent's reply streaming in
// from `chat` gateway events (delta → final) while it is written.
import { useEffect, useRef, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import type { GatewayChatEvent } from "@/lib/schemas/gateways";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { Spinner } from "@/components/ui/misc";
import { cn } from "@/lib/cn";

export type LiveRun = { runId: string; sessionKey: string; text: string; state: string; error: string | null };

const textOf = (content: NonNullable<GatewayChatEvent["message"]>["content"]): string =>
  typeof content === "string" ? content : Array.isArray(content) ? content.map((p) => p.text ?? "").join("") : "";

/** Folds a chat event into the runs being streamed (deltas may carry the text so far or a piece). */
export function applyChatEvent(runs: Record<string, LiveRun>, e: GatewayChatEvent): Record<string, LiveRun> {
  const prev = runs[e.runId];
  const piece = e.message ? textOf(e.message.content) : "";
  const text = !prev ? piece : piece.startsWith(prev.text) ? piece : e.state === "final" && piece ? piece : prev.text + piece;
  return { ...runs, [e.runId]: { runId: e.runId, sessionKey: e.sessionKey, text, state: e.state, error: e.errorMessage ?? null } };
}

export function ChatPanel({ orgId, gatewayId, sessionKey, runs, canChat, onFinished }: { orgId: string; gatewayId: string; sessionKey: string; runs: LiveRun[]; canChat: boolean; onFinished: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const historyKey = { orgId, gatewayId, sessionKey };
  const history = useQuery(trpc.gateways.chatHistory.queryOptions(historyKey, { retry: false, enabled: canChat }));
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState<{ text: string; runId: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = useMutation(
    trpc.gateways.sendChat.mutationOptions({
      onSuccess: (r) => setPending((p) => (p ? { ...p, runId: r.runId } : p)),
      onError: (e) => {
        setPending(null);
        setError(errorMessage(e));
      },
    }),
  );
  const live = runs.filter((r) => r.sessionKey === sessionKey);
  const streaming = live.filter((r) => r.state === "delta");
  const finishedKey = live.filter((r) => r.state !== "delta").map((r) => r.runId).join(",");

  // A finished run is in the transcript now: reload it, then drop the streamed copy.
  useEffect(() => {
    if (!finishedKey) return;
    void queryClient.invalidateQueries({ queryKey: trpc.gateways.chatHistory.queryKey(historyKey) }).then(() => {
      setPending(null);
      onFinished();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [finishedKey]);

  const bottom = useRef<HTMLDivElement>(null);
  const count = (history.data?.messages.length ?? 0) + live.length + (pending ? 1 : 0);
  const streamedChars = streaming.reduce((n, r) => n + r.text.length, 0);
  // A block body: newer Chromium returns a Promise from scrollIntoView, which React would take for a cleanup.
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: "nearest" });
  }, [count, streamedChars]);

  const failed = live.filter((r) => r.state === "error");
  return (
    <div className="flex min-h-[28rem] flex-col">
      <div className="flex-1 space-y-3 overflow-y-auto p-4" aria-live="polite" aria-label={`Chat in ${sessionKey}`}>
        {!canChat ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">Chat is available while the gateway is connected.</p>
        ) : history.isPending ? (
          <Spinner label="Loading the conversation" />
        ) : history.isError ? (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            Could not load the history: {errorMessage(history.error)}
          </p>
        ) : history.data.messages.length === 0 && !pending && live.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No messages in this session yet. Write the first one below.</p>
        ) : (
          history.data.messages.map((m, i) => <Bubble key={m.id ?? i} role={m.role} text={m.text} at={m.at} />)
        )}
        {pending ? <Bubble role="user" text={pending.text} note="Sending…" /> : null}
        {streaming.map((r) => (
          <Bubble key={r.runId} role="assistant" text={r.text || "…"} note="Writing…" />
        ))}
        {failed.map((r) => (
          <p key={r.runId} role="alert" className="text-sm text-red-600 dark:text-red-400">
            The agent&apos;s run failed: {r.error ?? "no reason given"}
          </p>
        ))}
        <div ref={bottom} />
      </div>
      <form
        className="border-t border-slate-200 p-3 dark:border-slate-800"
        onSubmit={(e) => {
          e.preventDefault();
          const text = message.trim();
          if (!text) return setError("Write a message first");
          setError(null);
          setPending({ text, runId: null });
          setMessage("");
          send.mutate({ orgId, gatewayId, sessionKey, message: text });
        }}
      >
        <label htmlFor="chat-message" className="sr-only">
          Message to {sessionKey}
        </label>
        <Textarea
          id="chat-message"
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
          placeholder={canChat ? "Message the agent… (Enter to send, Shift+Enter for a new line)" : "Not connected"}
          disabled={!canChat}
          className="min-h-16"
          maxLength={20000}
        />
        <div className="mt-2 flex items-center justify-between gap-2">
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {error}
          </p>
          <Button type="submit" size="sm" busy={send.isPending} disabled={!canChat}>
            Send
          </Button>
        </div>
      </form>
    </div>
  );
}

function Bubble({ role, text, at, note }: { role: string; text: string; at?: Date | null; note?: string }) {
  const mine = role === "user";
  return (
    <div className={cn("flex", mine ? "justify-end" : "justify-start")}>
      <div
        className={cn(
          "max-w-[85%] whitespace-pre-wrap break-words rounded-2xl px-3.5 py-2 text-sm",
          mine ? "rounded-br-sm bg-indigo-600 text-white" : role === "assistant" ? "rounded-bl-sm bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100" : "bg-amber-50 text-amber-900 dark:bg-amber-950/40 dark:text-amber-200",
        )}
      >
        {role !== "user" && role !== "assistant" ? <p className="mb-0.5 text-xs font-medium uppercase opacity-70">{role}</p> : null}
        {text}
        {note || at ? <p className={cn("mt-1 text-[11px]", mine ? "text-indigo-100" : "text-slate-500 dark:text-slate-400")}>{note ?? (at ? new Date(at).toLocaleString() : "")}</p> : null}
      </div>
    </div>
  );
}
