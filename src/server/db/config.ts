// Which database we talk to, decided once from DATABASE_URL.
import path from "node:path";

export type DbProvider = "sqlite" | "postgres";

export interface DbConfig {
  provider: DbProvider;
  /** SQLite: absolute file path. Postgres: connection string. */
  url: string;
  /** Postgres only: the schema to use (from `?schema=`), default "public". */
  schema: string;
}

export const DEFAULT_DATABASE_URL = "file:./data/mission-control.db";

export function parseDatabaseUrl(raw = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): DbConfig {
  if (raw.startsWith("postgres://") || raw.startsWith("postgresql://")) {
    const url = new URL(raw);
    const schema = url.searchParams.get("schema") ?? "public";
    url.searchParams.delete("schema");
    return { provider: "postgres", url: url.toString(), schema };
  }
  if (raw.startsWith("file:")) {
    return { provider: "sqlite", url: path.resolve(raw.slice("file:".length)), schema: "main" };
  }
  throw new Error(`DATABASE_URL must start with file: or postgres:// (got "${raw.split(":")[0]}:")`);
}
