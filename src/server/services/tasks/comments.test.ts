import { expect, it } from "vitest";
import { describeEachProvider } from "@/test/db";
import { asUser, caught } from "@/test/context";
import { createFixture } from "@/test/fixtures";
import { onlyDiff } from "@/test/work";

const MARKDOWN = "## Findings\n\n- step **one**\n- `code` and [link](https://example.com)\n\n```ts\nconst x = 1;\n```\n";

describeEachProvider("comments", (getDb) => {
  it("a member comments in markdown; the body is stored verbatim and listed oldest first", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const admin = await asUser(db, f.admin.id);
    const ref = { boardId: f.board.id, taskId: f.task.id };
    const first = await member.comments.create({ ...ref, body: MARKDOWN });
    // Trimmed by the input schema only at the ends; the inner markdown is untouched.
    expect(first).toMatchObject({ taskId: f.task.id, authorKind: "user", authorId: f.member.id, authorName: f.member.name, body: MARKDOWN.trim(), mentions: [], editedAt: null });
    expect((await db.comment.findUniqueOrThrow({ where: { id: first.id } })).body).toBe(MARKDOWN.trim());
    const second = await admin.comments.create({ ...ref, body: "Second" });
    expect((await member.comments.list(ref)).map((c) => c.id)).toEqual([first.id, second.id]);
    expect((await member.tasks.get(ref)).commentCount).toBe(2);
    expect(await onlyDiff(db, f.task.id, "comment.created").catch(() => null)).toBeNull(); // two rows now
    expect(await db.activityEvent.count({ where: { targetId: f.task.id, action: "comment.created" } })).toBe(2);
  });

  it("the author edits and deletes their own comment, each with one activity row", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const comment = await member.comments.create({ boardId: f.board.id, taskId: f.task.id, body: "Draft" });
    const edited = await member.comments.update({ boardId: f.board.id, commentId: comment.id, body: "Final" });
    expect(edited).toMatchObject({ body: "Final", editedAt: expect.any(Date) });
    expect(await onlyDiff(db, f.task.id, "comment.updated")).toEqual({ body: { before: "Draft", after: "Final" } });
    expect(await member.comments.delete({ boardId: f.board.id, commentId: comment.id })).toEqual({ ok: true });
    expect(await db.comment.findUnique({ where: { id: comment.id } })).toBeNull();
    expect(await onlyDiff(db, f.task.id, "comment.deleted")).toEqual({ body: { before: "Final", after: null } });
    expect(await member.comments.list({ boardId: f.board.id, taskId: f.task.id })).toEqual([]);
  });

  it("editing or deleting another user's comment is FORBIDDEN, even for the owner, and the comment is unchanged", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const comment = await member.comments.create({ boardId: f.board.id, taskId: f.task.id, body: "Mine" });
    for (const userId of [f.admin.id, f.owner.id]) {
      const other = await asUser(db, userId);
      expect((await caught(() => other.comments.update({ boardId: f.board.id, commentId: comment.id, body: "Theirs" }))).code).toBe("FORBIDDEN");
      expect((await caught(() => other.comments.delete({ boardId: f.board.id, commentId: comment.id }))).code).toBe("FORBIDDEN");
    }
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ body: "Mine", editedAt: null });
    expect(await db.activityEvent.count({ where: { targetId: f.task.id, action: { in: ["comment.updated", "comment.deleted"] } } })).toBe(0);
  });

  it("a comment addressed through another board reads as NOT_FOUND", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const owner = await asUser(db, f.owner.id);
    const comment = await owner.comments.create({ boardId: f.board.id, taskId: f.task.id, body: "Here" });
    const other = await owner.boards.create({ orgId: f.org.id, name: "Other" });
    expect((await caught(() => owner.comments.update({ boardId: other.id, commentId: comment.id, body: "x" }))).code).toBe("NOT_FOUND");
    expect((await caught(() => owner.comments.list({ boardId: other.id, taskId: f.task.id }))).code).toBe("NOT_FOUND");
  });

  it("@email mentions record members of the organization, not outsiders or unknown addresses", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const body = `Ping @${f.admin.email} and (@${f.owner.email.toUpperCase()}), not @${f.outsider.email} or @nobody@example.test; mail ${f.limited.email} is no mention.`;
    const comment = await member.comments.create({ boardId: f.board.id, taskId: f.task.id, body });
    expect([...comment.mentions].sort()).toEqual([f.admin.id, f.owner.id].sort());
    expect(comment.body).toBe(body);
    const edited = await member.comments.update({ boardId: f.board.id, commentId: comment.id, body: `Now @${f.limited.email}` });
    expect(edited.mentions).toEqual([f.limited.id]);
  });

  it("a read-only member can list comments but not write them (FORBIDDEN)", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    await (await asUser(db, f.member.id)).comments.create({ boardId: f.board.id, taskId: f.task.id, body: "Visible" });
    const limited = await asUser(db, f.limited.id);
    expect(await limited.comments.list({ boardId: f.board.id, taskId: f.task.id })).toHaveLength(1);
    expect((await caught(() => limited.comments.create({ boardId: f.board.id, taskId: f.task.id, body: "No" }))).code).toBe("FORBIDDEN");
  });
});
