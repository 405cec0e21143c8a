// Template sync: one call re-renders chosen templates into the agents of a gateway (all, or the
// chosen ones), as a dry run with a diff per agent or for real, optionally rotating tokens. One
// agent's failure never fails the batch; each agent gets its own outcome.
import type { Context } from "../../context";
import type { OrgRef } from "../access";
import type { Role } from "@/lib/roles";
import type { TemplateSyncResultView } from "@/lib/schemas/agents";
import { commit } from "../commit";
import { badRequest, notFound } from "../../errors";
import { connectionFor } from "../gateways/connections";
import { desiredFiles, loadAgent, rotateAgentToken, type ReconcileAgent } from "./reconcile";
import { isUnsupportedFile, listGatewayAgents, setFile } from "./gateway-ops";
import { lineDiff } from "./templates";

type OrgCtx = Context & { org: OrgRef; role: Role };

/** Files openclaw 2026.9.6 refuses in agents.files.set; a dry run predicts from this. */
const KNOWN_REFUSED = new Set(["TOOLS.md", "HEARTBEAT.md"]);

export interface TemplateSyncInputValue {
  gatewayId: string;
  agentIds?: string[];
  templates: { soul?: string; identity?: string; tools?: string };
  dryRun: boolean;
  rotateTokens: boolean;
}

export async function templateSync(ctx: OrgCtx, input: TemplateSyncInputValue) {
  const gateway = await ctx.db.gateway.findFirst({ where: { id: input.gatewayId, orgId: ctx.org.id }, select: { id: true, name: true } });
  if (!gateway) throw notFound("Gateway");
  const agents = await ctx.db.agent.findMany({
    where: { orgId: ctx.org.id, gatewayId: gateway.id, desiredState: "present", ...(input.agentIds ? { id: { in: input.agentIds } } : {}) },
    orderBy: { name: "asc" },
    select: { id: true },
  });
  if (input.agentIds && agents.length !== new Set(input.agentIds).size) throw badRequest("Some chosen agents are not on this gateway (or are being deleted)");

  const results: TemplateSyncResultView[] = [];
  for (const { id } of agents) {
    const agent = await loadAgent(ctx.db, id);
    if (agent) results.push(await syncOne(ctx, agent, input));
  }

  const counts = { synced: 0, planned: 0, skipped: 0, failed: 0 };
  for (const r of results) counts[r.outcome]++;
  const chosen = Object.keys(input.templates).filter((k) => input.templates[k as keyof typeof input.templates] !== undefined);
  await commit(ctx, async (_tx, record) => {
    await record({
      orgId: ctx.org.id,
      action: input.dryRun ? "agent.templates_previewed" : "agent.templates_synced",
      targetType: "gateway",
      targetId: gateway.id,
      summary: `${input.dryRun ? "Previewed" : "Ran"} template sync on ${gateway.name} (${chosen.join(", ") || "Mission Control section"}${input.rotateTokens ? ", rotating tokens" : ""}): ${input.dryRun ? `${counts.planned} planned` : `${counts.synced} synced`}, ${counts.skipped} skipped, ${counts.failed} failed`,
      after: { templates: chosen, rotateTokens: input.rotateTokens, dryRun: input.dryRun, ...counts },
      payload: { gatewayId: gateway.id, dryRun: input.dryRun, results: results.map(({ agentId, outcome, tokenRotated, error, files }) => ({ agentId, outcome, tokenRotated, error, files: files.map((f) => ({ name: f.name, status: f.status })) })) },
    });
  });
  return { dryRun: input.dryRun, results };
}

async function syncOne(ctx: OrgCtx, agent: ReconcileAgent, input: TemplateSyncInputValue): Promise<TemplateSyncResultView> {
  const base = { agentId: agent.id, agentName: agent.name, tokenRotated: false };
  if (!agent.gatewayAgentId || !agent.gatewayId) return { ...base, outcome: "skipped", files: [], error: "Not provisioned on the gateway yet" };
  const files: TemplateSyncResultView["files"] = [];
  try {
    const conn = await connectionFor(ctx.db, agent.gatewayId);
    const gwAgent = (await listGatewayAgents(conn)).find((a) => a.id === agent.gatewayAgentId);
    if (!gwAgent) return { ...base, outcome: "skipped", files: [], error: "The gateway does not have this agent (it will be provisioned again); retry the agent first" };
    // The rendered view uses the new templates; stored on the agent only when this is for real.
    const next = {
      ...agent,
      soulTemplate: input.templates.soul ? input.templates.soul : agent.soulTemplate,
      identityTemplate: input.templates.identity ? input.templates.identity : agent.identityTemplate,
    };
    const tools = input.templates.tools;
    const wanted = await desiredFiles(conn, next, gwAgent.id, tools);
    const chosen = wanted.filter((f) => f.name === "AGENTS.md" || (f.name === "SOUL.md" && input.templates.soul !== undefined) || (f.name === "IDENTITY.md" && input.templates.identity !== undefined));

    if (tools !== undefined) {
      const note = 'The gateway refuses TOOLS.md (unsupported file "TOOLS.md"); its content goes into the Mission Control section of AGENTS.md';
      if (input.dryRun) {
        files.push(KNOWN_REFUSED.has("TOOLS.md") ? { name: "TOOLS.md", status: "delivered_via_agents_md", note } : { name: "TOOLS.md", status: "would_write" });
      } else {
        try {
          await setFile(conn, gwAgent.id, "TOOLS.md", tools);
          files.push({ name: "TOOLS.md", status: "written" });
        } catch (error) {
          if (!isUnsupportedFile(error)) throw error;
          files.push({ name: "TOOLS.md", status: "delivered_via_agents_md", note: `${note} (gateway said: ${(error as Error).message})` });
        }
      }
    }
    for (const f of chosen) {
      if (f.content === f.current) files.push({ name: f.name, status: "unchanged" });
      else if (input.dryRun) files.push({ name: f.name, status: "would_write", diff: lineDiff(f.current, f.content) });
      else {
        try {
          await setFile(conn, gwAgent.id, f.name, f.content);
          files.push({ name: f.name, status: "written", diff: lineDiff(f.current, f.content) });
        } catch (error) {
          if (!isUnsupportedFile(error)) throw error;
          files.push({ name: f.name, status: "refused", note: (error as Error).message });
        }
      }
    }
    if (!input.dryRun) {
      await ctx.db.agent.update({ where: { id: agent.id }, data: { soulTemplate: next.soulTemplate, identityTemplate: next.identityTemplate, filesSyncedAt: new Date() } });
      if (input.rotateTokens) {
        // New token delivered first; the stored hash (what revokes the old one) changes only after.
        await rotateAgentToken(ctx.db, conn, agent, gwAgent);
        base.tokenRotated = true;
      }
    }
    // A dry run writes nothing: its result is the plan (each file's diff), not a sync.
    return { ...base, outcome: input.dryRun ? "planned" : "synced", files };
  } catch (error) {
    return { ...base, outcome: "failed", files, error: (error as Error).message };
  }
}
