// The REST API as a script sees it: a CLI-made token, JSON in and out, clear 4xx errors for
// every kind of bad input, nothing half-written, tenants kept apart.
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { bearer, e2eState, expectCleanError, mc, mcToken, signInApi, uniqueSuffix } from "./support";

type Json = Record<string, unknown>;
type Board = { id: string; orgId: string; name: string; slug: string };
type Task = { id: string; boardId: string; title: string; status: string; priority: string; description: string };

const api = (path: string) => `/api/v1${path}`;

test.describe("REST API", () => {
  // Boards require an approval before a task moves to done (a board rule), so moves here go to
  // in_progress and review.
  let auth: Record<string, string>;

  test.beforeAll(() => {
    auth = bearer(e2eState().token);
  });

  async function createBoard(request: APIRequestContext, name: string, headers = auth, org = e2eState().admin.orgSlug): Promise<Board> {
    const res = await request.post(api(`/orgs/${org}/boards`), { headers, data: { name } });
    expect(res.status(), await res.text()).toBe(200);
    return (await res.json()) as Board;
  }

  async function listTasks(request: APIRequestContext, boardId: string, headers = auth): Promise<Task[]> {
    const res = await request.get(api(`/boards/${boardId}/tasks?limit=200`), { headers });
    expect(res.status(), await res.text()).toBe(200);
    return ((await res.json()) as { items: Task[] }).items;
  }

  async function countBoards(request: APIRequestContext, headers = auth, org = e2eState().admin.orgSlug): Promise<number> {
    const res = await request.get(api(`/orgs/${org}/boards`), { headers });
    expect(res.status()).toBe(200);
    return ((await res.json()) as unknown[]).length;
  }

  /** The newest audit row: a write that failed must not have left one. */
  async function latestActivity(request: APIRequestContext): Promise<string | null> {
    const res = await request.get(api(`/orgs/${e2eState().admin.orgSlug}/activity?limit=1`), { headers: auth });
    expect(res.status(), await res.text()).toBe(200);
    return ((await res.json()) as { items: { id: string }[] }).items[0]?.id ?? null;
  }

  test("an API token from the CLI authenticates REST calls", async ({ request }) => {
    const res = await request.get(api("/me"), { headers: auth });
    expect(res.status()).toBe(200);
    const me = (await res.json()) as { kind: string; orgs: { slug: string; role: string }[] };
    expect(me.kind).toBe("api_token");
    expect(me.orgs).toEqual([expect.objectContaining({ slug: e2eState().admin.orgSlug, role: "admin" })]);
  });

  test("a missing or invalid token is a 401 JSON error without internals", async ({ request }) => {
    for (const headers of [{}, bearer("mc_not-a-real-token"), bearer("garbage"), { Authorization: "Basic Zm9vOmJhcg==" }]) {
      const body = await expectCleanError(await request.get(api("/me"), { headers }), 401);
      expect(body.code).toBe("UNAUTHORIZED");
      expect(typeof body.message).toBe("string");
    }
    await expectCleanError(await request.post(api(`/orgs/${e2eState().admin.orgSlug}/boards`), { data: { name: "nope" } }), 401);
  });

  test("the OpenAPI document is valid OpenAPI 3 and names operations by their procedure", async ({ request }) => {
    const res = await request.get("/api/openapi.json");
    expect(res.status()).toBe(200);
    const doc = (await res.json()) as Json;
    expect(validateOpenApiStructure(doc)).toEqual([]);
    const operations = listOperations(doc);
    expect(operations.length).toBeGreaterThan(10);
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
    const byRoute = Object.fromEntries(operations.map((o) => [`${o.method} ${o.path}`, o.operationId]));
    expect(byRoute).toMatchObject({
      "get /orgs/{orgId}/boards": "boards.list",
      "post /orgs/{orgId}/boards": "boards.create",
      "post /boards/{boardId}/tasks": "tasks.create",
      "get /boards/{boardId}/tasks": "tasks.list",
      "post /boards/{boardId}/tasks/{taskId}/move": "tasks.move",
      "delete /boards/{boardId}/tasks/{taskId}": "tasks.delete",
    });
  });

  test("every documented operation answers, reaching the procedure its operationId names", async ({ request }) => {
    const doc = (await (await request.get("/api/openapi.json")).json()) as Json;
    for (const op of listOperations(doc)) {
      // Placeholder ids: nothing real is touched, and every mutation gets an empty body.
      const url = api(op.path.replace(/\{[^}]+\}/g, "e2e-missing-id"));
      const options = { headers: auth, ...(op.method === "get" || op.method === "delete" ? {} : { data: {} }), failOnStatusCode: false };
      const res = await request.fetch(url, { method: op.method.toUpperCase(), ...options });
      const text = await res.text();
      const label = `${op.method.toUpperCase()} ${op.path} (${op.operationId}) → ${res.status()} ${text.slice(0, 300)}`;
      expect(res.status(), label).toBeLessThan(500);
      expect(res.headers()["content-type"] ?? "", label).toContain("application/json");
      expect(text, label).not.toContain('"stack"');
      if (res.status() >= 400) {
        const body = JSON.parse(text) as { data?: { path?: string } };
        // A route the REST adapter does not know answers 404 without a procedure path.
        expect(body.data?.path, label).toBe(op.operationId);
      }
    }
  });

  test("/api/docs serves the interactive reference", async ({ request }) => {
    const res = await request.get("/api/docs");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"] ?? "").toContain("text/html");
  });

  test("full flow: create a board, create, list, move, update and delete a task", async ({ request }) => {
    const board = await createBoard(request, `Flow ${uniqueSuffix()}`);
    expect(board.id).toBeTruthy();

    const got = await request.get(api(`/boards/${board.id}`), { headers: auth });
    expect(got.status()).toBe(200);
    expect(((await got.json()) as Board).name).toBe(board.name);

    const created = await request.post(api(`/boards/${board.id}/tasks`), { headers: auth, data: { title: "Write the runbook", priority: "high" } });
    expect(created.status(), await created.text()).toBe(200);
    const task = (await created.json()) as Task;
    expect(task).toMatchObject({ boardId: board.id, title: "Write the runbook", status: "inbox", priority: "high", description: "" });

    const second = (await (await request.post(api(`/boards/${board.id}/tasks`), { headers: auth, data: { title: "Review it" } })).json()) as Task;
    expect((await listTasks(request, board.id)).map((t) => t.title).sort()).toEqual(["Review it", "Write the runbook"]);

    const moved = await request.post(api(`/boards/${board.id}/tasks/${task.id}/move`), { headers: auth, data: { status: "in_progress" } });
    expect(moved.status(), await moved.text()).toBe(200);
    expect(((await moved.json()) as Task).status).toBe("in_progress");
    const inProgress = await request.get(api(`/boards/${board.id}/tasks?status=in_progress`), { headers: auth });
    expect(((await inProgress.json()) as { items: Task[] }).items.map((t) => t.id)).toEqual([task.id]);

    // Placed after another task in the target column.
    const after = await request.post(api(`/boards/${board.id}/tasks/${second.id}/move`), { headers: auth, data: { status: "in_progress", afterTaskId: task.id } });
    expect(after.status(), await after.text()).toBe(200);
    const column = ((await (await request.get(api(`/boards/${board.id}/tasks?status=in_progress`), { headers: auth })).json()) as { items: Task[] }).items;
    expect(column.map((t) => t.id)).toEqual([task.id, second.id]);

    const updated = await request.patch(api(`/boards/${board.id}/tasks/${task.id}`), {
      headers: auth,
      data: { title: "Write the runbook (v2)", description: "Steps for the on-call", priority: "urgent" },
    });
    expect(updated.status(), await updated.text()).toBe(200);
    expect(await updated.json()).toMatchObject({ title: "Write the runbook (v2)", description: "Steps for the on-call", priority: "urgent", status: "in_progress" });
    const fetched = await request.get(api(`/boards/${board.id}/tasks/${task.id}`), { headers: auth });
    expect(await fetched.json()).toMatchObject({ title: "Write the runbook (v2)", priority: "urgent" });

    const deleted = await request.delete(api(`/boards/${board.id}/tasks/${task.id}`), { headers: auth });
    expect(deleted.status(), await deleted.text()).toBe(200);
    expect(await deleted.json()).toEqual({ ok: true });
    await expectCleanError(await request.get(api(`/boards/${board.id}/tasks/${task.id}`), { headers: auth }), 404);
    expect((await listTasks(request, board.id)).map((t) => t.id)).toEqual([second.id]);

    const listed = (await (await request.get(api(`/orgs/${e2eState().admin.orgSlug}/boards`), { headers: auth })).json()) as (Board & { taskCounts: Record<string, number> })[];
    const mine = listed.find((b) => b.id === board.id);
    expect(mine).toBeTruthy();
    expect(Object.values(mine!.taskCounts).reduce((a, b) => a + b, 0)).toBe(1);
  });

  test("bad input is a 4xx with a useful JSON body, and nothing is written", async ({ request }) => {
    const board = await createBoard(request, `Errors ${uniqueSuffix()}`);
    const seed = (await (await request.post(api(`/boards/${board.id}/tasks`), { headers: auth, data: { title: "Seed" } })).json()) as Task;
    const boardsBefore = await countBoards(request);
    const tasksBefore = await listTasks(request, board.id);
    const activityBefore = await latestActivity(request);

    const unchanged = async (what: string) => {
      expect(await countBoards(request), `boards after ${what}`).toBe(boardsBefore);
      expect(await listTasks(request, board.id), `tasks after ${what}`).toEqual(tasksBefore);
      expect(await latestActivity(request), `activity after ${what}`).toBe(activityBefore);
    };
    const json = { ...auth, "Content-Type": "application/json" };
    const tasksUrl = api(`/boards/${board.id}/tasks`);

    // Malformed JSON.
    let body = await expectCleanError(await request.post(tasksUrl, { headers: json, data: '{"title": "half' }), 400);
    expect(["PARSE_ERROR", "BAD_REQUEST"]).toContain(body.code);
    await unchanged("malformed JSON");

    // Wrong types: field errors name the fields.
    body = await expectCleanError(await request.post(tasksUrl, { headers: auth, data: { title: 42, priority: "someday" } }), 400);
    const fieldErrors = (body.data as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(Object.keys(fieldErrors).sort()).toEqual(["priority", "title"]);
    expect(fieldErrors.title[0]).toMatch(/string/i);
    await unchanged("wrong types");

    // Unknown fields are refused, not silently dropped.
    body = await expectCleanError(await request.post(tasksUrl, { headers: auth, data: { title: "Sneaky", ownerId: "x" } }), 400);
    expect(JSON.stringify(body)).toContain("ownerId");
    await expectCleanError(await request.post(api(`/orgs/${e2eState().admin.orgSlug}/boards`), { headers: auth, data: { name: "B", isAdmin: true } }), 400);
    await unchanged("unknown fields");

    // Missing required field.
    body = await expectCleanError(await request.post(tasksUrl, { headers: auth, data: { priority: "low" } }), 400);
    expect(Object.keys((body.data as { fieldErrors: Record<string, string[]> }).fieldErrors)).toEqual(["title"]);
    await expectCleanError(await request.post(api(`/orgs/${e2eState().admin.orgSlug}/boards`), { headers: auth, data: {} }), 400);
    await expectCleanError(await request.post(api(`/boards/${board.id}/tasks/${seed.id}/move`), { headers: auth, data: {} }), 400);
    await unchanged("missing fields");

    // A body over 1 MiB, declared and not.
    const huge = JSON.stringify({ title: "Big", description: "x".repeat(1024 * 1024 + 10) });
    body = await expectCleanError(await request.post(tasksUrl, { headers: json, data: huge }), 413);
    expect(body.code).toBe("PAYLOAD_TOO_LARGE");
    await unchanged("an oversized body");

    // Unknown ids.
    await expectCleanError(await request.get(api("/boards/no-such-board"), { headers: auth }), 404);
    await expectCleanError(await request.post(api("/boards/no-such-board/tasks"), { headers: auth, data: { title: "Lost" } }), 404);
    await expectCleanError(await request.get(api(`/boards/${board.id}/tasks/no-such-task`), { headers: auth }), 404);
    await expectCleanError(await request.patch(api(`/boards/${board.id}/tasks/no-such-task`), { headers: auth, data: { title: "Lost" } }), 404);
    await expectCleanError(await request.post(api(`/boards/${board.id}/tasks/no-such-task/move`), { headers: auth, data: { status: "review" } }), 404);
    await expectCleanError(await request.delete(api(`/boards/${board.id}/tasks/no-such-task`), { headers: auth }), 404);
    // A body reference to a missing task: refused with a message (400) or as not found (404).
    await expectCleanError(await request.post(api(`/boards/${board.id}/tasks/${seed.id}/move`), { headers: auth, data: { status: "review", afterTaskId: "no-such-task" } }), [400, 404]);
    await expectCleanError(await request.get(api("/orgs/no-such-org/boards"), { headers: auth }), 404);
    await unchanged("unknown ids");
  });

  test.describe("another organization", () => {
    let other: { token: string; orgSlug: string; board: Board; task: Task };
    let otherRequest: APIRequestContext;

    test.beforeAll(async () => {
      const suffix = uniqueSuffix();
      const email = `other-${suffix}@example.com`;
      const password = "other-password-123";
      mc(["user", "create", "--email", email, "--name", "Other Owner", "--password", password]);
      // The CLI adds users to existing orgs only: the new user signs in and creates their own.
      otherRequest = await playwrightRequest.newContext({ baseURL: e2eState().baseUrl });
      const signedIn = await signInApi(otherRequest, email, password);
      expect(signedIn.status(), await signedIn.text()).toBeLessThan(400);
      const orgSlug = `other-${suffix}`;
      const org = await otherRequest.post(api("/orgs"), { data: { name: "Other Org", slug: orgSlug } });
      expect(org.status(), await org.text()).toBe(200);
      const token = mcToken({ email, org: orgSlug, role: "admin" });
      const headers = bearer(token);
      const board = (await (await otherRequest.post(api(`/orgs/${orgSlug}/boards`), { headers, data: { name: "Theirs" } })).json()) as Board;
      const task = (await (await otherRequest.post(api(`/boards/${board.id}/tasks`), { headers, data: { title: "Their secret" } })).json()) as Task;
      expect(task.id).toBeTruthy();
      other = { token, orgSlug, board, task };
    });

    test.afterAll(async () => {
      await otherRequest?.dispose();
    });

    test("its ids are 404 to us, on every verb, and nothing of theirs changes", async ({ request }) => {
      const { board, task, orgSlug } = other;
      const theirs = bearer(other.token);
      const before = await listTasks(request, board.id, theirs);

      const attempts: [string, () => Promise<APIResponse>][] = [
        ["get board", () => request.get(api(`/boards/${board.id}`), { headers: auth })],
        ["rename board", () => request.patch(api(`/boards/${board.id}`), { headers: auth, data: { name: "Mine now" } })],
        ["delete board", () => request.delete(api(`/boards/${board.id}`), { headers: auth })],
        ["list tasks", () => request.get(api(`/boards/${board.id}/tasks`), { headers: auth })],
        ["create task", () => request.post(api(`/boards/${board.id}/tasks`), { headers: auth, data: { title: "Injected" } })],
        ["get task", () => request.get(api(`/boards/${board.id}/tasks/${task.id}`), { headers: auth })],
        ["move task", () => request.post(api(`/boards/${board.id}/tasks/${task.id}/move`), { headers: auth, data: { status: "review" } })],
        ["update task", () => request.patch(api(`/boards/${board.id}/tasks/${task.id}`), { headers: auth, data: { title: "Mine" } })],
        ["delete task", () => request.delete(api(`/boards/${board.id}/tasks/${task.id}`), { headers: auth })],
        ["list their boards", () => request.get(api(`/orgs/${orgSlug}/boards`), { headers: auth })],
        ["create board in their org", () => request.post(api(`/orgs/${orgSlug}/boards`), { headers: auth, data: { name: "Injected" } })],
        ["their org", () => request.get(api(`/orgs/${orgSlug}`), { headers: auth })],
      ];
      for (const [what, attempt] of attempts) {
        const res = await attempt();
        expect(res.status(), `${what}: ${await res.text()}`).toBe(404);
        await expectCleanError(res, 404);
      }

      // Our task ids are just as invisible through their board.
      const ours = await createBoard(request, `Ours ${uniqueSuffix()}`);
      const ourTask = (await (await request.post(api(`/boards/${ours.id}/tasks`), { headers: auth, data: { title: "Ours" } })).json()) as Task;
      await expectCleanError(await request.get(api(`/boards/${board.id}/tasks/${ourTask.id}`), { headers: theirs }), 404);
      const leak = await request.post(api(`/boards/${board.id}/tasks/${task.id}/move`), { headers: theirs, data: { status: "review", afterTaskId: ourTask.id } });
      const leakBody = await expectCleanError(leak, [400, 404]);
      expect(JSON.stringify(leakBody)).not.toContain("Ours");

      expect(await listTasks(request, board.id, theirs)).toEqual(before);
      const boardNow = await request.get(api(`/boards/${board.id}`), { headers: theirs });
      expect(((await boardNow.json()) as Board).name).toBe("Theirs");
      expect(await countBoards(request, theirs, orgSlug)).toBe(1);
    });
  });

  test("repeated wrong passwords for one email are throttled with 429 and Retry-After", async ({ playwright }) => {
    const suffix = uniqueSuffix();
    const email = `throttled-${suffix}@example.com`;
    const password = "the-right-password";
    mc(["user", "create", "--email", email, "--name", "Throttled", "--password", password, "--org", e2eState().admin.orgSlug]);
    const ctx = await playwright.request.newContext({ baseURL: e2eState().baseUrl });
    try {
      const statuses: number[] = [];
      let last: APIResponse | null = null;
      for (let i = 0; i < 6; i++) {
        last = await signInApi(ctx, email, `wrong-password-${i}`);
        statuses.push(last.status());
      }
      expect(statuses.slice(0, 5).every((s) => s !== 429 && s < 500), statuses.join(",")).toBe(true);
      const body = await expectCleanError(last!, 429);
      expect(body.code).toBe("TOO_MANY_REQUESTS");
      const retryAfter = Number(last!.headers()["retry-after"]);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      // Blocked means blocked: the right password waits too.
      expect((await signInApi(ctx, email, password)).status()).toBe(429);
      // Another email is not affected.
      const fine = await signInApi(ctx, e2eState().admin.email, e2eState().admin.password);
      expect(fine.status()).toBeLessThan(400);
    } finally {
      await ctx.dispose();
    }
  });
});

