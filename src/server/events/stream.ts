import { tracked } from "@trpc/server";
import { eventBus, type DomainEvent } from "./bus";

export type StreamItem = DomainEvent | { type: "stream.resync"; id: string };

/**
 * Yields matching events as tracked items so a reconnecting client resumes from its last id.
 * Subscribes before replaying so nothing published in between is lost.
 */
export async function* streamEvents(opts: {
  match: (event: DomainEvent) => boolean;
  lastEventId?: string | null;
  signal?: AbortSignal;
}) {
  const queue: DomainEvent[] = [];
  let wake: (() => void) | null = null;
  const unsubscribe = eventBus.subscribe((event) => {
    if (!opts.match(event)) return;
    queue.push(event);
    wake?.();
  });
  const aborted = new Promise<void>((resolve) => opts.signal?.addEventListener("abort", () => resolve(), { once: true }));
  try {
    if (opts.lastEventId) {
      const missed = eventBus.since(opts.lastEventId);
      if (missed === null) {
        // Too old to replay: tell the client to refetch, then carry on live.
        yield tracked(`resync-${Date.now()}`, { type: "stream.resync" } as StreamItem);
      } else {
        const live = new Set(queue.map((e) => e.id));
        for (const event of missed) if (opts.match(event) && !live.has(event.id)) yield tracked(event.id, event as StreamItem);
      }
    }
    while (!opts.signal?.aborted) {
      while (queue.length) {
        const event = queue.shift()!;
        yield tracked(event.id, event as StreamItem);
      }
      await Promise.race([new Promise<void>((resolve) => (wake = resolve)), aborted]);
      wake = null;
    }
  } finally {
    unsubscribe();
  }
}
