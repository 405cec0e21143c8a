// Derives prisma/postgres/schema.prisma from the SQLite source: same models, Postgres provider,
// its own generated client. `npm run db:check` fails when the committed copy is stale.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

export function derivePostgresSchema(source: string): string {
  const header = "// GENERATED from prisma/schema.prisma by scripts/derive-postgres-schema.ts. Do not edit.\n";
  return (
    header +
    source
      .replace('provider = "sqlite"', 'provider = "postgresql"')
      .replace('url      = "file:./dev.db"', 'url      = "postgresql://localhost:5432/mission_control"')
      .replace('output     = "../src/generated/sqlite"', 'output     = "../../src/generated/postgres"')
  );
}

if (process.argv[1]?.endsWith("derive-postgres-schema.ts")) {
  mkdirSync("prisma/postgres", { recursive: true });
  const out = derivePostgresSchema(readFileSync("prisma/schema.prisma", "utf8"));
  writeFileSync("prisma/postgres/schema.prisma", out);
}
