// What the UI and REST cannot make without a real gateway: an agent row on a board, written
// straight into the test server's SQLite file. It is marked provisioned and recently heard
// from, so the reconcile worker leaves it alone and it shows as online.
import { randomBytes } from "node:crypto";
import { createDb, type Db } from "../../src/server/db/client";
import { parseDatabaseUrl } from "../../src/server/db/config";
import { e2eState } from "../support";

let client: Db | null = null;
const db = () => (client ??= createDb(parseDatabaseUrl(e2eState().databaseUrl)));

export async function seedAgent(opts: { orgId: string; boardId: string; name: string; role?: "lead" | "worker" }): Promise<{ id: string; name: string }> {
  const id = `agt_e2e_${randomBytes(6).toString("hex")}`;
  await db().agent.create({
    data: {
      id,
      orgId: opts.orgId,
      boardId: opts.boardId,
      name: opts.name,
      role: opts.role ?? "worker",
      status: "online",
      provisionStep: "done",
      lastHeartbeatAt: new Date(),
      heartbeatStatus: "idle",
    },
  });
  return { id, name: opts.name };
}

export async function disconnectSeed(): Promise<void> {
  await client?.$disconnect();
  client = null;
}
