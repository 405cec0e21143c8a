import { expect, it } from "vitest";
import { describeEachProvider, randomSuffix } from "@/test/db";
import { asUser, caught } from "@/test/context";
import { NO_RULES, countRows, createFixture } from "@/test/fixtures";
import { insertApproval, onlyDiff } from "@/test/work";
import { newId } from "@/lib/ids";

describeEachProvider("board settings and lifecycle", (getDb) => {
  it("a board is created with rules, objective, target date and a group of the organization", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const admin = await asUser(db, f.admin.id);
    const group = await admin.boardGroups.create({ orgId: f.org.id, name: "Q3" });
    const rules = { ...NO_RULES, reviewBeforeDone: true, commentForReview: true };
    const board = await admin.boards.create({ orgId: f.org.id, name: "Launch", objective: "Ship v2", targetDate: new Date("2030-01-31T00:00:00Z"), groupId: group.id, rules });
    expect(board).toMatchObject({ objective: "Ship v2", targetDate: new Date("2030-01-31T00:00:00Z"), groupId: group.id, rules, archivedAt: null });
    expect(await admin.boards.get({ boardId: board.id })).toMatchObject(board);
    // Unspecified rules take the schema defaults: approval for done, and no moves while one is pending.
    const plain = await admin.boards.create({ orgId: f.org.id, name: "Plain" });
    expect(plain.rules).toEqual({ approvalForDone: true, reviewBeforeDone: false, commentForReview: false, blockWhilePending: true, leadAgentOnlyStatus: false });
    expect((await admin.boards.list({ orgId: f.org.id, groupId: group.id })).map((b) => b.id)).toEqual([board.id]);
  });

  it("a group of another organization (or none) is refused with BAD_REQUEST, on create and update", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const admin = await asUser(db, f.admin.id);
    const theirs = await (await asUser(db, f.outsider.id)).boardGroups.create({ orgId: f.outsiderOrg.id, name: "Theirs" });
    const before = await countRows(db);
    for (const groupId of [theirs.id, newId()]) {
      const error = await caught(() => admin.boards.create({ orgId: f.org.id, name: "Grouped", groupId }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/board group/);
      expect((await caught(() => admin.boards.update({ boardId: f.board.id, groupId }))).code).toBe("BAD_REQUEST");
    }
    expect(await countRows(db)).toEqual(before);
  });

  it("updating rules records exactly the rules that changed, and the new rules apply at once", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const admin = await asUser(db, f.admin.id);
    const updated = await admin.boards.update({ boardId: f.board.id, rules: { approvalForDone: true, blockWhilePending: true } });
    expect(updated.rules).toEqual({ ...NO_RULES, approvalForDone: true, blockWhilePending: true });
    expect(await onlyDiff(db, f.board.id, "board.updated")).toEqual({ approvalForDone: { before: false, after: true }, blockWhilePending: { before: false, after: true } });
    expect((await caught(async () => (await asUser(db, f.member.id)).tasks.move({ boardId: f.board.id, taskId: f.task.id, status: "done" }))).code).toBe("PRECONDITION_FAILED");
    expect((await caught(async () => (await asUser(db, f.member.id)).boards.update({ boardId: f.board.id, rules: NO_RULES }))).code).toBe("FORBIDDEN");
  });

  it("changing a board's slug to one in use is refused with CONFLICT and nothing changes", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const admin = await asUser(db, f.admin.id);
    const slug = `taken-${randomSuffix()}`;
    await admin.boards.create({ orgId: f.org.id, name: "Taken", slug });
    const before = await countRows(db);
    const error = await caught(() => admin.boards.update({ boardId: f.board.id, slug, name: "New name" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain(slug);
    expect(await countRows(db)).toEqual(before);
    expect((await db.board.findUniqueOrThrow({ where: { id: f.board.id } })).name).toBe(f.board.name);
  });

  it("an archived board leaves the default list, shows with archived include/only, refuses new tasks, and can be restored", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const admin = await asUser(db, f.admin.id);
    const member = await asUser(db, f.member.id);
    const other = await admin.boards.create({ orgId: f.org.id, name: "Other", rules: NO_RULES });
    const archived = await admin.boards.setArchived({ boardId: f.board.id, archived: true });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    await admin.boards.setArchived({ boardId: f.board.id, archived: true });
    expect(await db.activityEvent.count({ where: { targetId: f.board.id, action: "board.archived" } })).toBe(1);

    const list = async (archivedMode?: "exclude" | "include" | "only") => (await member.boards.list({ orgId: f.org.id, archived: archivedMode })).map((b) => b.id).sort();
    expect(await list()).toEqual([other.id]);
    expect(await list("exclude")).toEqual([other.id]);
    expect(await list("include")).toEqual([f.board.id, other.id].sort());
    expect(await list("only")).toEqual([f.board.id]);
    const count = await db.task.count({ where: { boardId: f.board.id } });
    const error = await caught(() => member.tasks.create({ boardId: f.board.id, title: "Late addition" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/archived/);
    expect(await db.task.count({ where: { boardId: f.board.id } })).toBe(count);
    // Its tasks stay readable.
    expect((await member.tasks.list({ boardId: f.board.id })).items).toHaveLength(1);

    expect((await admin.boards.setArchived({ boardId: f.board.id, archived: false })).archivedAt).toBeNull();
    expect(await onlyDiff(db, f.board.id, "board.restored")).toMatchObject({ archivedAt: { before: expect.any(String), after: null } });
    expect(await list()).toEqual([f.board.id, other.id].sort());
    expect((await member.tasks.create({ boardId: f.board.id, title: "Back in business" })).boardId).toBe(f.board.id);
    expect((await caught(() => member.boards.setArchived({ boardId: other.id, archived: true }))).code).toBe("FORBIDDEN");
  });

  it("the delete preview counts what would go, and deleting removes the board's tasks, comments, approvals and links", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const admin = await asUser(db, f.admin.id);
    const boardId = f.board.id;
    const second = await admin.tasks.create({ boardId, title: "Second", dependsOnIds: [f.task.id] });
    await admin.comments.create({ boardId, taskId: f.task.id, body: "one" });
    await admin.comments.create({ boardId, taskId: second.id, body: "two" });
    await admin.comments.create({ boardId, taskId: second.id, body: "three" });
    await insertApproval(db, f, boardId, second.id, "pending");
    await db.agent.create({ data: { id: newId(), orgId: f.org.id, boardId, name: "Helper" } });
    const tag = await admin.tags.create({ orgId: f.org.id, name: "Kept" });
    await admin.tasks.update({ boardId, taskId: second.id, tagIds: [tag.id] });
    const field = await admin.customFields.create({ orgId: f.org.id, key: "kept", label: "Kept", type: "text" });
    await admin.customFields.setOnBoard({ boardId, fieldId: field.id, enabled: true });
    await admin.tasks.update({ boardId, taskId: second.id, fields: { [field.id]: "value" } });

    expect(await admin.boards.deletePreview({ boardId })).toEqual({ tasks: 2, comments: 3, approvals: 1, agents: 1 });
    expect((await caught(async () => (await asUser(db, f.member.id)).boards.deletePreview({ boardId }))).code).toBe("FORBIDDEN");
    expect(await admin.boards.delete({ boardId })).toEqual({ ok: true, deletedTasks: 2 });

    const where = { task: { boardId } };
    expect(await db.task.count({ where: { boardId } })).toBe(0);
    expect(await db.comment.count({ where: { taskId: { in: [f.task.id, second.id] } } })).toBe(0);
    expect(await db.approval.count({ where: { boardId } })).toBe(0);
    expect(await db.taskDependency.count({ where: { taskId: second.id } })).toBe(0);
    expect(await db.taskTag.count({ where })).toBe(0);
    expect(await db.taskFieldValue.count({ where: { taskId: second.id } })).toBe(0);
    expect(await db.boardAccess.count({ where: { boardId } })).toBe(0);
    expect(await db.boardCustomField.count({ where: { boardId } })).toBe(0);
    // Organization-wide things and the agent row survive.
    expect(await db.tag.count({ where: { id: tag.id } })).toBe(1);
    expect(await db.customFieldDef.count({ where: { id: field.id } })).toBe(1);
    expect(await db.agent.count({ where: { orgId: f.org.id } })).toBe(1);
    expect(await db.activityEvent.count({ where: { targetId: boardId, action: "board.deleted" } })).toBe(1);
  });
});
