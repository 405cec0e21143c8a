import { expect, it } from "vitest";
import { describeEachProvider } from "@/test/db";
import { asUser, caught } from "@/test/context";
import { countRows, createFixture } from "@/test/fixtures";
import { onlyDiff } from "@/test/work";

describeEachProvider("tags", (getDb) => {
  it("a member creates, lists, renames and recolors tags; an admin deletes one; each change is recorded once", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const bug = await member.tags.create({ orgId: f.org.id, name: "Bug report", color: "#ff0000" });
    expect(bug).toMatchObject({ orgId: f.org.id, name: "Bug report", slug: "bug-report", color: "#ff0000", taskCount: 0 });
    const ops = await member.tags.create({ orgId: f.org.slug, name: "Ops" });
    await member.tasks.update({ boardId: f.board.id, taskId: f.task.id, tagIds: [bug.id] });
    expect((await member.tags.list({ orgId: f.org.id })).map((t) => [t.name, t.taskCount])).toEqual([["Bug report", 1], ["Ops", 0]]);

    const renamed = await member.tags.update({ orgId: f.org.id, tagId: bug.id, name: "Defect", color: "#00ff00" });
    expect(renamed).toMatchObject({ id: bug.id, name: "Defect", slug: "bug-report", color: "#00ff00" });
    expect(await onlyDiff(db, bug.id, "tag.updated")).toEqual({ name: { before: "Bug report", after: "Defect" }, color: { before: "#ff0000", after: "#00ff00" } });

    expect((await caught(() => member.tags.delete({ orgId: f.org.id, tagId: bug.id }))).code).toBe("FORBIDDEN");
    expect(await (await asUser(db, f.admin.id)).tags.delete({ orgId: f.org.id, tagId: bug.id })).toEqual({ ok: true });
    expect((await member.tags.list({ orgId: f.org.id })).map((t) => t.id)).toEqual([ops.id]);
    expect((await member.tasks.get({ boardId: f.board.id, taskId: f.task.id })).tagIds).toEqual([]);
    expect(await db.activityEvent.count({ where: { targetId: bug.id } })).toBe(3);
  });

  it("a tag slug that exists in the organization is refused with CONFLICT, and nothing is written", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    await member.tags.create({ orgId: f.org.id, name: "Urgent fix" });
    const before = await countRows(db);
    const error = await caught(() => member.tags.create({ orgId: f.org.id, name: "Urgent  Fix!" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/urgent-fix/);
    expect((await caught(() => member.tags.create({ orgId: f.org.id, name: "Other", slug: "urgent-fix" }))).code).toBe("CONFLICT");
    expect(await countRows(db)).toEqual(before);
    // Another organization may use the same slug.
    expect((await (await asUser(db, f.outsider.id)).tags.create({ orgId: f.outsiderOrg.id, name: "Urgent fix" })).slug).toBe("urgent-fix");
  });

  it("assigning another organization's tag is refused with BAD_REQUEST and nothing is written", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const mine = await member.tags.create({ orgId: f.org.id, name: "Mine" });
    const theirs = await (await asUser(db, f.outsider.id)).tags.create({ orgId: f.outsiderOrg.id, name: "Theirs" });
    await member.tasks.update({ boardId: f.board.id, taskId: f.task.id, tagIds: [mine.id] });
    const before = await countRows(db);
    const onCreate = await caught(() => member.tasks.create({ boardId: f.board.id, title: "Tagged", tagIds: [mine.id, theirs.id] }));
    expect(onCreate.code).toBe("BAD_REQUEST");
    expect(onCreate.message).toMatch(/tags do not exist/);
    expect((await caught(() => member.tasks.update({ boardId: f.board.id, taskId: f.task.id, tagIds: [theirs.id] }))).code).toBe("BAD_REQUEST");
    expect(await countRows(db)).toEqual(before);
    expect((await member.tasks.get({ boardId: f.board.id, taskId: f.task.id })).tagIds).toEqual([mine.id]);
    // Nor can it be renamed or deleted from here.
    expect((await caught(() => member.tags.update({ orgId: f.org.id, tagId: theirs.id, name: "Hijacked" }))).code).toBe("NOT_FOUND");
    expect((await caught(async () => (await asUser(db, f.owner.id)).tags.delete({ orgId: f.org.id, tagId: theirs.id }))).code).toBe("NOT_FOUND");
  });

  it("tasks.list filters by tag; retagging replaces the set", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const [a, b] = [await member.tags.create({ orgId: f.org.id, name: "A" }), await member.tags.create({ orgId: f.org.id, name: "Bee" })];
    const both = await member.tasks.create({ boardId: f.board.id, title: "Both", tagIds: [a.id, b.id, a.id] });
    expect(both.tagIds).toEqual([a.id, b.id].sort());
    const onlyB = await member.tasks.create({ boardId: f.board.id, title: "Only B", tagIds: [b.id] });
    const byTag = async (tagId: string) => (await member.tasks.list({ boardId: f.board.id, tagId })).items.map((t) => t.id).sort();
    expect(await byTag(a.id)).toEqual([both.id]);
    expect(await byTag(b.id)).toEqual([both.id, onlyB.id].sort());
    await member.tasks.update({ boardId: f.board.id, taskId: both.id, tagIds: [a.id] });
    expect(await byTag(b.id)).toEqual([onlyB.id]);
  });

  it("renaming a tag does not rewrite history: the task's recorded diff keeps the old name", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const tag = await member.tags.create({ orgId: f.org.id, name: "Legacy" });
    await member.tasks.update({ boardId: f.board.id, taskId: f.task.id, tagIds: [tag.id] });
    expect(await onlyDiff(db, f.task.id, "task.updated")).toEqual({ tags: { before: [], after: ["Legacy"] } });
    await member.tags.update({ orgId: f.org.id, tagId: tag.id, name: "Modern" });
    expect(await onlyDiff(db, f.task.id, "task.updated")).toEqual({ tags: { before: [], after: ["Legacy"] } });
    const history = await member.tasks.history({ boardId: f.board.id, taskId: f.task.id });
    expect(history.find((h) => h.action === "task.updated")?.diff).toEqual({ tags: { before: [], after: ["Legacy"] } });
    // New changes record the new name.
    await member.tasks.update({ boardId: f.board.id, taskId: f.task.id, tagIds: [] });
    const latest = await db.activityEvent.findMany({ where: { targetId: f.task.id, action: "task.updated" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(latest.map((r) => JSON.parse(r.diff))).toContainEqual({ tags: { before: ["Modern"], after: [] } });
  });
});
