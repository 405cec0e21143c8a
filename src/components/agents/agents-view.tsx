"use client";
import { useState } from "react";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/misc";
import { PlusIcon } from "@/components/shell/icons";
import { RelativeTime } from "@/components/activity/relative-time";
import { AgentStatus } from "./agent-status";
import { AgentForm, type AgentFormValues } from "./agent-form";
import { ProvisionProgress } from "./provision-progress";
import { useAgentEvents } from "./use-agent-events";

export type Agent = inferRouterOutputs<AppRouter>["agents"]["list"][number];
type Option = { id: string; name: string };

export function AgentsView({ org, initialAgents, boards, gateways }: { org: { slug: string; isAdmin: boolean }; initialAgents: Agent[]; boards: Option[]; gateways: Option[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const agents = useQuery(trpc.agents.list.queryOptions({ orgId: org.slug }, { initialData: initialAgents, refetchInterval: 30_000 }));
  const [creating, setCreating] = useState(false);
  const [createdId, setCreatedId] = useState<string | null>(null);
  useAgentEvents(org.slug, () => void queryClient.invalidateQueries({ queryKey: trpc.agents.pathKey() }));
  const list = agents.data ?? [];
  const canCreate = org.isAdmin && boards.length > 0 && gateways.length > 0;

  return (
    <>
      <PageHeader
        title="Agents"
        description="OpenClaw agents working on your boards: provisioned on a gateway, reporting back with their own token."
        actions={
          canCreate ? (
            <Button onClick={() => setCreating(true)}>
              <PlusIcon />
              New agent
            </Button>
          ) : null
        }
      />
      {list.length === 0 ? (
        <EmptyState title="No agents yet" action={canCreate ? <Button onClick={() => setCreating(true)}>Create an agent</Button> : undefined}>
          {gateways.length === 0 ? (
            <>
              Add a gateway first on the <Link className="text-indigo-600 underline" href={`/o/${org.slug}/gateways`}>Gateways</Link> page, then create an agent on it.
            </>
          ) : boards.length === 0 ? (
            "Create a board first: every agent works on a board."
          ) : (
            "Create an agent: Mission Control provisions it on the gateway and shows its progress live."
          )}
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800">
              <tr>
                <th className="px-4 py-2.5 font-medium">Agent</th>
                <th className="px-4 py-2.5 font-medium">Status</th>
                <th className="px-4 py-2.5 font-medium">Board</th>
                <th className="px-4 py-2.5 font-medium">Gateway</th>
                <th className="px-4 py-2.5 font-medium">Last seen</th>
                <th className="px-4 py-2.5 font-medium">Last error</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {list.map((a) => (
                <tr key={a.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/40">
                  <td className="px-4 py-3">
                    <Link href={`/o/${org.slug}/agents/${a.id}`} className="font-medium text-slate-900 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-slate-100">
                      {a.name}
                    </Link>{" "}
                    <Badge tone={a.role === "lead" ? "indigo" : "slate"}>{a.role}</Badge>
                  </td>
                  <td className="px-4 py-3">
                    <AgentStatus status={a.status} />
                    {a.status === "provisioning" && a.provisionStepLabel ? <div className="text-xs text-slate-500">{a.provisionStepLabel}…</div> : null}
                  </td>
                  <td className="px-4 py-3">{a.boardName ?? "—"}</td>
                  <td className="px-4 py-3">{a.gatewayName ?? "—"}</td>
                  <td className="px-4 py-3 text-slate-600 dark:text-slate-400">{a.lastHeartbeatAt ? <RelativeTime value={a.lastHeartbeatAt} /> : "never"}</td>
                  <td className="max-w-xs truncate px-4 py-3 text-red-600 dark:text-red-400" title={a.lastError ?? undefined}>
                    {a.lastError ?? ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <Dialog
        open={creating}
        onClose={() => {
          setCreating(false);
          setCreatedId(null);
        }}
        title={createdId ? "Provisioning" : "New agent"}
      >
        {creating ? (
          createdId ? (
            <CreatedProgress orgSlug={org.slug} agentId={createdId} onClose={() => (setCreating(false), setCreatedId(null))} />
          ) : (
            <CreateAgent orgSlug={org.slug} boards={boards} gateways={gateways} onCreated={setCreatedId} onCancel={() => setCreating(false)} />
          )
        ) : null}
      </Dialog>
    </>
  );
}

function CreateAgent({ orgSlug, boards, gateways, onCreated, onCancel }: { orgSlug: string; boards: Option[]; gateways: Option[]; onCreated: (id: string) => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(trpc.agents.create.mutationOptions({ onSuccess: (a) => onCreated(a.id), onError: (e) => setError(errorMessage(e)) }));
  return <AgentForm boards={boards} gateways={gateways} busy={create.isPending} error={error} onCancel={onCancel} onSubmit={(v: AgentFormValues) => create.mutate({ orgId: orgSlug, ...v })} />;
}

/** Live provisioning progress after submit: step events refetch the agent. */
function CreatedProgress({ orgSlug, agentId, onClose }: { orgSlug: string; agentId: string; onClose: () => void }) {
  const trpc = useTRPC();
  const agent = useQuery(trpc.agents.get.queryOptions({ orgId: orgSlug, agentId }, { refetchInterval: 5_000 }));
  const [live, setLive] = useState<{ step: string | null; lastError: string | null; nextRetryAt: string | null; status: string } | null>(null);
  useAgentEvents(orgSlug, (e) => {
    if (e.targetId !== agentId) return;
    const p = (e.payload ?? {}) as { step?: string; status?: string; lastError?: string; nextRetryAt?: string };
    setLive((prev) => ({ step: p.step ?? prev?.step ?? null, status: p.status ?? prev?.status ?? "provisioning", lastError: e.type === "agent.progress" && !p.lastError ? null : (p.lastError ?? prev?.lastError ?? null), nextRetryAt: p.nextRetryAt ?? null }));
    void agent.refetch();
  });
  const a = agent.data;
  const state = live ?? (a ? { step: a.provisionStep, status: a.status, lastError: a.lastError, nextRetryAt: a.nextRetryAt ? String(a.nextRetryAt) : null } : null);
  const online = a?.status === "online" || state?.status === "online";
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-300">{a ? `${a.name} on ${a.gatewayName ?? "its gateway"}` : "Loading…"}</p>
      {state ? <ProvisionProgress step={online ? "done" : state.step} status={online ? "online" : state.status} lastError={online ? null : state.lastError} nextRetryAt={state.nextRetryAt} /> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          {online ? "Close" : "Close (keeps provisioning)"}
        </Button>
        <Link href={`/o/${orgSlug}/agents/${agentId}`} className="inline-flex h-10 items-center rounded-md bg-indigo-600 px-4 text-sm font-medium text-white hover:bg-indigo-500">
          Open agent
        </Link>
      </div>
    </div>
  );
}
