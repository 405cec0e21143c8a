// The Prisma client for the configured provider. Both generated clients have the same model
// API; the app is typed against the SQLite one.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/generated/sqlite";
import { PrismaClient as PostgresClient } from "@/generated/postgres";
import { parseDatabaseUrl, type DbConfig } from "./config";

export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// Kept on globalThis: scripts run by tsx can load this module twice (ESM and CJS copies).
const configs: WeakMap<object, DbConfig> = ((globalThis as Record<symbol, unknown>)[Symbol.for("mc.db.configs")] ??= new WeakMap()) as WeakMap<object, DbConfig>;

/** Which provider a client talks to, for the few queries that differ (full-text search, claims). */
export const providerOf = (db: object): DbConfig["provider"] => configs.get(db)?.provider ?? "sqlite";

/** The Postgres schema a client uses: raw SQL must qualify tables with it (the adapter sets no search_path). */
export const schemaOf = (db: object): string => configs.get(db)?.schema ?? "public";

export function createDb(config: DbConfig = parseDatabaseUrl()): Db {
  let db: Db;
  if (config.provider === "postgres") {
    const adapter = new PrismaPg({ connectionString: config.url, max: 10 }, { schema: config.schema });
    db = new PostgresClient({ adapter }) as unknown as Db;
  } else {
    // busy_timeout lets concurrent writers wait instead of failing with SQLITE_BUSY.
    const adapter = new PrismaBetterSQLite3({ url: `file:${config.url}`, timeout: 10_000 });
    db = new SqliteClient({ adapter });
  }
  configs.set(db, config);
  return db;
}

const globalForDb = globalThis as unknown as { mcDb?: Db };

/** The process-wide client (kept on globalThis so Next's dev reloads reuse it). */
export function getDb(): Db {
  globalForDb.mcDb ??= createDb();
  return globalForDb.mcDb;
}
