// Next.js start-up hook (runs once per server process, before the first request).
// Long-lived work that belongs to the server process starts here: the Node runtime only (the
// edge runtime has no sockets or database), each task imported lazily so the edge bundle and
// `next build` never load it, and each isolated so one failing task does not stop the others.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await runStartupTask("gateway connections", async () => {
    const { getDb } = await import("./server/db/client");
    const { startGatewayConnections } = await import("./server/services/gateways/gateways");
    const count = await startGatewayConnections(getDb());
    if (count) console.log(`[start] connecting to ${count} gateway${count === 1 ? "" : "s"}`);
  });
  // The agent reconcile worker (durable jobs: provisioning, deletion, retries).
  await runStartupTask("agent worker", async () => (await import("./server/services/agents/worker")).startAgentWorker());
}

async function runStartupTask(name: string, task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    console.error(`[start] ${name} failed to start:`, error instanceof Error ? error.message : error);
  }
}
