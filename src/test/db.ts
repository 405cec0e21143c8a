// A fresh, migrated database per test file, for either provider.
//   SQLite:   a copy of the template migrated once in global-setup (a real WAL file in tmpdir).
//   Postgres: a new schema `mc_test_<random>` in the test database, migrated, dropped afterwards.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { createDb, type Db } from "@/server/db/client";
import { parseDatabaseUrl, type DbConfig, type DbProvider } from "@/server/db/config";
import { migrate } from "@/server/db/migrate";
import { TEST_POSTGRES_URL, postgresRequired } from "./postgres";

export const PROVIDERS: DbProvider[] = ["sqlite", "postgres"];

export interface TestDb {
  provider: DbProvider;
  config: DbConfig;
  /** A DATABASE_URL for child processes (the CLI). */
  url: string;
  db: Db;
  /** Deletes every row, for tests that need an empty database (first-run setup). */
  reset(): Promise<void>;
  /** Disconnects and removes the file or schema. */
  drop(): Promise<void>;
}

export const randomSuffix = (): string => randomBytes(6).toString("hex");

/** A new file or schema name that is not migrated yet (for the migration runner tests). */
export function blankConfig(provider: DbProvider): { config: DbConfig; url: string; cleanup: () => Promise<void> } {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "mc-test-"));
    const url = `file:${path.join(dir, "test.db")}`;
    return { config: parseDatabaseUrl(url), url, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `mc_test_${randomSuffix()}`;
  const url = `${TEST_POSTGRES_URL}${TEST_POSTGRES_URL.includes("?") ? "&" : "?"}schema=${schema}`;
  return { config: parseDatabaseUrl(url), url, cleanup: () => dropSchema(schema) };
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    // An extension created while this schema was first on the search_path lives here; CASCADE
    // would drop it with every index other schemas built on it. Move it out first.
    const { rows } = await client.query<{ extname: string }>("SELECT e.extname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE n.nspname = $1", [schema]);
    for (const { extname } of rows) await client.query(`ALTER EXTENSION "${extname}" SET SCHEMA public`);
    await client.query(`DROP SCHEMA IF EXISTS "${schema.replace(/"/g, '""')}" CASCADE`);
  } finally {
    await client.end();
  }
}

export async function createTestDb(provider: DbProvider): Promise<TestDb> {
  const blank = blankConfig(provider);
  if (provider === "sqlite") copyFileSync(inject("sqliteTemplate"), blank.config.url);
  else await migrate(blank.config);
  const db = createDb(blank.config);
  return {
    provider,
    config: blank.config,
    url: blank.url,
    db,
    reset: () => deleteAllRows(db, blank.config),
    async drop() {
      await db.$disconnect();
      await blank.cleanup();
    },
  };
}

/** Empties every table (not the migration log), whatever tables the schema has by now. */
async function deleteAllRows(db: Db, config: DbConfig): Promise<void> {
  if (config.provider === "postgres") {
    const tables = await db.$queryRawUnsafe<{ name: string }[]>("SELECT tablename::text AS name FROM pg_tables WHERE schemaname = $1 AND tablename <> '_mc_migrations'", config.schema);
    if (tables.length) await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${config.schema}"."${t.name}"`).join(", ")} CASCADE`);
    return;
  }
  // Full-text tables are kept in sync by triggers on Task; leave them (and SQLite's own) alone.
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> '_mc_migrations' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'TaskSearch%'",
  );
  await db.$executeRawUnsafe("PRAGMA foreign_keys = OFF");
  try {
    for (const { name } of tables) await db.$executeRawUnsafe(`DELETE FROM "${name}"`);
  } finally {
    await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  }
}

/** Postgres variants are skipped when the server is unreachable, unless MC_REQUIRE_POSTGRES=1. */
export function providerSkipped(provider: DbProvider): boolean {
  return provider === "postgres" && !inject("postgresAvailable") && !postgresRequired();
}

/**
 * Runs `body` once per provider, each with its own database for the whole describe block
 * (one Postgres schema per test file, not per test). Tests inside create their own orgs and
 * users, so they do not see each other's rows.
 */
export function describeEachProvider(title: string, body: (getDb: () => TestDb) => void): void {
  describe.each(PROVIDERS)(`${title} [%s]`, (provider) => {
    if (providerSkipped(provider)) {
      describe.skip("Postgres unreachable", () => body(() => undefined as unknown as TestDb));
      return;
    }
    let testDb: TestDb | undefined;
    beforeAll(async () => {
      testDb = await createTestDb(provider);
    });
    afterAll(async () => {
      await testDb?.drop();
    });
    body(() => {
      if (!testDb) throw new Error("test database not ready");
      return testDb;
    });
  });
}
