import { afterEach, expect, it } from "vitest";
import { describeEachProvider } from "@/test/db";
import { asUser, caught } from "@/test/context";
import { createFixture } from "@/test/fixtures";
import { EventBus, eventBus, type DomainEvent } from "./bus";
import { streamEvents, type StreamItem } from "./stream";

type Envelope = [string, StreamItem, unknown];

/** Opens the board's live stream through the real procedure (as the given user). */
async function openStream(db: Parameters<typeof asUser>[0], userId: string, input: { boardId: string; lastEventId?: string | null }) {
  const iterable = (await (await asUser(db, userId)).tasks.events(input)) as AsyncIterable<Envelope>;
  return iterable[Symbol.asyncIterator]();
}

describeEachProvider("events", (getDb) => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0)) await fn();
  });

  it("a committed mutation publishes exactly one event named by its activity row", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const events: DomainEvent[] = [];
    cleanups.push(eventBus.subscribe((e) => e.orgId === f.org.id && events.push(e)));
    const task = await (await asUser(db, f.member.id)).tasks.create({ boardId: f.board.id, title: "Announce me" });
    expect(events).toHaveLength(1);
    const row = await db.activityEvent.findFirstOrThrow({ where: { action: "task.created", targetId: task.id } });
    expect(events[0]).toMatchObject({ id: row.id, type: "task.created", orgId: f.org.id, boardId: f.board.id, targetId: task.id });
    expect(events[0].payload).toMatchObject({ id: task.id, title: "Announce me" });
  });

  it("a rolled-back mutation publishes nothing", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const events: DomainEvent[] = [];
    cleanups.push(eventBus.subscribe((e) => e.orgId === f.org.id && events.push(e)));
    const member = await asUser(db, f.member.id);
    await caught(() => member.tasks.move({ boardId: f.board.id, taskId: f.task.id, status: "review", afterTaskId: f.task.id }));
    await caught(() => member.tasks.update({ boardId: f.board.id, taskId: f.outsiderTask.id, title: "nope" }));
    expect(events).toEqual([]);
  });

  it("the board stream delivers live changes of its board only, as tracked items", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const other = await (await asUser(db, f.admin.id)).boards.create({ orgId: f.org.id, name: "Elsewhere" });
    const stream = await openStream(db, f.member.id, { boardId: f.board.id });
    cleanups.push(() => stream.return?.());
    const next = stream.next();
    await member.tasks.create({ boardId: other.id, title: "not for this stream" });
    const task = await member.tasks.create({ boardId: f.board.id, title: "for this stream" });
    const { value } = await next;
    const [id, item] = value as Envelope;
    const row = await db.activityEvent.findFirstOrThrow({ where: { targetId: task.id } });
    expect(id).toBe(row.id);
    expect(item).toMatchObject({ id: row.id, type: "task.created", boardId: f.board.id, targetId: task.id });
  });

  it("a reconnecting stream resumes after lastEventId and replays what it missed, in order", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const member = await asUser(db, f.member.id);
    const a = await member.tasks.create({ boardId: f.board.id, title: "seen" });
    const seen = await db.activityEvent.findFirstOrThrow({ where: { targetId: a.id } });
    const b = await member.tasks.create({ boardId: f.board.id, title: "missed 1" });
    await member.tasks.move({ boardId: f.board.id, taskId: b.id, status: "done" });

    const stream = await openStream(db, f.member.id, { boardId: f.board.id, lastEventId: seen.id });
    cleanups.push(() => stream.return?.());
    const first = (await stream.next()).value as Envelope;
    const second = (await stream.next()).value as Envelope;
    expect([first[1].type, second[1].type]).toEqual(["task.created", "task.moved"]);
    expect((first[1] as DomainEvent).targetId).toBe(b.id);
    // …then carries on live.
    const third = stream.next();
    await member.tasks.delete({ boardId: f.board.id, taskId: b.id });
    expect(((await third).value as Envelope)[1]).toMatchObject({ type: "task.deleted", targetId: b.id });
  });

  it("an unknown lastEventId yields a resync item first, then live events", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const stream = await openStream(db, f.member.id, { boardId: f.board.id, lastEventId: "long-gone-event" });
    cleanups.push(() => stream.return?.());
    const first = (await stream.next()).value as Envelope;
    expect(first[1]).toEqual({ type: "stream.resync" });
    const next = stream.next();
    const task = await (await asUser(db, f.member.id)).tasks.create({ boardId: f.board.id, title: "after resync" });
    expect(((await next).value as Envelope)[1]).toMatchObject({ type: "task.created", targetId: task.id });
  });

  it("closing the stream unsubscribes from the bus", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    const before = eventBus.listenerCount;
    const controller = new AbortController();
    const stream = streamEvents({ match: (e) => e.boardId === f.board.id, signal: controller.signal });
    const next = stream.next();
    await (await asUser(db, f.member.id)).tasks.create({ boardId: f.board.id, title: "one" });
    await next;
    expect(eventBus.listenerCount).toBe(before + 1);
    controller.abort();
    expect((await stream.next()).done).toBe(true);
    expect(eventBus.listenerCount).toBe(before);
  });

  it("an outsider cannot open another organization's board stream (NOT_FOUND)", async () => {
    const { db } = getDb();
    const f = await createFixture(db);
    expect((await caught(() => openStream(db, f.outsider.id, { boardId: f.board.id }))).code).toBe("NOT_FOUND");
  });
});

it("the replay window is bounded: an id that fell out of it cannot be resumed", () => {
  const bus = new EventBus();
  const event = (n: number): DomainEvent => ({ id: `e${n}`, orgId: "o", boardId: "b", type: "test.tick", targetType: "test", targetId: String(n), payload: null, at: new Date() });
  for (let n = 0; n < 2001; n++) bus.publish(event(n));
  expect(bus.since("e0")).toBeNull();
  expect(bus.since("e1")).toHaveLength(1999);
  expect(bus.since("e2000")).toEqual([]);
});
