// Generates both Prisma clients (SQLite and Postgres) after install. The Postgres schema is
// derived from the SQLite one so there is one source of truth.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("prisma/schema.prisma")) process.exit(0);
// `npm ci --dry-run` still runs the root postinstall, with nothing installed: nothing to generate.
if (process.env.npm_config_dry_run === "true") process.exit(0);
const node = (args) => execFileSync(process.execPath, args, { stdio: "inherit" });
node(["node_modules/tsx/dist/cli.mjs", "scripts/derive-postgres-schema.ts"]);
node(["node_modules/prisma/build/index.js", "generate", "--config", "prisma.config.ts"]);
node(["node_modules/prisma/build/index.js", "generate", "--config", "prisma/postgres/prisma.config.ts"]);
