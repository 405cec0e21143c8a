// Full-text search over task titles and descriptions (and one expression index), kept outside
// the Prisma schema because each provider does it its own way. Ensured after every migration run, idempotently: a Prisma
// SQLite migration that rebuilds the Task table drops these triggers, and this puts them back
// (and rebuilds the index) instead of letting search silently go stale.
import type Database from "better-sqlite3";
import type pg from "pg";

const SQLITE_TRIGGERS = {
  task_search_ai: `CREATE TRIGGER task_search_ai AFTER INSERT ON "Task" BEGIN
    INSERT INTO "TaskSearch"(rowid, title, description) VALUES (new.rowid, new.title, new.description); END`,
  task_search_ad: `CREATE TRIGGER task_search_ad AFTER DELETE ON "Task" BEGIN
    INSERT INTO "TaskSearch"("TaskSearch", rowid, title, description) VALUES ('delete', old.rowid, old.title, old.description); END`,
  task_search_au: `CREATE TRIGGER task_search_au AFTER UPDATE OF title, description ON "Task" BEGIN
    INSERT INTO "TaskSearch"("TaskSearch", rowid, title, description) VALUES ('delete', old.rowid, old.title, old.description);
    INSERT INTO "TaskSearch"(rowid, title, description) VALUES (new.rowid, new.title, new.description); END`,
};

// Lists sort by due date with undated tasks last; Prisma orders by (dueAt IS NULL, dueAt, id),
// which only an expression index serves, and Prisma's schema cannot declare one.
const SQLITE_DUE_INDEX = `CREATE INDEX IF NOT EXISTS "Task_boardId_dueAtNullsLast_idx" ON "Task"("boardId", (CASE WHEN "dueAt" IS NULL THEN 1 ELSE 0 END), "dueAt", "id")`;
const POSTGRES_DUE_INDEX = `CREATE INDEX IF NOT EXISTS "Task_boardId_dueAtNullsLast_idx" ON "Task"("boardId", "dueAt" ASC NULLS LAST, "id")`;

export function ensureSqliteSearch(db: Database.Database): void {
  const existing = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','trigger')").pluck().all() as string[]);
  if (!existing.has("Task")) return;
  db.exec(SQLITE_DUE_INDEX);
  const missing = Object.entries(SQLITE_TRIGGERS).filter(([name]) => !existing.has(name));
  if (existing.has("TaskSearch") && missing.length === 0) return;
  db.transaction(() => {
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS "TaskSearch" USING fts5(title, description, content='Task', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`);
    for (const [, sql] of missing) db.exec(sql);
    db.exec(`INSERT INTO "TaskSearch"("TaskSearch") VALUES ('rebuild')`);
  })();
}

/**
 * Trigram indexes let ILIKE '%term%' use an index; pg_trgm ships with Postgres. Without the
 * right to create the extension, search still works (unindexed) and we say so once.
 */
export async function ensurePostgresSearch(client: pg.Client): Promise<void> {
  await client.query(POSTGRES_DUE_INDEX);
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public");
  } catch (error) {
    console.warn(`[db] pg_trgm unavailable, task search is unindexed: ${(error as Error).message}`);
    return;
  }
  // The extension may live in another schema than ours (it is per database): qualify it.
  const { rows } = await client.query<{ schema: string }>(
    "SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'",
  );
  const ops = `"${rows[0].schema.replace(/"/g, '""')}".gin_trgm_ops`;
  await client.query(`CREATE INDEX IF NOT EXISTS "Task_title_trgm" ON "Task" USING gin ("title" ${ops})`);
  await client.query(`CREATE INDEX IF NOT EXISTS "Task_description_trgm" ON "Task" USING gin ("description" ${ops})`);
}

/** The words of a search text (letters, digits, underscores); punctuation separates them. */
export const searchWords = (text: string): string[] => text.match(/[\p{L}\p{N}_]+/gu) ?? [];

/** An FTS5 query matching every word as a prefix, with the user's text quoted (no syntax). */
export function ftsQuery(text: string): string | null {
  const words = searchWords(text);
  return words.length ? words.map((w) => `"${w}"*`).join(" ") : null;
}
