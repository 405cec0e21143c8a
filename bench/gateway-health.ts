// Benchmark: sequential `health` round trips against a real OpenClaw gateway, through our
// GatewayConnection ("ours") and through a bare `ws` socket doing the same handshake with no
// client machinery ("bare"). The ratio shows what the client library costs per call.
// Starts and stops its own gateway (≈1 GB RAM, 10–25 s start). Called by bench/run.ts.
import WebSocket from "ws";
import { startGateway } from "../scripts/openclaw/gateway";
import { ensureOpenclawInstalled } from "../scripts/openclaw/install";
import { GatewayConnection } from "../src/server/gateway/client";

export interface LatencyStats {
  p50: number;
  p99: number;
  total_ms: number;
}

export interface GatewayHealthBench {
  ours: LatencyStats;
  bare: LatencyStats;
  /** ours.p50 / bare.p50 */
  ratio: number;
}

function stats(samples: number[], totalMs: number): LatencyStats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { p50: round(at(50)), p99: round(at(99)), total_ms: round(totalMs) };
}

async function bareClient(url: string, token: string): Promise<{ call: (method: string) => Promise<void>; close: () => void }> {
  const ws = new WebSocket(url);
  const waiting = new Map<string, () => void>();
  let n = 0;
  await new Promise<void>((resolve, reject) => {
    ws.on("error", reject);
    ws.on("message", (data) => {
      const f = JSON.parse(String(data)) as { type: string; event?: string; id?: string; ok?: boolean; error?: unknown };
      if (f.type === "event" && f.event === "connect.challenge") {
        ws.send(
          JSON.stringify({
            type: "req",
            id: "c",
            method: "connect",
            params: { minProtocol: 4, maxProtocol: 4, client: { id: "gateway-client", version: "0.1.0", platform: process.platform, mode: "backend" }, role: "operator", scopes: ["operator.read"], caps: [], auth: { token } },
          }),
        );
      } else if (f.type === "res" && f.id === "c") {
        if (f.ok) resolve();
        else reject(new Error(`bare connect refused: ${JSON.stringify(f.error)}`));
      } else if (f.type === "res" && f.id) {
        waiting.get(f.id)?.();
        waiting.delete(f.id);
      }
    });
  });
  return {
    call: (method) =>
      new Promise<void>((resolve) => {
        const id = `b${++n}`;
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ type: "req", id, method, params: {} }));
      }),
    close: () => ws.close(),
  };
}

export async function benchGatewayHealth(opts: { calls?: number; warmup?: number } = {}): Promise<GatewayHealthBench> {
  const calls = opts.calls ?? 300;
  const warmup = opts.warmup ?? 30;
  await ensureOpenclawInstalled();
  const gw = await startGateway();
  try {
    const conn = new GatewayConnection({ url: gw.url, token: gw.token, logger: { debug() {}, warn() {} } });
    const bare = await bareClient(gw.url, gw.token);
    try {
      await conn.ready(60_000);
      for (let i = 0; i < warmup; i++) {
        await conn.request("health");
        await bare.call("health");
      }
      const measure = async (fn: () => Promise<unknown>) => {
        const samples: number[] = [];
        const start = performance.now();
        for (let i = 0; i < calls; i++) {
          const t = performance.now();
          await fn();
          samples.push(performance.now() - t);
        }
        return stats(samples, performance.now() - start);
      };
      const oursStats = await measure(() => conn.request("health"));
      const bareStats = await measure(() => bare.call("health"));
      return { ours: oursStats, bare: bareStats, ratio: Math.round((oursStats.p50 / bareStats.p50) * 100) / 100 };
    } finally {
      bare.close();
      await conn.close();
    }
  } finally {
    await gw.stop();
  }
}

if (require.main === module) {
  benchGatewayHealth().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
