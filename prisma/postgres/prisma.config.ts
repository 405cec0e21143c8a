// Prisma CLI config for the derived Postgres schema. `migrate diff` connects through this
// adapter even when diffing two schema files, so Postgres must be reachable for it.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema.prisma"),
  async adapter() {
    return new PrismaPg({ connectionString: process.env.PRISMA_CLI_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test" });
  },
});
