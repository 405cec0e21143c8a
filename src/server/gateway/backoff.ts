// Reconnect delays: exponential growth with "full jitter" (a uniform random delay between 0 and
// the capped exponential), so many Mission Control instances reconnecting to a restarted gateway
// spread out instead of arriving in waves. Pure: the random source is injectable for tests.

export interface BackoffOptions {
  /** Ceiling of the first delay. */
  baseMs: number;
  /** Cap on the exponential ceiling. */
  maxMs: number;
  /** Lower bound of every delay, so a retry never spins. */
  minMs?: number;
  /** Returns a number in [0, 1). */
  random?: () => number;
}

export const DEFAULT_BACKOFF: Readonly<BackoffOptions> = { baseMs: 500, maxMs: 30_000, minMs: 100 };

/** The capped exponential ceiling for a 0-based attempt: min(maxMs, baseMs * 2^attempt). */
export function backoffCeiling(attempt: number, opts: Pick<BackoffOptions, "baseMs" | "maxMs">): number {
  const n = Math.max(0, Math.floor(attempt));
  // 2^n overflows to Infinity for large n, which Math.min caps correctly.
  return Math.min(opts.maxMs, opts.baseMs * 2 ** n);
}

/** Full-jitter delay for a 0-based attempt, within [minMs, ceiling]. */
export function backoffDelay(attempt: number, opts: BackoffOptions): number {
  const ceiling = backoffCeiling(attempt, opts);
  const random = opts.random ?? Math.random;
  const minMs = Math.min(opts.minMs ?? 0, ceiling);
  return Math.round(minMs + random() * (ceiling - minMs));
}

/** Stateful helper: `next()` yields the delay for the next attempt; `reset()` after a success. */
export class Backoff {
  private attempt = 0;

  constructor(private readonly opts: BackoffOptions = DEFAULT_BACKOFF) {}

  next(): number {
    return backoffDelay(this.attempt++, this.opts);
  }

  reset(): void {
    this.attempt = 0;
  }

  /** Attempts made since the last reset. */
  get attempts(): number {
    return this.attempt;
  }
}
