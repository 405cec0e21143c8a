// Throttles repeated failed sign-ins per email and per IP. Counters live in the database so
// every app instance sees the same ones.
import type { Db } from "../../db/client";

const WINDOW_MS = 15 * 60_000;
const LIMITS = { email: 5, ip: 20 } as const;
const BLOCK_MS = 15 * 60_000;

export const throttleKeys = (email: string | null, ip: string | null): { key: string; limit: number }[] => [
  ...(email ? [{ key: `email:${email.trim().toLowerCase()}`, limit: LIMITS.email }] : []),
  ...(ip ? [{ key: `ip:${ip}`, limit: LIMITS.ip }] : []),
];

/** Seconds until sign-in is allowed again, or 0 when it is allowed now. */
export async function retryAfterSeconds(db: Db, email: string | null, ip: string | null): Promise<number> {
  const keys = throttleKeys(email, ip).map((k) => k.key);
  if (!keys.length) return 0;
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys }, blockedUntil: { gt: new Date() } } });
  const until = Math.max(0, ...rows.map((r) => r.blockedUntil!.getTime()));
  return until ? Math.ceil((until - Date.now()) / 1000) : 0;
}

export async function recordFailedLogin(db: Db, email: string | null, ip: string | null): Promise<void> {
  const now = new Date();
  for (const { key, limit } of throttleKeys(email, ip)) {
    await db.$transaction(async (tx) => {
      const row = await tx.loginThrottle.findUnique({ where: { key } });
      const fresh = !row || now.getTime() - row.windowStart.getTime() > WINDOW_MS;
      const failures = fresh ? 1 : row.failures + 1;
      const blockedUntil = failures >= limit ? new Date(now.getTime() + BLOCK_MS) : fresh ? null : row.blockedUntil;
      await tx.loginThrottle.upsert({
        where: { key },
        create: { key, failures, windowStart: now, blockedUntil },
        update: { failures, windowStart: fresh ? now : row.windowStart, blockedUntil },
      });
    });
  }
}

export async function clearFailedLogins(db: Db, email: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } });
}
