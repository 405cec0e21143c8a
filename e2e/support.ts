// What the specs share: the running server (from global setup), the CLI against its database,
// and signing in through next-auth's credentials form.
import { readFileSync } from "node:fs";
import { expect, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { createToken, runCli } from "../scripts/test-server";

export interface E2eState {
  baseUrl: string;
  admin: { email: string; password: string; orgSlug: string };
  /** An admin API token for the admin's organization, created with the CLI. */
  token: string;
  dataDir: string;
  databaseUrl: string;
}

let cached: E2eState | null = null;

export function e2eState(): E2eState {
  if (cached) return cached;
  const file = process.env.MC_E2E_STATE;
  if (!file) throw new Error("MC_E2E_STATE is not set: run the specs with `npm run test:e2e` (global setup starts the server)");
  cached = JSON.parse(readFileSync(file, "utf8")) as E2eState;
  return cached;
}

/** The environment that points the CLI at the test server's database. */
function cliEnv(): NodeJS.ProcessEnv {
  const s = e2eState();
  return { ...process.env, DATABASE_URL: s.databaseUrl, MC_DATA_DIR: s.dataDir, MC_BCRYPT_COST: "4" };
}

export function mc(args: string[]): string {
  return runCli({ env: cliEnv() }, args);
}

export function mcToken(opts: { email: string; org: string; role?: string; name?: string }): string {
  return createToken({ env: cliEnv() }, opts);
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * Signs in through next-auth's credentials callback (CSRF token, form-encoded); the session
 * cookie lands in the request context's cookie jar. Returns the callback's response.
 */
export async function signInApi(request: APIRequestContext, email: string, password: string): Promise<APIResponse> {
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.status()).toBe(200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: "/" },
    maxRedirects: 0,
  });
}

/** Signs in through the /signin page, as a person would. */
export async function signInUi(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}

/** Asserts an error body is JSON without internals (no stack anywhere in it). */
export async function expectCleanError(res: APIResponse, status: number | number[]): Promise<Record<string, unknown>> {
  expect([status].flat(), `${res.status()} ${await res.text()}`).toContain(res.status());
  expect(res.headers()["content-type"] ?? "").toContain("application/json");
  const text = await res.text();
  expect(text).not.toMatch(/"stack"/);
  expect(text).not.toMatch(/\bat .+\(.+:\d+:\d+\)/);
  return JSON.parse(text) as Record<string, unknown>;
}

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
