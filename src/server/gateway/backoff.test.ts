import { describe, expect, it } from "vitest";
import { Backoff, backoffCeiling, backoffDelay } from "./backoff";

describe("backoff", () => {
  const opts = { baseMs: 100, maxMs: 5_000 };

  it("doubles the ceiling per attempt up to the cap", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((a) => backoffCeiling(a, opts))).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000]);
    expect(backoffCeiling(10_000, opts)).toBe(5000);
    expect(backoffCeiling(-3, opts)).toBe(100);
  });

  it("draws full jitter between the floor and the ceiling", () => {
    expect(backoffDelay(3, { ...opts, random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { ...opts, random: () => 0.5 })).toBe(400);
    expect(backoffDelay(3, { ...opts, random: () => 0.999999 })).toBe(800);
    expect(backoffDelay(3, { ...opts, minMs: 50, random: () => 0 })).toBe(50);
    expect(backoffDelay(20, { ...opts, random: () => 0.999999 })).toBe(5000);
  });

  it("never exceeds the cap with the real random source", () => {
    for (let a = 0; a < 50; a++) {
      const d = backoffDelay(a, opts);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(backoffCeiling(a, opts));
    }
  });

  it("the stateful helper grows per attempt and starts over after reset", () => {
    const b = new Backoff({ ...opts, random: () => 0.999999 });
    expect([b.next(), b.next(), b.next()]).toEqual([100, 200, 400]);
    expect(b.attempts).toBe(3);
    b.reset();
    expect(b.next()).toBe(100);
  });
});
