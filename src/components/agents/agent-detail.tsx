"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Badge, Card, PageHeader } from "@/components/ui/misc";
import { RelativeTime } from "@/components/activity/relative-time";
import { AgentStatus } from "./agent-status";
import { AgentForm } from "./agent-form";
import { ProvisionProgress } from "./provision-progress";
import { useAgentEvents } from "./use-agent-events";
import type { Agent } from "./agents-view";

type Option = { id: string; name: string };

export function AgentDetail({ org, initialAgent, boards, gateways }: { org: { slug: string; isAdmin: boolean }; initialAgent: Agent; boards: Option[]; gateways: Option[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const key = { orgId: org.slug, agentId: initialAgent.id };
  const agent = useQuery(trpc.agents.get.queryOptions(key, { initialData: initialAgent, refetchInterval: 30_000 }));
  const a = agent.data ?? initialAgent;
  useAgentEvents(org.slug, (e) => {
    if (e.targetId !== a.id) return;
    if (e.type === "agent.removed") router.push(`/o/${org.slug}/agents`);
    else void agent.refetch();
  });
  const provisioned = Boolean(a.gatewayAgentId) && a.status !== "deleting";
  const [file, setFile] = useState<string>("SOUL.md");
  const files = useQuery(trpc.agents.files.queryOptions({ ...key, name: file }, { enabled: provisioned, retry: false }));
  const sessions = useQuery(trpc.gateways.sessions.queryOptions({ orgId: org.slug, gatewayId: a.gatewayId ?? "", agentId: a.gatewayAgentId ?? undefined }, { enabled: provisioned && Boolean(a.gatewayId), retry: false }));
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const invalidate = () => void queryClient.invalidateQueries({ queryKey: trpc.agents.pathKey() });
  const update = useMutation(trpc.agents.update.mutationOptions({ onSuccess: () => (invalidate(), setEditing(false), toast.success("Saved; files are being rewritten")), onError: (e) => setFormError(errorMessage(e)) }));
  const retry = useMutation(trpc.agents.retry.mutationOptions({ onSuccess: () => (invalidate(), toast.success("Reprovisioning now")), onError: (e) => toast.error(errorMessage(e)) }));
  const remove = useMutation(trpc.agents.delete.mutationOptions({ onSuccess: () => (invalidate(), setDeleting(false), toast.success("Deleting the agent on its gateway")), onError: (e) => toast.error(errorMessage(e)) }));

  return (
    <>
      <nav className="mb-2 text-sm text-slate-500">
        <Link href={`/o/${org.slug}/agents`} className="hover:underline">
          Agents
        </Link>{" "}
        / {a.name}
      </nav>
      <PageHeader
        title={a.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge tone={a.role === "lead" ? "indigo" : "slate"}>{a.role}</Badge> on {a.boardName ?? "no board"} · gateway {a.gatewayName ?? "—"}
            {a.gatewayAgentId ? <code className="text-xs">{a.gatewayAgentId}</code> : null}
          </span>
        }
        actions={
          org.isAdmin ? (
            <>
              <Button variant="secondary" onClick={() => retry.mutate(key)} busy={retry.isPending} disabled={a.status === "deleting"}>
                Retry now
              </Button>
              <Button variant="secondary" onClick={() => (setFormError(null), setEditing(true))} disabled={a.status === "deleting"}>
                Edit
              </Button>
              <Button variant="danger" onClick={() => setDeleting(true)} disabled={a.status === "deleting"}>
                Delete
              </Button>
            </>
          ) : null
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="p-4">
          <h2 className="mb-3 text-sm font-semibold">Status</h2>
          <AgentStatus status={a.status} className="text-base font-medium" />
          <dl className="mt-3 space-y-1.5 text-sm">
            <div className="flex justify-between gap-2">
              <dt className="text-slate-500">Last heartbeat</dt>
              <dd>{a.lastHeartbeatAt ? <RelativeTime value={a.lastHeartbeatAt} /> : "never"}</dd>
            </div>
            {a.heartbeatStatus ? (
              <div className="flex justify-between gap-2">
                <dt className="text-slate-500">Says</dt>
                <dd className="text-right">
                  {a.heartbeatStatus}
                  {a.heartbeatMessage ? `: ${a.heartbeatMessage}` : ""}
                </dd>
              </div>
            ) : null}
            <div className="flex justify-between gap-2">
              <dt className="text-slate-500">Heartbeat interval</dt>
              <dd>{a.heartbeatIntervalSec} s (offline after {a.heartbeatIntervalSec * 2} s)</dd>
            </div>
            <div className="flex justify-between gap-2">
              <dt className="text-slate-500">Token rotated</dt>
              <dd>{a.tokenRotatedAt ? <RelativeTime value={a.tokenRotatedAt} /> : "—"}</dd>
            </div>
            <div className="flex justify-between gap-2">
              <dt className="text-slate-500">Files synced</dt>
              <dd>{a.filesSyncedAt ? <RelativeTime value={a.filesSyncedAt} /> : "—"}</dd>
            </div>
          </dl>
        </Card>
        <Card className="p-4 lg:col-span-2">
          <h2 className="mb-3 text-sm font-semibold">Provisioning</h2>
          {a.status === "deleting" ? (
            <p className="text-sm">Deleting the agent and its files from the gateway{a.lastError ? "" : "…"}</p>
          ) : (
            <ProvisionProgress step={a.provisionStep} status={a.status} lastError={a.lastError} nextRetryAt={a.nextRetryAt} />
          )}
          {a.status === "deleting" && a.lastError ? (
            <p role="alert" className="mt-2 text-sm text-red-600">
              {a.lastError}
              {a.nextRetryAt ? ` Next retry ${new Date(a.nextRetryAt).toLocaleTimeString()}.` : ""}
            </p>
          ) : null}
          {a.attempts > 0 ? <p className="mt-2 text-xs text-slate-500">Attempt {a.attempts}</p> : null}
        </Card>
        <Card className="p-4 lg:col-span-2">
          <div className="mb-3 flex items-center justify-between gap-2">
            <h2 className="text-sm font-semibold">Workspace files (from the gateway)</h2>
          </div>
          {!provisioned ? (
            <p className="text-sm text-slate-500">Files appear once the agent exists on its gateway.</p>
          ) : files.isError ? (
            <p role="alert" className="text-sm text-red-600">
              {errorMessage(files.error)}
            </p>
          ) : (
            <>
              <div role="tablist" aria-label="Files" className="mb-3 flex flex-wrap gap-1.5">
                {(files.data?.files ?? []).map((f) => (
                  <button
                    key={f.name}
                    role="tab"
                    aria-selected={file === f.name}
                    onClick={() => setFile(f.name)}
                    className={`rounded-md px-2 py-1 text-xs font-medium ${file === f.name ? "bg-indigo-600 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200 dark:bg-slate-800 dark:text-slate-300"}`}
                  >
                    {f.name}
                    {f.missing ? " (missing)" : ""}
                  </button>
                ))}
              </div>
              <pre className="max-h-96 overflow-auto whitespace-pre-wrap rounded-md bg-slate-50 p-3 font-mono text-xs dark:bg-slate-950">{files.isLoading ? "Loading…" : (files.data?.file?.content ?? "")}</pre>
            </>
          )}
        </Card>
        <Card className="p-4">
          <h2 className="mb-3 text-sm font-semibold">Sessions</h2>
          {!provisioned ? (
            <p className="text-sm text-slate-500">No sessions yet.</p>
          ) : sessions.isError ? (
            <p className="text-sm text-red-600">{errorMessage(sessions.error)}</p>
          ) : (
            <ul className="space-y-1.5 text-sm">
              {(sessions.data?.sessions ?? []).map((s) => (
                <li key={s.key}>
                  <Link className="text-indigo-600 hover:underline" href={`/o/${org.slug}/gateways/${a.gatewayId}?session=${encodeURIComponent(s.key)}`}>
                    {s.key}
                  </Link>
                </li>
              ))}
              {sessions.data && sessions.data.sessions.length === 0 ? <li className="text-slate-500">No sessions yet.</li> : null}
            </ul>
          )}
          {a.gatewayId && a.gatewayAgentId ? (
            <Link className="mt-3 inline-block text-sm font-medium text-indigo-600 hover:underline" href={`/o/${org.slug}/gateways/${a.gatewayId}?session=${encodeURIComponent(`agent:${a.gatewayAgentId}:main`)}`}>
              Chat with {a.name} →
            </Link>
          ) : null}
        </Card>
      </div>
      <Dialog open={editing} onClose={() => setEditing(false)} title={`Edit ${a.name}`}>
        {editing ? (
          <AgentForm
            editing
            initial={{ ...a, boardId: a.boardId ?? undefined, gatewayId: a.gatewayId ?? undefined }}
            boards={boards}
            gateways={gateways}
            busy={update.isPending}
            error={formError}
            onCancel={() => setEditing(false)}
            onSubmit={(v) => update.mutate({ ...key, name: v.name, boardId: v.boardId, role: v.role, soulTemplate: v.soulTemplate, identityTemplate: v.identityTemplate, heartbeatIntervalSec: v.heartbeatIntervalSec })}
          />
        ) : null}
      </Dialog>
      <ConfirmDialog open={deleting} title={`Delete ${a.name}?`} confirmLabel="Delete agent" busy={remove.isPending} onConfirm={() => remove.mutate(key)} onClose={() => setDeleting(false)}>
        Its token stops working at once; the agent and its workspace files are deleted from the gateway. Tasks assigned to it stay on the board.
      </ConfirmDialog>
    </>
  );
}
