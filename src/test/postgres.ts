// Where the Postgres variants of the integration tests run, and whether they can.
import pg from "pg";

/** A server with trust auth and a `test` database (the development and CI machines have one). */
export const TEST_POSTGRES_URL = process.env.MC_TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/test";

/** MC_REQUIRE_POSTGRES=1 turns "Postgres unreachable" from a skip into a failure (CI). */
export const postgresRequired = (): boolean => process.env.MC_REQUIRE_POSTGRES === "1";

export async function probePostgres(url = TEST_POSTGRES_URL): Promise<{ ok: true } | { ok: false; reason: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await client.end().catch(() => undefined);
  }
}
