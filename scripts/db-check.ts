// CI guard: the Postgres schema is the derivation of the SQLite source, every schema change
// has a migration, and both providers have the same migrations.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { derivePostgresSchema } from "./derive-postgres-schema";

const problems: string[] = [];
const source = readFileSync("prisma/schema.prisma", "utf8");
if (readFileSync("prisma/postgres/schema.prisma", "utf8") !== derivePostgresSchema(source)) {
  problems.push("prisma/postgres/schema.prisma is stale: run `npx tsx scripts/derive-postgres-schema.ts`.");
}
const snapshot = "prisma/migrations/schema.snapshot.prisma";
if (!existsSync(snapshot) || readFileSync(snapshot, "utf8") !== source) {
  problems.push("prisma/schema.prisma changed without a migration: run `npm run db:migration -- <name>`.");
}
const dirs = (root: string) => readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const sqlite = dirs("prisma/migrations").join(",");
const pg = dirs("prisma/postgres/migrations").join(",");
if (sqlite !== pg) problems.push(`Migrations differ between providers:\n  sqlite:   ${sqlite}\n  postgres: ${pg}`);
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("Schemas and migrations are in sync for SQLite and Postgres.");
