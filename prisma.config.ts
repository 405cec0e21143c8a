// Prisma CLI config for the SQLite schema. `engine: "js"` keeps the CLI offline: without it
// Prisma downloads a native schema engine, which fails on machines without internet.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.PRISMA_CLI_SQLITE_URL ?? "file:./data/prisma-cli.db" });
  },
});
