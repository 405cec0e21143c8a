// The operator CLI (`npm run mc -- …`), run as a real process against a temp SQLite file.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "@/server/context";
import { runSetup } from "@/server/services/setup/setup";
import { createTestDb, type TestDb } from "./db";
import { createCaller, systemContext } from "./context";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe("mc CLI", () => {
  let testDb: TestDb;
  let dataDir: string;

  function mc(...args: string[]): Promise<Run> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ["node_modules/tsx/dist/cli.mjs", "scripts/mc.ts", ...args],
        {
          cwd: process.cwd(),
          timeout: 60_000,
          // Secrets given explicitly so the CLI does not write data/secrets.json into the repo.
          env: { ...process.env, DATABASE_URL: testDb.url, MC_DATA_DIR: dataDir, NEXTAUTH_SECRET: "test-secret", MC_ENCRYPTION_KEY: "test-key", MC_BCRYPT_COST: "4" },
        },
        (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "mc-cli-"));
    testDb = await createTestDb("sqlite");
    await runSetup(systemContext(testDb.db), { email: "owner@cli.test", name: "Owner", password: "owner password 1", orgName: "CLI Org", orgSlug: "cli-org" });
  });
  afterAll(async () => {
    await testDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("creates a user and then an API token whose last output line is the token alone, and the token authenticates", async () => {
    const user = await mc("user", "create", "--email", "Ops@CLI.test", "--name", "Ops", "--password", "ops password 12", "--org", "cli-org", "--role", "admin");
    expect(user.stderr).toBe("");
    expect(user.code).toBe(0);
    expect(user.stdout).toContain("Created user ops@cli.test in cli-org as admin");

    const created = await mc("token", "create", "--email", "ops@cli.test", "--org", "cli-org", "--role", "admin");
    expect(created.code).toBe(0);
    const lines = created.stdout.trimEnd().split("\n");
    const token = lines[lines.length - 1];
    expect(token).toMatch(/^mc_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);

    const ctx = await createContext({ db: testDb.db, authorization: `Bearer ${token}` });
    const orgId = (await testDb.db.organization.findUniqueOrThrow({ where: { slug: "cli-org" } })).id;
    const userId = (await testDb.db.user.findUniqueOrThrow({ where: { email: "ops@cli.test" } })).id;
    expect(ctx.actor).toMatchObject({ kind: "api_token", role: "admin", orgId, userId });
    expect(await createCaller(ctx).orgs.list()).toEqual([expect.objectContaining({ slug: "cli-org", role: "admin" })]);
    // Recorded in the activity log as the CLI.
    const row = await testDb.db.activityEvent.findFirstOrThrow({ where: { action: "api_token.created", orgId } });
    expect(row).toMatchObject({ actorKind: "system", actorName: "cli" });
  });

  it("--help exits 0 and lists the commands", async () => {
    const help = await mc("--help");
    expect(help.code).toBe(0);
    for (const command of ["user create", "token create", "org list", "migrate"]) expect(help.stdout).toContain(command);
  });

  it("org list shows the organizations", async () => {
    const list = await mc("org", "list");
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^cli-org\tCLI Org\t/m);
  });

  it("invalid options exit non-zero with a readable error and no stack", async () => {
    const bad = await mc("token", "create", "--email", "not-an-email", "--org", "cli-org", "--role", "emperor");
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("Invalid options");
    expect(bad.stderr).toContain("--email");
    expect(bad.stderr).toContain("--role");
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(bad.stdout).not.toMatch(/mc_[A-Za-z0-9]{12}_/);

    const unknown = await mc("token", "create", "--bogus");
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/bogus/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });

  it("a token for someone outside the organization is refused and nothing is created", async () => {
    const before = await testDb.db.apiToken.count();
    const run = await mc("token", "create", "--email", "nobody@cli.test", "--org", "cli-org");
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/not found/i);
    expect(await testDb.db.apiToken.count()).toBe(before);
  });

  it("an unknown command exits non-zero and shows the help", async () => {
    const run = await mc("frobnicate");
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('Unknown command "frobnicate"');
  });
});
