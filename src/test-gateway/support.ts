// Shared helpers for the real-gateway suite (vitest.gateway.config.ts).
import { GatewayConnection, type GatewayConnectionOptions } from "@/server/gateway/client";

/** The main vitest config also matches src/**\/*.test.ts: these files only run in the gateway suite. */
export const gatewaySuiteEnabled = process.env.MC_GATEWAY_SUITE === "1";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitUntil<T>(fn: () => Promise<T | null | undefined | false> | T | null | undefined | false, what: string, timeoutMs = 60_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v as T;
    } catch (error) {
      last = error;
    }
    await sleep(everyMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ""}`);
}

export function connectTo(gw: { url: string; token: string }, extra: Partial<GatewayConnectionOptions> = {}): GatewayConnection {
  return new GatewayConnection({ url: gw.url, token: gw.token, clientVersion: "0.1.0", backoff: { baseMs: 250, maxMs: 5_000, minMs: 100 }, ...extra });
}

type AgentsList = { agents: { id: string; name?: string; workspace?: string }[] };

export async function waitForAgent(c: GatewayConnection, agentId: string, present = true): Promise<void> {
  await waitUntil(async () => {
    const list = await c.request<AgentsList>("agents.list", {});
    return list.agents.some((a) => a.id === agentId) === present;
  }, `agent ${agentId} ${present ? "in" : "gone from"} agents.list`);
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