// --- OpenAPI structure -------------------------------------------------------------------------

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

function listOperations(doc: Json): { method: string; path: string; operationId: string }[] {
  const out: { method: string; path: string; operationId: string }[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (op) out.push({ method, path, operationId: op.operationId as string });
    }
  }
  return out;
}

/**
 * Structural checks of an OpenAPI 3.x document (the parts a client generator relies on):
 * required top-level fields, path templates matching declared path parameters, operations with
 * responses, and every $ref resolving inside the document. Returns the problems found.
 */
function validateOpenApiStructure(doc: Json): string[] {
  const problems: string[] = [];
  const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
  if (typeof doc.openapi !== "string" || !/^3\.\d+\.\d+$/.test(doc.openapi)) problems.push(`openapi is "${String(doc.openapi)}", not 3.x.y`);
  const info = doc.info;
  if (!isObj(info) || typeof info.title !== "string" || typeof info.version !== "string") problems.push("info.title and info.version are required strings");
  if (!isObj(doc.paths)) return [...problems, "paths must be an object"];
  if (doc.servers !== undefined && (!Array.isArray(doc.servers) || doc.servers.some((s) => !isObj(s) || typeof s.url !== "string"))) problems.push("servers[].url must be strings");

  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith("/")) problems.push(`path "${path}" must start with /`);
    if (!isObj(item)) {
      problems.push(`path item ${path} is not an object`);
      continue;
    }
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const method of METHODS) {
      const op = item[method];
      if (op === undefined) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (!isObj(op)) {
        problems.push(`${where} is not an object`);
        continue;
      }
      if (typeof op.operationId !== "string" || !op.operationId) problems.push(`${where} has no operationId`);
      else if (operationIds.has(op.operationId)) problems.push(`${where}: duplicate operationId ${op.operationId}`);
      else operationIds.add(op.operationId);
      if (!isObj(op.responses) || !Object.keys(op.responses).length) problems.push(`${where} has no responses`);
      else
        for (const [code, response] of Object.entries(op.responses)) {
          if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(code)) problems.push(`${where}: response key ${code}`);
          if (!isObj(response) || (typeof response.description !== "string" && typeof response.$ref !== "string")) problems.push(`${where}: response ${code} needs a description`);
        }
      const params = [...((item.parameters as Json[] | undefined) ?? []), ...((op.parameters as Json[] | undefined) ?? [])];
      for (const p of params) {
        if (!isObj(p)) continue;
        if (typeof p.$ref === "string") continue;
        if (typeof p.name !== "string" || !["query", "header", "path", "cookie"].includes(p.in as string)) problems.push(`${where}: parameter needs name and a valid "in"`);
        if (p.in === "path" && p.required !== true) problems.push(`${where}: path parameter ${String(p.name)} must be required`);
        if (p.in === "path" && !templated.includes(p.name as string)) problems.push(`${where}: path parameter ${String(p.name)} is not in the path`);
      }
      for (const name of templated)
        if (!params.some((p) => isObj(p) && p.in === "path" && p.name === name)) problems.push(`${where}: {${name}} has no path parameter`);
      if (op.requestBody !== undefined && (!isObj(op.requestBody) || (!isObj(op.requestBody.content) && typeof op.requestBody.$ref !== "string")))
        problems.push(`${where}: requestBody needs content`);
    }
  }

  // Every $ref points at something that exists.
  const resolve = (ref: string): unknown =>
    ref
      .slice(2)
      .split("/")
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<unknown>((node, key) => (isObj(node) ? node[key] : undefined), doc);
  const walk = (node: unknown, at: string) => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${at}/${i}`));
    else if (isObj(node)) {
      if (typeof node.$ref === "string") {
        if (!node.$ref.startsWith("#/")) problems.push(`${at}: external $ref ${node.$ref}`);
        else if (resolve(node.$ref) === undefined) problems.push(`${at}: $ref ${node.$ref} does not resolve`);
      }
      for (const [k, v] of Object.entries(node)) walk(v, `${at}/${k}`);
    }
  };
  walk(doc, "#");
  return problems;
}
