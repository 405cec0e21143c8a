// Applies pending migrations for either provider with the raw driver (Prisma's own migrate
// engine cannot run offline through the pg adapter, see DESIGN.md §4). Each migration runs in
// its own transaction; on Postgres an advisory lock keeps concurrent instances from racing.
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { DbConfig } from "./config";
import { ensurePostgresSearch, ensureSqliteSearch } from "./search-index";

const ROOT = path.join(process.cwd(), "prisma");
const LOCK_KEY = 727_274_001; // arbitrary constant shared by all Mission Control instances

export interface MigrationResult {
  applied: string[];
}

function listMigrations(dir: string): { name: string; sql: string }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

export async function migrate(config: DbConfig): Promise<MigrationResult> {
  return config.provider === "sqlite" ? migrateSqlite(config) : migratePostgres(config);
}

function migrateSqlite(config: DbConfig): MigrationResult {
  mkdirSync(path.dirname(config.url), { recursive: true });
  const db = new Database(config.url);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 10000");
    db.exec('CREATE TABLE IF NOT EXISTS "_mc_migrations" (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    const done = new Set(db.prepare('SELECT name FROM "_mc_migrations"').pluck().all() as string[]);
    const applied: string[] = [];
    // Prisma's SQLite migrations rebuild tables (create copy, drop, rename). With foreign keys
    // on, dropping a parent table cascades into its children's rows, and the PRAGMA inside the
    // migration is a no-op within a transaction, so switch enforcement off around it and check
    // integrity before committing instead.
    db.pragma("foreign_keys = OFF");
    for (const m of listMigrations(path.join(ROOT, "migrations"))) {
      if (done.has(m.name)) continue;
      // IMMEDIATE takes the write lock up front so two starting processes serialize here.
      db.transaction(() => {
        const again = db.prepare('SELECT 1 FROM "_mc_migrations" WHERE name = ?').get(m.name);
        if (again) return;
        db.exec(m.sql);
        const violations = db.pragma("foreign_key_check") as unknown[];
        if (violations.length) throw new Error(`Migration ${m.name} leaves ${violations.length} foreign key violation(s)`);
        db.prepare('INSERT INTO "_mc_migrations" (name, applied_at) VALUES (?, ?)').run(m.name, new Date().toISOString());
        applied.push(m.name);
      }).immediate();
    }
    db.pragma("foreign_keys = ON");
    ensureSqliteSearch(db);
    return { applied };
  } finally {
    db.close();
  }
}

async function migratePostgres(config: DbConfig): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  const schema = `"${config.schema.replace(/"/g, '""')}"`;
  try {
    // Lock first: two concurrent `CREATE SCHEMA IF NOT EXISTS` can both miss the schema and one
    // then fails on pg_namespace's unique index.
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`SET search_path TO ${schema}`);
    await client.query('CREATE TABLE IF NOT EXISTS "_mc_migrations" (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)');
    const { rows } = await client.query<{ name: string }>('SELECT name FROM "_mc_migrations"');
    const done = new Set(rows.map((r) => r.name));
    const applied: string[] = [];
    for (const m of listMigrations(path.join(ROOT, "postgres", "migrations"))) {
      if (done.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        // Generated SQL creates "public" explicitly; everything else follows search_path.
        await client.query(m.sql.replace('CREATE SCHEMA IF NOT EXISTS "public";', ""));
        await client.query('INSERT INTO "_mc_migrations" (name, applied_at) VALUES ($1, now())', [m.name]);
        await client.query("COMMIT");
        applied.push(m.name);
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`);
      }
    }
    await ensurePostgresSearch(client);
    return { applied };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
