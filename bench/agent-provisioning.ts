// Provisioning time per agent against the real gateway: create → online (agent on the gateway,
// SOUL.md / IDENTITY.md / AGENTS.md written, token in skill env, first message sent). Starts its
// own gateway (and fake LLM) on a fresh SQLite file; agents are provisioned one after another so
// each time is that agent's alone. `npx tsx bench/agent-provisioning.ts` (BENCH_AGENTS, default 5).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startFakeLlm } from "../scripts/openclaw/fake-llm";
import { startGateway } from "../scripts/openclaw/gateway";
import { createDb } from "../src/server/db/client";
import { migrate } from "../src/server/db/migrate";
import { encryptSecret } from "../src/server/crypto/secret-box";
import { newId } from "../src/lib/ids";
import { configureJobs } from "../src/server/services/jobs/queue";
import { createAgentWorker } from "../src/server/services/agents/worker";
import { createAgent } from "../src/server/services/agents/agents";
import { closeConnection } from "../src/server/services/gateways/connections";

export async function benchAgentProvisioning(): Promise<{ agents: number; perAgentMs: { p50: number; max: number } }> {
  const count = Number(process.env.BENCH_AGENTS ?? 5);
  process.env.MC_ENCRYPTION_KEY ||= "bench-agent-provisioning";
  configureJobs({ baseMs: 300, maxMs: 3_000, pollMs: 250 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mc-bench-agents-"));
  const config = { provider: "sqlite" as const, url: path.join(dir, "bench.db"), schema: "main" };
  await migrate(config);
  const db = createDb(config);
  const llm = await startFakeLlm();
  const gw = await startGateway({ llm: { baseUrl: llm.baseUrl, modelId: llm.modelId } });
  const worker = createAgentWorker(db);
  const orgId = newId();
  const boardId = newId();
  const gatewayId = newId();
  try {
    await db.organization.create({ data: { id: orgId, slug: `bench-${orgId.slice(-6)}`, name: "Bench" } });
    await db.board.create({ data: { id: boardId, orgId, name: "Bench board", slug: "bench-board" } });
    await db.gateway.create({ data: { id: gatewayId, orgId, name: "Bench gateway", url: gw.url, tokenCiphertext: encryptSecret(gw.token) } });
    const ctx = { db, actor: { kind: "system" as const, name: "bench" }, requestId: "bench", ip: null, org: { id: orgId, slug: "bench", name: "Bench" }, role: "owner" as const };
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const agent = await createAgent(ctx, { name: `Bench agent ${i + 1}`, boardId, role: "worker", gatewayId, soulTemplate: "", identityTemplate: "", heartbeatIntervalSec: 300 });
      for (;;) {
        const row = await db.agent.findUnique({ where: { id: agent.id }, select: { status: true, provisionStep: true, lastError: true } });
        if (row?.status === "online" && row.provisionStep === "done") break;
        if (performance.now() - started > 180_000) throw new Error(`agent ${i + 1} not online after 180 s (last error: ${row?.lastError ?? "none"})`);
        await new Promise((r) => setTimeout(r, 25));
      }
      times.push(performance.now() - started);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const round = (n: number) => Math.round(n);
    return { agents: count, perAgentMs: { p50: round(sorted[Math.floor((sorted.length - 1) / 2)]), max: round(sorted[sorted.length - 1]) } };
  } finally {
    await worker.stop();
    await closeConnection(gatewayId);
    await gw.stop();
    await llm.close();
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void benchAgentProvisioning().then(
    (result) => {
      console.log(JSON.stringify(result));
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
