// Creates a migration for both providers from the difference between the last migrated
// schema (prisma/migrations/schema.snapshot.prisma) and prisma/schema.prisma.
// Usage: npm run db:migration -- <name>
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, mkdtempSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { derivePostgresSchema } from "./derive-postgres-schema";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lowercase letters, digits, underscores)");
  process.exit(1);
}
const SNAPSHOT = "prisma/migrations/schema.snapshot.prisma";
const tmp = mkdtempSync(path.join(tmpdir(), "mc-migration-"));

function diff(config: string, from: string | null, to: string): string {
  const fromArgs = from ? ["--from-schema-datamodel", from] : ["--from-empty"];
  return execFileSync(
    process.execPath,
    ["node_modules/prisma/build/index.js", "migrate", "diff", "--config", config, ...fromArgs, "--to-schema-datamodel", to, "--script"],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
}

const source = readFileSync("prisma/schema.prisma", "utf8");
const hasSnapshot = existsSync(SNAPSHOT);
const pgTo = path.join(tmp, "to.prisma");
writeFileSync(pgTo, derivePostgresSchema(source));
let pgFrom: string | null = null;
if (hasSnapshot) {
  pgFrom = path.join(tmp, "from.prisma");
  writeFileSync(pgFrom, derivePostgresSchema(readFileSync(SNAPSHOT, "utf8")));
}
const sqliteSql = diff("prisma.config.ts", hasSnapshot ? SNAPSHOT : null, "prisma/schema.prisma");
const pgSql = diff("prisma/postgres/prisma.config.ts", pgFrom, pgTo);
if (!/\b(CREATE|ALTER|DROP)\b/i.test(sqliteSql)) {
  console.log("No schema changes since the last migration.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = `${stamp}_${name}`;
for (const [root, sql] of [["prisma/migrations", sqliteSql], ["prisma/postgres/migrations", pgSql]] as const) {
  mkdirSync(path.join(root, dir), { recursive: true });
  writeFileSync(path.join(root, dir, "migration.sql"), sql);
}
copyFileSync("prisma/schema.prisma", SNAPSHOT);
execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/derive-postgres-schema.ts"], { stdio: "inherit" });
console.log(`Created ${dir} for SQLite and Postgres.`);
