// Runs once per `vitest run`: migrates one SQLite template that every test database copies,
// and checks whether Postgres is reachable so the Postgres variants can run or be skipped.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "../server/db/migrate";
import { TEST_POSTGRES_URL, postgresRequired, probePostgres } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplate: string;
    postgresAvailable: boolean;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "mc-test-template-"));
  const sqliteTemplate = path.join(dir, "template.db");
  // migrate() closes its connection, which checkpoints the WAL into the file: a plain copy is complete.
  await migrate({ provider: "sqlite", url: sqliteTemplate, schema: "main" });
  project.provide("sqliteTemplate", sqliteTemplate);

  const probe = await probePostgres();
  project.provide("postgresAvailable", probe.ok);
  if (!probe.ok) {
    const note = postgresRequired()
      ? "MC_REQUIRE_POSTGRES=1: the Postgres variants will run and FAIL"
      : "the Postgres variants are SKIPPED (set MC_REQUIRE_POSTGRES=1 to make this a failure)";
    console.warn(`\n[test] Postgres is not reachable at ${TEST_POSTGRES_URL} (${probe.reason}): ${note}.\n`);
  }

  return () => rmSync(dir, { recursive: true, force: true });
}
