import { readdirSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { blankConfig, providerSkipped } from "@/test/db";
import { TEST_POSTGRES_URL } from "@/test/postgres";
import { createDb } from "./client";
import { migrate } from "./migrate";

const migrationsOf = (dir: string) =>
  readdirSync(path.join(process.cwd(), dir), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

describe("migration runner [sqlite]", () => {
  it("applies every migration on a fresh file, then nothing on the second run", async () => {
    const { config, cleanup } = blankConfig("sqlite");
    try {
      const expected = migrationsOf("prisma/migrations");
      expect(expected.length).toBeGreaterThan(0);
      expect((await migrate(config)).applied).toEqual(expected);
      expect((await migrate(config)).applied).toEqual([]);

      const raw = new Database(config.url, { readonly: true });
      try {
        expect(raw.prepare('SELECT name FROM "_mc_migrations" ORDER BY name').pluck().all()).toEqual(expected);
        expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
      } finally {
        raw.close();
      }
      // The migrated schema is what the client expects.
      const db = createDb(config);
      try {
        expect(await db.user.count()).toBe(0);
      } finally {
        await db.$disconnect();
      }
    } finally {
      await cleanup();
    }
  });

  it("two concurrent runs on one file apply each migration once", async () => {
    const { config, cleanup } = blankConfig("sqlite");
    try {
      const results = await Promise.all([migrate(config), migrate(config)]);
      expect(results.flatMap((r) => r.applied).sort()).toEqual(migrationsOf("prisma/migrations"));
    } finally {
      await cleanup();
    }
  });
});

describe.skipIf(providerSkipped("postgres"))("migration runner [postgres]", () => {
  async function appliedIn(schema: string): Promise<string[]> {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(`SELECT name FROM "${schema}"."_mc_migrations" ORDER BY name`);
      return rows.map((r) => r.name);
    } finally {
      await client.end();
    }
  }

  it("applies every migration in a fresh schema, then nothing on the second run", async () => {
    const { config, cleanup } = blankConfig("postgres");
    try {
      const expected = migrationsOf("prisma/postgres/migrations");
      expect((await migrate(config)).applied).toEqual(expected);
      expect((await migrate(config)).applied).toEqual([]);
      expect(await appliedIn(config.schema)).toEqual(expected);
      const db = createDb(config);
      try {
        expect(await db.organization.count()).toBe(0);
      } finally {
        await db.$disconnect();
      }
    } finally {
      await cleanup();
    }
  });

  it("two concurrent runs on one fresh schema both succeed and apply each migration once", async () => {
    const { config, cleanup } = blankConfig("postgres");
    try {
      const results = await Promise.all([migrate(config), migrate(config)]);
      const expected = migrationsOf("prisma/postgres/migrations");
      expect(results.flatMap((r) => r.applied).sort()).toEqual(expected);
      expect(await appliedIn(config.schema)).toEqual(expected);
    } finally {
      await cleanup();
    }
  });
});

describe("scripts/db-check.ts", () => {
  it("passes: the Postgres schema and migrations are in sync with the SQLite source", () => {
    const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/db-check.ts"], { cwd: process.cwd(), encoding: "utf8", timeout: 60_000 });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("in sync");
  });
});
