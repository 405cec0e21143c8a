import { expect, it } from "vitest";
import { describeEachProvider } from "@/test/db";
import { asUser, caught, type Caller } from "@/test/context";
import { countRows, createFixture, type Fixture } from "@/test/fixtures";
import { onlyDiff } from "@/test/work";
import type { Db } from "@/server/db/client";

/** One field of every type, enabled on the fixture board. */
async function fieldsOnBoard(db: Db, f: Fixture) {
  const admin = await asUser(db, f.admin.id);
  const make = (key: string, label: string, type: "text" | "long_text" | "number" | "boolean" | "date" | "url" | "select", options: string[] = []) =>
    admin.customFields.create({ orgId: f.org.id, key, label, type, options });
  const defs = {
    text: await make("summary", "Summary", "text"),
    long: await make("notes", "Notes", "long_text"),
    number: await make("estimate", "Estimate", "number"),
    boolean: await make("billable", "Billable", "boolean"),
    date: await make("launch", "Launch date", "date"),
    url: await make("spec", "Spec link", "url"),
    select: await make("size", "T-shirt size", "select", ["S", "M", "L"]),
  };
  for (const def of Object.values(defs)) await admin.customFields.setOnBoard({ boardId: f.board.id, fieldId: def.id, enabled: true });
  return { admin, defs };
}

async function refused(caller: Caller, f: Fixture, fields: Record<string, string | number | boolean | null>) {
  return caught(() => caller.tasks.update({ boardId: f.board.id, taskId: f.task.id, fields }));
}

