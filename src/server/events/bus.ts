// The event bus. Every committed mutation publishes here once; subscriptions (SSE), and later
// the webhook outbox and gateway notifications, read from it without querying per listener.
// In-process today; a Postgres LISTEN/NOTIFY transport can call `deliver` for events from
// other instances without changing publishers or subscribers.

export interface DomainEvent {
  /** The activity row's id: one id names the change in the log, the stream and webhooks. */
  id: string;
  orgId: string;
  boardId: string | null;
  /** `domain.verb`, the same name as the activity action. */
  type: string;
  targetType: string;
  targetId: string;
  payload: unknown;
  at: Date;
}

type Listener = (event: DomainEvent) => void;

const REPLAY_WINDOW = 2000;

export class EventBus {
  private listeners = new Set<Listener>();
  private recent: DomainEvent[] = [];

  publish(event: DomainEvent): void {
    this.deliver(event);
  }

  /** Hands an event to local listeners and keeps it for resuming subscribers. */
  deliver(event: DomainEvent): void {
    this.recent.push(event);
    if (this.recent.length > REPLAY_WINDOW) this.recent.splice(0, this.recent.length - REPLAY_WINDOW);
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error("[events] listener failed", error);
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events after `lastEventId`, or null when it fell out of the window (caller refetches). */
  since(lastEventId: string): DomainEvent[] | null {
    const index = this.recent.findIndex((e) => e.id === lastEventId);
    return index === -1 ? null : this.recent.slice(index + 1);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

const globalForBus = globalThis as unknown as { mcEventBus?: EventBus };
export const eventBus: EventBus = (globalForBus.mcEventBus ??= new EventBus());
