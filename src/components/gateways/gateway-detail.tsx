"use client";
import { useState } from "react";
import { useSearchParams } from "next/navigation";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, PageHeader, Spinner } from "@/components/ui/misc";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/field";
import { LiveBadge } from "@/components/ui/live-badge";
import { cn } from "@/lib/cn";
import { GatewayDialog } from "./gateway-dialog";
import { GatewayStatusBadge, GatewayStatusExplanation } from "./gateway-status";
import { ChatPanel, applyChatEvent, type LiveRun } from "./chat-panel";
import { useGatewayLive } from "./use-gateway-live";

type GatewayOut = inferRouterOutputs<AppRouter>["gateways"]["get"];

export function GatewayDetail({ org, initialGateway }: { org: { slug: string; isAdmin: boolean }; initialGateway: GatewayOut }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const ref = { orgId: org.slug, gatewayId: initialGateway.id };
  const query = useQuery(trpc.gateways.get.queryOptions(ref, { initialData: initialGateway }));
  const g = query.data ?? initialGateway;
  const [runs, setRuns] = useState<Record<string, LiveRun>>({});
  const live = useGatewayLive(org.slug, g.id, (e) => setRuns((r) => applyChatEvent(r, e)));
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // ?session=<key> opens that session's chat (the agent page links here).
  const [sessionKey, setSessionKey] = useState<string | null>(useSearchParams().get("session"));
  const connected = g.status === "connected";

  const reconnect = useMutation(
    trpc.gateways.reconnect.mutationOptions({
      onSuccess: () => toast.success("Reconnecting…"),
      onError: (e) => toast.error(errorMessage(e)),
      onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.gateways.get.queryKey(ref) }),
    }),
  );
  const remove = useMutation(
    trpc.gateways.delete.mutationOptions({
      onSuccess: () => {
        toast.success(`Deleted ${g.name}`);
        void queryClient.invalidateQueries({ queryKey: trpc.gateways.pathKey() });
        router.push(`/o/${org.slug}/gateways`);
      },
      onError: (e) => {
        setDeleting(false);
        toast.error(errorMessage(e));
      },
    }),
  );

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={`/o/${org.slug}/gateways`} className="text-slate-500 hover:text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-400">
          ← Gateways
        </Link>
      </nav>
      <PageHeader
        title={g.name}
        description={<span className="break-all font-mono text-xs">{g.url}</span>}
        actions={
          <>
            <LiveBadge status={live.status} onReconnect={live.reconnect} />
            {org.isAdmin ? (
              <>
                <Button variant="secondary" size="sm" onClick={() => reconnect.mutate(ref)} busy={reconnect.isPending}>
                  Reconnect
                </Button>
                <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
                  Edit
                </Button>
                <Button variant="ghost" size="sm" className="text-red-600! hover:bg-red-50! dark:text-red-400! dark:hover:bg-red-950/40!" onClick={() => setDeleting(true)}>
                  Delete
                </Button>
              </>
            ) : null}
          </>
        }
      />

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <GatewayStatusExplanation gateway={g} isAdmin={org.isAdmin} />
          <Card>
            <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
              <h2 className="text-base font-semibold">Sessions and chat</h2>
              {sessionKey ? (
                <button type="button" onClick={() => setSessionKey(null)} className="text-sm text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-400">
                  All sessions
                </button>
              ) : null}
            </div>
            {sessionKey ? (
              <>
                <p className="border-b border-slate-100 px-4 py-2 font-mono text-xs text-slate-500 dark:border-slate-800 dark:text-slate-400">{sessionKey}</p>
                <ChatPanel
                  orgId={org.slug}
                  gatewayId={g.id}
                  sessionKey={sessionKey}
                  runs={Object.values(runs)}
                  canChat={connected && g.supports.chat}
                  onFinished={() => setRuns((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v.state === "delta")))}
                />
              </>
            ) : (
              <SessionList orgId={org.slug} gatewayId={g.id} connected={connected} onOpen={setSessionKey} />
            )}
          </Card>
        </div>

        <div className="space-y-6">
          <Card className="p-4">
            <h2 className="mb-3 text-base font-semibold">Details</h2>
            <dl className="space-y-2.5 text-sm">
              <Row label="Status">
                <GatewayStatusBadge state={g.status} />
              </Row>
              <Row label="OpenClaw version">{g.serverVersion ?? "not known yet"}</Row>
              <Row label="Minimum supported">{g.minVersion}</Row>
              <Row label="Methods">{g.methodCount ?? "—"}</Row>
              <Row label="Last connected">{g.lastConnectedAt ? new Date(g.lastConnectedAt).toLocaleString() : "never"}</Row>
              <Row label="Workspace root">{g.workspaceRoot ? <span className="break-all font-mono text-xs">{g.workspaceRoot}</span> : "not set"}</Row>
              <Row label="TLS">{g.url.startsWith("wss://") ? (g.allowInsecureTls ? "encrypted, certificate not verified" : "encrypted, verified") : "none (ws://)"}</Row>
              <Row label="Token">stored encrypted, never shown</Row>
              {g.deviceId ? (
                <Row label="Device id">
                  <span className="break-all font-mono text-xs" title={g.deviceId}>
                    {g.deviceId.slice(0, 16)}…
                  </span>
                </Row>
              ) : null}
            </dl>
          </Card>
          <Card className="p-4">
            <h2 className="text-base font-semibold">Agents</h2>
            <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
              {g.agentCount === 0 ? "No Mission Control agents run on this gateway yet." : g.agentCount === 1 ? "1 agent runs on this gateway." : `${g.agentCount} agents run on this gateway.`}
            </p>
            <div className="mt-3 flex flex-wrap gap-2">
              <Link href={`/o/${org.slug}/agents?gateway=${g.id}`} className="text-sm font-medium text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-400">
                View agents →
              </Link>
            </div>
          </Card>
          <Card className="p-4">
            <h2 className="text-base font-semibold">Template sync</h2>
            <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">Push agent file templates (SOUL.md, AGENTS.md, …) to this gateway&apos;s agents, with a diff preview first.</p>
            <Link href={`/o/${org.slug}/gateways/${g.id}/sync`} className="mt-3 inline-block text-sm font-medium text-indigo-600 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-400">
              Open template sync →
            </Link>
          </Card>
        </div>
      </div>

      <GatewayDialog orgId={org.slug} open={editing} gateway={g} onClose={() => setEditing(false)} />
      <ConfirmDialog open={deleting} title={`Delete ${g.name}?`} confirmLabel="Delete gateway" busy={remove.isPending} onConfirm={() => remove.mutate(ref)} onClose={() => setDeleting(false)}>
        {g.agentCount > 0 ? (
          <p>
            {g.agentCount === 1 ? "1 agent still runs" : `${g.agentCount} agents still run`} on this gateway, so it cannot be deleted yet. Delete those agents or move them to another gateway first.
          </p>
        ) : (
          <p>Mission Control closes its connection and forgets the gateway&apos;s URL and token. Nothing on the gateway itself is changed.</p>
        )}
      </ConfirmDialog>
    </>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex items-start justify-between gap-3">
      <dt className="shrink-0 text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="min-w-0 text-right text-slate-800 dark:text-slate-200">{children}</dd>
    </div>
  );
}

