"use client";
import { useState } from "react";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { Button } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/misc";
import { Textarea } from "@/components/ui/field";
import { AgentStatus } from "./agent-status";
import { DEFAULT_IDENTITY, DEFAULT_SOUL } from "./agent-form";
import type { Agent } from "./agents-view";

type SyncOutput = inferRouterOutputs<AppRouter>["agents"]["templateSync"];
type TemplateKey = "soul" | "identity" | "tools";
const TEMPLATES: { key: TemplateKey; file: string; initial: string; hint: string }[] = [
  { key: "soul", file: "SOUL.md", initial: DEFAULT_SOUL, hint: "Leave empty to re-sync each agent's own stored template." },
  { key: "identity", file: "IDENTITY.md", initial: DEFAULT_IDENTITY, hint: "Leave empty to re-sync each agent's own stored template." },
  { key: "tools", file: "TOOLS.md", initial: "- Use `curl` for HTTP calls.\n", hint: "The gateway refuses TOOLS.md; the content goes into the Mission Control section of AGENTS.md." },
];
const STATUS_TONE = { written: "green", unchanged: "slate", would_write: "indigo", refused: "red", delivered_via_agents_md: "amber" } as const;

export function TemplateSync({ org, gateway, agents }: { org: { slug: string; isAdmin: boolean }; gateway: { id: string; name: string }; agents: Agent[] }) {
  const trpc = useTRPC();
  const [chosen, setChosen] = useState<Record<TemplateKey, boolean>>({ soul: true, identity: false, tools: false });
  const [text, setText] = useState<Record<TemplateKey, string>>({ soul: DEFAULT_SOUL, identity: DEFAULT_IDENTITY, tools: TEMPLATES[2].initial });
  const [selected, setSelected] = useState<Set<string>>(() => new Set(agents.map((a) => a.id)));
  const [rotate, setRotate] = useState(false);
  const [result, setResult] = useState<SyncOutput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sync = useMutation(trpc.agents.templateSync.mutationOptions({ onSuccess: (r) => (setResult(r), setError(null)), onError: (e) => setError(errorMessage(e)) }));
  const run = (dryRun: boolean) =>
    sync.mutate({
      orgId: org.slug,
      gatewayId: gateway.id,
      agentIds: selected.size === agents.length ? undefined : [...selected],
      templates: Object.fromEntries(TEMPLATES.filter((t) => chosen[t.key]).map((t) => [t.key, text[t.key]])),
      dryRun,
      rotateTokens: rotate,
    });

  return (
    <>
      <nav className="mb-2 text-sm text-slate-500">
        <Link href={`/o/${org.slug}/gateways/${gateway.id}`} className="hover:underline">
          {gateway.name}
        </Link>{" "}
        / Template sync
      </nav>
      <PageHeader title="Template sync" description={`Write templates to the agents of ${gateway.name}. Preview with a dry run first: it shows each agent's diff and changes nothing.`} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card className="space-y-4 p-4">
          <h2 className="text-sm font-semibold">Templates</h2>
          {TEMPLATES.map((t) => (
            <div key={t.key} className="space-y-1.5">
              <label className="flex items-center gap-2 text-sm font-medium">
                <input type="checkbox" checked={chosen[t.key]} onChange={(e) => setChosen((c) => ({ ...c, [t.key]: e.target.checked }))} />
                {t.file}
              </label>
              {chosen[t.key] ? (
                <>
                  <Textarea aria-label={`${t.file} template`} value={text[t.key]} onChange={(e) => setText((x) => ({ ...x, [t.key]: e.target.value }))} rows={4} className="font-mono text-xs" />
                  <p className="text-xs text-slate-500">{t.hint}</p>
                </>
              ) : null}
            </div>
          ))}
          <p className="text-xs text-slate-500">The Mission Control section of AGENTS.md (API URL and usage) is always rewritten.</p>
        </Card>
        <Card className="space-y-3 p-4">
          <div className="flex items-center justify-between">
            <h2 className="text-sm font-semibold">Agents ({selected.size} of {agents.length})</h2>
            <button className="text-xs text-indigo-600 hover:underline" onClick={() => setSelected(selected.size === agents.length ? new Set() : new Set(agents.map((a) => a.id)))}>
              {selected.size === agents.length ? "Select none" : "Select all"}
            </button>
          </div>
          {agents.length === 0 ? <p className="text-sm text-slate-500">This gateway has no agents yet.</p> : null}
          <ul className="space-y-1.5">
            {agents.map((a) => (
              <li key={a.id}>
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={selected.has(a.id)} onChange={(e) => setSelected((s) => { const n = new Set(s); if (e.target.checked) n.add(a.id); else n.delete(a.id); return n; })} />
                  {a.name} <AgentStatus status={a.status} className="text-xs text-slate-500" />
                </label>
              </li>
            ))}
          </ul>
          <label className="flex items-start gap-2 border-t border-slate-200 pt-3 text-sm dark:border-slate-800">
            <input type="checkbox" className="mt-1" checked={rotate} onChange={(e) => setRotate(e.target.checked)} />
            <span>
              Rotate agent tokens
              <span className="block text-xs text-slate-500">The new token is delivered first; the old one stops working only after that succeeded.</span>
            </span>
          </label>
          {error ? <p role="alert" className="text-sm text-red-600">{error}</p> : null}
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => run(true)} busy={sync.isPending && sync.variables?.dryRun} disabled={!org.isAdmin || selected.size === 0 || sync.isPending}>
              Dry run
            </Button>
            <Button onClick={() => run(false)} busy={sync.isPending && !sync.variables?.dryRun} disabled={!org.isAdmin || selected.size === 0 || sync.isPending}>
              Sync now
            </Button>
          </div>
        </Card>
      </div>
      {result ? (
        <Card className="mt-4 overflow-x-auto">
          <h2 className="px-4 pt-4 text-sm font-semibold">{result.dryRun ? "Dry run: what would change" : "Result"}</h2>
          <table className="mt-2 w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800">
              <tr>
                <th className="px-4 py-2 font-medium">Agent</th>
                <th className="px-4 py-2 font-medium">Outcome</th>
                <th className="px-4 py-2 font-medium">Files</th>
                <th className="px-4 py-2 font-medium">Token</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top dark:divide-slate-800">
              {result.results.map((r) => (
                <tr key={r.agentId}>
                  <td className="px-4 py-3 font-medium">{r.agentName}</td>
                  <td className="px-4 py-3">
                    <Badge tone={r.outcome === "synced" ? "green" : r.outcome === "planned" ? "indigo" : r.outcome === "failed" ? "red" : "amber"}>{r.outcome}</Badge>
                    {r.error ? <p className="mt-1 text-xs text-red-600">{r.error}</p> : null}
                  </td>
                  <td className="space-y-2 px-4 py-3">
                    {r.files.map((f) => (
                      <div key={f.name}>
                        <span className="font-mono text-xs">{f.name}</span> <Badge tone={STATUS_TONE[f.status]}>{f.status.replaceAll("_", " ")}</Badge>
                        {f.note ? <p className="text-xs text-amber-700 dark:text-amber-300">{f.note}</p> : null}
                        {f.diff && result.dryRun ? <pre className="mt-1 max-h-48 overflow-auto rounded bg-slate-50 p-2 font-mono text-[11px] dark:bg-slate-950">{f.diff}</pre> : null}
                      </div>
                    ))}
                  </td>
                  <td className="px-4 py-3">{r.tokenRotated ? <Badge tone="green">rotated</Badge> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ) : null}
    </>
  );
}