describeEachProvider("custom field values", (getDb) => {
  it("valid values of every type are stored and appear in the task's fields", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const { defs } = await fieldsOnBoard(db, f);
    const member = await asUser(db, f.member.id);
    const values = {
      [defs.text.id]: "Short summary",
      [defs.long.id]: "x".repeat(5000),
      [defs.number.id]: 3.5,
      [defs.boolean.id]: false,
      [defs.date.id]: "2025-02-28",
      [defs.url.id]: "https://example.com/spec?v=2",
      [defs.select.id]: "M",
    };
    const task = await member.tasks.create({ boardId: f.board.id, title: "With fields", fields: values });
    expect(task.fields).toEqual(values);
    expect((await member.tasks.get({ boardId: f.board.id, taskId: task.id })).fields).toEqual(values);
    expect((await member.tasks.list({ boardId: f.board.id })).items.find((t) => t.id === task.id)?.fields).toEqual(values);
    const updated = await member.tasks.update({ boardId: f.board.id, taskId: task.id, fields: { [defs.number.id]: 0, [defs.url.id]: "http://intranet.test/x", [defs.text.id]: null } });
    expect(updated.fields).toMatchObject({ [defs.number.id]: 0, [defs.url.id]: "http://intranet.test/x" });
    expect(updated.fields).not.toHaveProperty(defs.text.id);
    expect(await onlyDiff(db, task.id, "task.updated")).toEqual({
      fields: { before: values, after: { ...Object.fromEntries(Object.entries(values).filter(([k]) => k !== defs.text.id)), [defs.number.id]: 0, [defs.url.id]: "http://intranet.test/x" } },
    });
  });

  it("a value of the wrong type is refused with the field's label in the message, and nothing changes", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const { defs } = await fieldsOnBoard(db, f);
    const member = await asUser(db, f.member.id);
    const cases: [string, string, string | number | boolean][] = [
      [defs.text.id, "Summary", 12],
      [defs.text.id, "Summary", "y".repeat(501)],
      [defs.long.id, "Notes", true],
      [defs.number.id, "Estimate", "5"],
      [defs.boolean.id, "Billable", "true"],
      [defs.date.id, "Launch date", "28/02/2025"],
      [defs.date.id, "Launch date", "2025-02-30"],
      [defs.date.id, "Launch date", "2025-13-01"],
      [defs.date.id, "Launch date", 20250228],
      [defs.url.id, "Spec link", "example.com/spec"],
      [defs.url.id, "Spec link", "ftp://example.com/spec"],
      [defs.url.id, "Spec link", "javascript:alert(1)"],
      [defs.select.id, "T-shirt size", "XL"],
      [defs.select.id, "T-shirt size", "m"],
    ];
    const before = await countRows(db);
    for (const [id, label, value] of cases) {
      const error = await refused(member, f, { [id]: value });
      expect(error.code, `${label} = ${JSON.stringify(value)}`).toBe("BAD_REQUEST");
      expect(error.message, `${label} = ${JSON.stringify(value)}`).toContain(`"${label}"`);
      expect((await caught(() => member.tasks.create({ boardId: f.board.id, title: "Bad", fields: { [id]: value } }))).code).toBe("BAD_REQUEST");
    }
    // long_text allows 10,000 characters, and no more.
    expect((await member.tasks.update({ boardId: f.board.id, taskId: f.task.id, fields: { [defs.long.id]: "z".repeat(10_000) } })).fields[defs.long.id]).toHaveLength(10_000);
    const after = await countRows(db);
    expect((await refused(member, f, { [defs.long.id]: "z".repeat(10_001) })).code).toBe("BAD_REQUEST");
    expect(await countRows(db)).toEqual(after);
    expect(after).toEqual({ ...before, activityEvent: before.activityEvent + 1, taskFieldValue: before.taskFieldValue + 1 });
  });

  it("a required field must be given on create and cannot be cleared; other edits leave it alone", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const admin = await asUser(db, f.admin.id);
    const member = await asUser(db, f.member.id);
    const owner = await admin.customFields.create({ orgId: f.org.id, key: "owner_team", label: "Owning team", type: "text", required: true });
    await admin.customFields.setOnBoard({ boardId: f.board.id, fieldId: owner.id, enabled: true });
    const count = await db.task.count({ where: { boardId: f.board.id } });
    for (const fields of [{}, { [owner.id]: null }, { [owner.id]: "" }]) {
      const error = await caught(() => member.tasks.create({ boardId: f.board.id, title: "Needs team", fields }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toBe('"Owning team" is required');
    }
    expect(await db.task.count({ where: { boardId: f.board.id } })).toBe(count);
    const task = await member.tasks.create({ boardId: f.board.id, title: "Has team", fields: { [owner.id]: "Platform" } });
    for (const value of [null, ""]) {
      expect((await caught(() => member.tasks.update({ boardId: f.board.id, taskId: task.id, fields: { [owner.id]: value } }))).message).toMatch(/"Owning team" is required/);
    }
    expect((await member.tasks.update({ boardId: f.board.id, taskId: task.id, title: "Renamed" })).fields).toEqual({ [owner.id]: "Platform" });
    expect((await member.tasks.update({ boardId: f.board.id, taskId: task.id, fields: { [owner.id]: "Infra" } })).fields).toEqual({ [owner.id]: "Infra" });
  });

  it("a field not enabled on the board is refused; disabling and enabling it per board takes effect", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const admin = await asUser(db, f.admin.id);
    const member = await asUser(db, f.member.id);
    const risk = await admin.customFields.create({ orgId: f.org.id, key: "risk", label: "Risk", type: "select", options: ["low", "high"] });
    const notEnabled = await refused(member, f, { [risk.id]: "low" });
    expect(notEnabled.code).toBe("BAD_REQUEST");
    expect(notEnabled.message).toMatch(/not enabled on this board/);
    expect((await refused(member, f, { "no-such-field": "x" })).code).toBe("BAD_REQUEST");

    expect((await admin.customFields.setOnBoard({ boardId: f.board.id, fieldId: risk.id, enabled: true })).boardIds).toEqual([f.board.id]);
    expect((await member.customFields.list({ orgId: f.org.id, boardId: f.board.id })).map((d) => d.id)).toEqual([risk.id]);
    expect((await member.tasks.update({ boardId: f.board.id, taskId: f.task.id, fields: { [risk.id]: "high" } })).fields).toEqual({ [risk.id]: "high" });
    // Enabling twice records once.
    await admin.customFields.setOnBoard({ boardId: f.board.id, fieldId: risk.id, enabled: true });
    expect(await db.activityEvent.count({ where: { targetId: risk.id, action: "field.enabled" } })).toBe(1);

    expect((await admin.customFields.setOnBoard({ boardId: f.board.id, fieldId: risk.id, enabled: false })).boardIds).toEqual([]);
    expect(await db.activityEvent.count({ where: { targetId: risk.id, action: "field.disabled" } })).toBe(1);
    expect((await refused(member, f, { [risk.id]: "low" })).message).toMatch(/not enabled/);
    expect(await member.customFields.list({ orgId: f.org.id, boardId: f.board.id })).toEqual([]);
    // Another organization's field cannot be enabled here.
    const theirs = await (await asUser(db, f.outsider.id)).customFields.create({ orgId: f.outsiderOrg.id, key: "risk", label: "Risk", type: "text" });
    expect((await caught(() => admin.customFields.setOnBoard({ boardId: f.board.id, fieldId: theirs.id, enabled: true }))).code).toBe("NOT_FOUND");
    // Members cannot toggle fields.
    expect((await caught(() => member.customFields.setOnBoard({ boardId: f.board.id, fieldId: risk.id, enabled: true }))).code).toBe("FORBIDDEN");
  });

  it("a duplicate field key is refused with CONFLICT; a select needs options", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const admin = await asUser(db, f.admin.id);
    await admin.customFields.create({ orgId: f.org.id, key: "budget", label: "Budget", type: "number" });
    expect((await caught(() => admin.customFields.create({ orgId: f.org.id, key: "budget", label: "Budget 2", type: "text" }))).code).toBe("CONFLICT");
    expect((await caught(() => admin.customFields.create({ orgId: f.org.id, key: "pick", label: "Pick", type: "select" }))).code).toBe("BAD_REQUEST");
  });
});