function SessionList({ orgId, gatewayId, connected, onOpen }: { orgId: string; gatewayId: string; connected: boolean; onOpen: (key: string) => void }) {
  const trpc = useTRPC();
  const [agentId, setAgentId] = useState("");
  const [customKey, setCustomKey] = useState("agent:main:main");
  const sessions = useQuery(trpc.gateways.sessions.queryOptions({ orgId, gatewayId, ...(agentId.trim() ? { agentId: agentId.trim() } : {}) }, { enabled: connected, retry: false }));

  return (
    <div className="p-4">
      <div className="mb-3 flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700 dark:text-slate-300">Agent</span>
          <Input value={agentId} onChange={(e) => setAgentId(e.target.value)} placeholder="every agent" className="h-9 w-44" spellCheck={false} />
        </label>
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (customKey.trim()) onOpen(customKey.trim());
          }}
        >
          <label className="text-sm">
            <span className="mb-1 block font-medium text-slate-700 dark:text-slate-300">Open a session by key</span>
            <Input value={customKey} onChange={(e) => setCustomKey(e.target.value)} className="h-9 w-56 font-mono text-xs" spellCheck={false} />
          </label>
          <Button type="submit" variant="secondary" size="sm" disabled={!connected}>
            Open chat
          </Button>
        </form>
      </div>
      {!connected ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Sessions appear while the gateway is connected.</p>
      ) : sessions.isPending ? (
        <Spinner label="Loading sessions" />
      ) : sessions.isError ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {errorMessage(sessions.error)}
        </p>
      ) : sessions.data.sessions.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">
          No sessions{agentId ? ` for agent ${agentId}` : ""} yet. A session starts with the first message: open <code>agent:main:main</code> (the default agent&apos;s main session) and write one.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {sessions.data.sessions.map((s) => (
            <li key={s.key}>
              <button
                type="button"
                onClick={() => onOpen(s.key)}
                className="flex w-full items-start justify-between gap-3 px-3 py-2.5 text-left hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800/40"
              >
                <span className="min-w-0">
                  <span className="block truncate text-sm font-medium">{s.title ?? s.key}</span>
                  <span className="block truncate font-mono text-xs text-slate-500 dark:text-slate-400">{s.key}</span>
                  {s.lastMessage ? <span className="mt-0.5 block truncate text-xs text-slate-500 dark:text-slate-400">{s.lastMessage}</span> : null}
                </span>
                <span className="shrink-0 text-right text-xs text-slate-500 dark:text-slate-400">
                  {s.agentId ? <span className="block">agent {s.agentId}</span> : null}
                  {s.active ? <span className={cn("block font-medium text-emerald-600 dark:text-emerald-400")}>running</span> : s.updatedAt ? <span className="block">{new Date(s.updatedAt).toLocaleString()}</span> : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
