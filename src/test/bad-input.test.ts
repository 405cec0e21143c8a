// Bad input is refused before anything is written, with field errors a form can show, and
// error bodies never carry a stack or internals.
import { afterEach, expect, it, vi } from "vitest";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/routers/_app";
import { createContext, type Context } from "@/server/context";
import { describeEachProvider } from "./db";
import { createCaller, errorShape, userContext, anonContext } from "./context";
import { countRows, createFixture, type Fixture } from "./fixtures";
import type { Db } from "@/server/db/client";

interface Case {
  name: string;
  as: "owner" | "anonymous";
  path: string;
  input: (f: Fixture) => unknown;
  /** Expected keys in fieldErrors, or "form" for an error about the object itself (unknown keys). */
  errors: string[];
}

const long = (n: number) => "x".repeat(n);

const CASES: Case[] = [
  { name: "an unknown field on boards.create", as: "owner", path: "boards.create", input: (f) => ({ orgId: f.org.id, name: "B", color: "red" }), errors: ["form"] },
  { name: "an unknown field on tasks.update", as: "owner", path: "tasks.update", input: (f) => ({ boardId: f.board.id, taskId: f.task.id, status: "done" }), errors: ["form"] },
  { name: "an unknown field on orgs.create", as: "owner", path: "orgs.create", input: () => ({ name: "Org", ownerId: "someone" }), errors: ["form"] },
  { name: "a number for a title", as: "owner", path: "tasks.create", input: (f) => ({ boardId: f.board.id, title: 42 }), errors: ["title"] },
  { name: "a missing title", as: "owner", path: "tasks.create", input: (f) => ({ boardId: f.board.id }), errors: ["title"] },
  { name: "a blank title", as: "owner", path: "tasks.create", input: (f) => ({ boardId: f.board.id, title: "   " }), errors: ["title"] },
  { name: "an over-long title", as: "owner", path: "tasks.create", input: (f) => ({ boardId: f.board.id, title: long(301) }), errors: ["title"] },
  { name: "an over-long board name", as: "owner", path: "boards.create", input: (f) => ({ orgId: f.org.id, name: long(121) }), errors: ["name"] },
  { name: "an over-long description", as: "owner", path: "boards.update", input: (f) => ({ boardId: f.board.id, description: long(5001) }), errors: ["description"] },
  { name: "an unknown status", as: "owner", path: "tasks.move", input: (f) => ({ boardId: f.board.id, taskId: f.task.id, status: "archived" }), errors: ["status"] },
  { name: "an unknown role", as: "owner", path: "apiTokens.create", input: (f) => ({ orgId: f.org.id, name: "t", role: "superuser" }), errors: ["role"] },
  { name: "a slug with capitals and spaces", as: "owner", path: "orgs.create", input: () => ({ name: "Org", slug: "Not A Slug" }), errors: ["slug"] },
  { name: "a page size over the limit", as: "owner", path: "activity.list", input: (f) => ({ orgId: f.org.id, limit: 10_000 }), errors: ["limit"] },
  { name: "an invitation expiry that is not a whole number of hours", as: "owner", path: "invitations.create", input: (f) => ({ orgId: f.org.id, expiresInHours: 1.5 }), errors: ["expiresInHours"] },
  { name: "a board id that is not a string", as: "owner", path: "tasks.list", input: () => ({ boardId: 7 }), errors: ["boardId"] },
  { name: "a missing org id", as: "owner", path: "members.list", input: () => ({}), errors: ["orgId"] },
  { name: "an invalid email and a short password on sign-up", as: "anonymous", path: "invitations.signUp", input: () => ({ token: long(43), email: "not-an-email", name: "N", password: "short" }), errors: ["email", "password"] },
  { name: "an invalid email on first-run setup", as: "anonymous", path: "setup.run", input: () => ({ email: "nope", name: "N", password: "long enough password", orgName: "O" }), errors: ["email"] },
];

