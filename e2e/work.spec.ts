// An operator's working day on the boards: drag work forward and find it there after a reload,
// hit a dependency that holds a task back and read why, keep a filtered list across reloads,
// post a comment whose markdown cannot run anything, and watch the dashboard count new work live.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { e2eState, signInUi, uniqueSuffix } from "./support";
import { card, column, dragTo, expectLive } from "./support/board-page";
import { restClient } from "./support/rest-client";
import { disconnectSeed, seedAgent } from "./support/seed";

const boardPath = (boardId: string, query = "") => `/o/${e2eState().admin.orgSlug}/boards/${boardId}${query}`;

test.describe("Work orchestration", () => {
  let storageState: Awaited<ReturnType<BrowserContext["storageState"]>>;
  const opened: BrowserContext[] = [];

  // One sign-in through the form for the whole file; each test starts from its cookies.
  test.beforeAll(async ({ browser }) => {
    const { admin } = e2eState();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInUi(page, admin.email, admin.password);
    storageState = await context.storageState();
    await context.close();
  });

  async function signedInPage(browser: Browser): Promise<Page> {
    const context = await browser.newContext({ storageState });
    opened.push(context);
    return context.newPage();
  }

  test.afterEach(async () => {
    for (const context of opened.splice(0)) await context.close();
  });

  test.afterAll(async () => {
    await disconnectSeed();
  });

  test("a task dragged to In progress with the mouse is still there after a reload", async ({ browser, request }) => {
    const rest = restClient(request);
    const board = await rest.createBoard(`Morning triage ${uniqueSuffix()}`);
    const task = await rest.createTask(board.id, { title: "Reproduce the checkout crash", priority: "high" });

    const page = await signedInPage(browser);
    await page.goto(boardPath(board.id));
    await expectLive(page);
    await expect(card(column(page, "Inbox"), task.title)).toBeVisible();

    await dragTo(page, card(page, task.title), column(page, "In progress"));
    await expect(card(column(page, "In progress"), task.title)).toBeVisible();
    await expect(card(column(page, "Inbox"), task.title)).toHaveCount(0);
    // Saved, not just drawn: the API agrees before the page is reloaded.
    await expect.poll(async () => (await rest.getTask(board.id, task.id)).status).toBe("in_progress");

    await page.reload();
    await expect(card(column(page, "In progress"), task.title)).toBeVisible();
    await expect(card(column(page, "Inbox"), task.title)).toHaveCount(0);
  });

  test("an unfinished dependency keeps a task out of In progress and the board says why", async ({ browser, request }) => {
    const rest = restClient(request);
    // No approval gate, so the blocker can be finished straight away at the end.
    const board = await rest.createBoard(`Release train ${uniqueSuffix()}`, { approvalForDone: false });
    const blocker = await rest.createTask(board.id, { title: "Freeze the public API" });
    const dependent = await rest.createTask(board.id, { title: "Write the release notes" });

    const page = await signedInPage(browser);
    // The dependent task's panel, by its deep link.
    await page.goto(boardPath(board.id, `?task=${dependent.id}`));
    const panel = page.getByRole("dialog", { name: "Task details" });
    await expect(panel.getByRole("textbox", { name: "Title" })).toHaveValue(dependent.title);

    // Add the dependency through the panel's search box.
    await panel.getByRole("combobox", { name: "Add dependency" }).fill("Freeze");
    await panel.getByRole("listbox", { name: "Matching tasks" }).getByRole("option", { name: /Freeze the public API/ }).click();
    await expect(panel.getByRole("list", { name: "Dependencies" }).getByRole("listitem")).toHaveText([/Freeze the public API\s*Inbox · blocking/]);
    await expect(panel.getByRole("status").filter({ hasText: "Blocked by 1 unfinished dependency" })).toContainText("Freeze the public API");

    await panel.getByRole("button", { name: "Close task" }).click();
    await expect(panel).toBeHidden();
    await expectLive(page);
    const blocked = card(column(page, "Inbox"), dependent.title);
    await expect(blocked).toHaveAccessibleName(`${dependent.title} (blocked)`);

    // Try to start it: the server refuses, the card goes back, and the toast gives the reason.
    await dragTo(page, blocked, column(page, "In progress"));
    const toast = page.locator("[data-sonner-toast]").filter({ hasText: `Could not move “${dependent.title}” to In progress` });
    await expect(toast).toBeVisible();
    await expect(toast).toContainText(`Blocked by 1 unfinished dependency: "${blocker.title}". Finish it first.`);
    await expect(card(column(page, "Inbox"), dependent.title)).toBeVisible();
    await expect(card(column(page, "In progress"), dependent.title)).toHaveCount(0);
    expect((await rest.getTask(board.id, dependent.id)).status).toBe("inbox");

    // Someone finishes the blocker (through the API); the board follows live and the task can start.
    await rest.moveTask(board.id, blocker.id, "done");
    await expect(card(column(page, "Done"), blocker.title)).toBeVisible();
    await expect(card(column(page, "Inbox"), dependent.title)).toHaveAccessibleName(dependent.title);
    await dragTo(page, card(page, dependent.title), column(page, "In progress"));
    await expect(card(column(page, "In progress"), dependent.title)).toBeVisible();
    await expect.poll(async () => (await rest.getTask(board.id, dependent.id)).status).toBe("in_progress");
  });

  test("list filters live in the URL and survive a reload", async ({ browser, request }) => {
    const rest = restClient(request);
    const board = await rest.createBoard(`Support queue ${uniqueSuffix()}`);
    await rest.createTask(board.id, { title: "Fix the login timeout", priority: "urgent" });
    await rest.createTask(board.id, { title: "Fix a typo in the footer", priority: "low" });
    await rest.createTask(board.id, { title: "Plan the offsite", priority: "urgent" });

    const page = await signedInPage(browser);
    await page.goto(boardPath(board.id, "?view=list"));
    const filters = page.getByRole("search", { name: "Filter tasks" });
    const rows = page.getByRole("table").getByRole("row").filter({ has: page.getByRole("cell") });
    await expect(rows).toHaveCount(3);

    await filters.getByLabel("Priority").selectOption({ label: "Urgent" });
    await filters.getByLabel("Search").fill("Fix");
    await expect(page).toHaveURL(/[?&]priority=urgent(&|$)/);
    await expect(page).toHaveURL(/[?&]q=Fix(&|$)/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("Fix the login timeout");
    const url = page.url();

    await page.reload();
    expect(page.url()).toBe(url);
    await expect(filters.getByLabel("Priority")).toHaveValue("urgent");
    await expect(filters.getByLabel("Search")).toHaveValue("Fix");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("Fix the login timeout");
    await expect(page.getByText("1 task match")).toBeVisible();
  });

  test("a comment's markdown renders, but its <script> and javascript: link stay inert", async ({ browser, request }) => {
    const rest = restClient(request);
    const board = await rest.createBoard(`Incident review ${uniqueSuffix()}`);
    const task = await rest.createTask(board.id, { title: "Write the incident summary" });

    const page = await signedInPage(browser);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(boardPath(board.id, `?task=${task.id}`));
    const panel = page.getByRole("dialog", { name: "Task details" });
    const body = [
      "**Root cause** found, see [the runbook](https://example.com/runbook).",
      "",
      "<script>window.__pwned = 'script'; alert('script')</script>",
      "",
      "[Open the dashboard](javascript:window.__pwned='link';alert('link'))",
    ].join("\n");
    await panel.getByRole("combobox", { name: "Add a comment" }).fill(body);
    await panel.getByRole("button", { name: "Comment", exact: true }).click();

    const comment = panel.getByRole("list", { name: "Comments" }).getByRole("listitem");
    await expect(comment).toHaveCount(1);
    // Markdown is rendered…
    await expect(comment.locator("strong")).toHaveText("Root cause");
    const runbook = comment.getByRole("link", { name: "the runbook" });
    await expect(runbook).toHaveAttribute("href", "https://example.com/runbook");
    await expect(runbook).toHaveAttribute("rel", /noopener/);
    // …the raw HTML is not an element, and the javascript: link is no link at all.
    await expect(comment.locator("script")).toHaveCount(0);
    await expect(comment).toContainText("<script>window.__pwned = 'script'; alert('script')</script>");
    await expect(comment.getByText("Open the dashboard")).toBeVisible();
    await expect(comment.getByRole("link", { name: "Open the dashboard" })).toHaveCount(0);
    await expect(comment.locator('[href^="javascript:" i]')).toHaveCount(0);
    await comment.getByText("Open the dashboard").click();

    // Still inert after a reload (the stored comment, rendered fresh).
    await page.reload();
    await expect(panel.getByRole("list", { name: "Comments" }).locator("strong")).toHaveText("Root cause");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  test("the dashboard counts a task created through the API without a reload", async ({ browser, request }) => {
    const rest = restClient(request);
    const board = await rest.createBoard(`Intake ${uniqueSuffix()}`);

    const page = await signedInPage(browser);
    await page.goto(`/o/${e2eState().admin.orgSlug}/dashboard`);
    await expect(page.getByRole("heading", { name: "Dashboard", exact: true })).toBeVisible();
    await expectLive(page);
    const inbox = page.getByRole("region", { name: "Tasks by status" }).getByRole("listitem").filter({ has: page.getByText("Inbox", { exact: true }) });
    const count = inbox.locator("p").nth(1);
    const before = Number(await count.textContent());

    const sent = Date.now();
    await rest.createTask(board.id, { title: "Call back the customer" });
    await expect(count).toHaveText(String(before + 1));
    console.log(`[work] dashboard Inbox count updated ${Date.now() - sent} ms after the API call`);
  });

  test("a board's agent can take a task and lead the board; an agent of another board cannot", async ({ browser, request }) => {
    const rest = restClient(request);
    const board = await rest.createBoard(`Research ${uniqueSuffix()}`);
    const other = await rest.createBoard(`Logistics ${uniqueSuffix()}`);
    const empty = await rest.createBoard(`Ideas ${uniqueSuffix()}`);
    const scout = await seedAgent({ orgId: board.orgId, boardId: board.id, name: "Scout" });
    const courier = await seedAgent({ orgId: other.orgId, boardId: other.id, name: "Courier" });
    const task = await rest.createTask(board.id, { title: "Survey competitor pricing" });

    // The server refuses an agent that works on another board.
    const refused = await rest.updateTaskRaw(board.id, task.id, { assigneeAgentId: courier.id });
    expect(refused.status()).toBe(400);
    expect(await refused.text()).toContain("The assigned agent must work on this board");

    // The panel's Assignee picker offers this board's agent beside the members, and only it.
    const page = await signedInPage(browser);
    await page.goto(boardPath(board.id, `?task=${task.id}`));
    const panel = page.getByRole("dialog", { name: "Task details" });
    const assignee = panel.getByLabel("Assignee");
    await expect(assignee.getByRole("option", { name: "Scout (agent)" })).toBeAttached();
    await expect(assignee.getByRole("option", { name: /Courier/ })).toHaveCount(0);
    await expect(assignee.locator('optgroup[label="People"] option').first()).toBeAttached();
    await assignee.selectOption({ label: "Scout (agent)" });
    await expect.poll(async () => (await rest.getTask(board.id, task.id)).assigneeAgentId).toBe(scout.id);
    await expect(assignee).toHaveValue(`agent:${scout.id}`);

    // The card shows the agent with its bot badge.
    await panel.getByRole("button", { name: "Close task" }).click();
    const agentBadge = card(column(page, "Inbox"), task.title).getByTestId("agent-assignee");
    await expect(agentBadge).toHaveAttribute("title", "Assigned to agent Scout");

    // Board settings: the lead-agent select lists the board's agents and saves the choice.
    await page.goto(`/o/${e2eState().admin.orgSlug}/boards/${board.id}/settings`);
    const lead = page.getByLabel("Lead agent", { exact: true });
    await expect(lead).toBeEnabled();
    await lead.selectOption(scout.id);
    await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Lead agent: Scout" })).toBeVisible();
    await expect.poll(async () => (await rest.getBoard(board.id)).leadAgentId).toBe(scout.id);
    await page.reload();
    await expect(page.getByLabel("Lead agent", { exact: true })).toHaveValue(scout.id);

    // A board without agents keeps the select disabled and says where agents come from.
    await page.goto(`/o/${e2eState().admin.orgSlug}/boards/${empty.id}/settings`);
    await expect(page.getByLabel("Lead agent", { exact: true })).toBeDisabled();
    await expect(page.getByRole("link", { name: "Add an agent on the Agents page" })).toHaveAttribute("href", `/o/${e2eState().admin.orgSlug}/agents`);
  });
});