function call(ctx: Context, path: string, input: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], createCaller(ctx)) as (i: unknown) => Promise<unknown>;
  return fn(input);
}

function expectNoInternals(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/"stack"/);
  expect(text).not.toMatch(/\bat .+\.(ts|js|mjs):\d+/);
  expect(text).not.toMatch(/node_modules|prisma|src\/server/i);
}

describeEachProvider("bad input", (getDb) => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s is refused with field errors and writes nothing", async (_name, c) => {
    const { db } = getDb();
    const f = await createFixture(db);
    const ctx = c.as === "owner" ? await userContext(db, f.owner.id) : await anonContext(db);
    const before = await countRows(db);

    let error: unknown;
    await call(ctx, c.path, c.input(f)).catch((e) => (error = e));
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");

    const shape = errorShape(error, ctx, c.path);
    expect(shape.message).toBe("Input validation failed");
    expect(shape.data).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400, requestId: ctx.requestId });
    const data = shape.data as { fieldErrors: Record<string, string[]> | null; formErrors: string[] | null };
    expect(data.fieldErrors).not.toBeNull();
    expect(data.formErrors).not.toBeNull();
    for (const key of c.errors) {
      if (key === "form") expect(data.formErrors!.join(" ")).toMatch(/unrecognized key/i);
      else expect(data.fieldErrors![key]?.length, `fieldErrors.${key}`).toBeGreaterThan(0);
    }
    expectNoInternals(shape);
    expect(await countRows(db)).toEqual(before);
  });

  it("field error messages are written for people", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const ctx = await userContext(db, f.owner.id);
    const error = await call(ctx, "tasks.create", { boardId: f.board.id, title: " " }).catch((e) => e);
    expect((errorShape(error, ctx).data as { fieldErrors: Record<string, string[]> }).fieldErrors.title).toEqual(["A task needs a title"]);
  });
});

describeEachProvider("error bodies over HTTP", (getDb) => {
  const handle = (db: Db, req: Request) =>
    fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => createContext({ db, authorization: req.headers.get("authorization") }) });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("a validation error is a 400 with field errors and no stack", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const owner = await createCaller(await userContext(db, f.owner.id)).apiTokens.create({ orgId: f.org.id, name: "http", role: "member" });
    const before = await countRows(db);
    const res = await handle(
      db,
      new Request("http://localhost/api/trpc/tasks.create", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${owner.token}` },
        body: JSON.stringify({ json: { boardId: f.board.id, title: "", sneaky: true } }),
      }),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { json: { message: string; data: { fieldErrors: Record<string, string[]>; formErrors: string[] } } } };
    expect(body.error.json.message).toBe("Input validation failed");
    expect(body.error.json.data.fieldErrors.title).toBeDefined();
    expect(body.error.json.data.formErrors.join(" ")).toMatch(/unrecognized key/i);
    expectNoInternals(body);
    expect(await countRows(db)).toEqual(before);
  });

  it("an unauthenticated call is a 401 without internals", async () => {
    const { db } = getDb();
    const res = await handle(db, new Request("http://localhost/api/trpc/me.get", { method: "GET" }));
    expect(res.status).toBe(401);
    expectNoInternals(await res.json());
  });

  it("an unexpected error is a generic 500 naming the request id, never its cause", async () => {
    const { db } = getDb();
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const ctx = await anonContext(db);
    const shape = errorShape(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new Error("password=hunter2 at /srv/app/db.ts:12") }), ctx);
    expect(shape.message).toBe(`Internal error (request ${ctx.requestId})`);
    expect(shape.data).toMatchObject({ httpStatus: 500, requestId: ctx.requestId });
    expect(JSON.stringify(shape)).not.toContain("hunter2");
    expectNoInternals(shape);
    // …but it is logged for the operator, with the request id.
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(ctx.requestId), expect.anything());
  });
});
