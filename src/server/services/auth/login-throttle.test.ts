import { expect, it } from "vitest";
import { describeEachProvider } from "@/test/db";
import { insertUser, PASSWORD } from "@/test/fixtures";
import { verifyCredentials } from "./verify-credentials";
import { retryAfterSeconds } from "./login-throttle";

describeEachProvider("sign-in throttle", (getDb) => {
  it("after 5 failed sign-ins for an email, retryAfterSeconds is positive", async () => {
    const { db } = getDb();
    const user = await insertUser(db, "victim");
    for (let i = 0; i < 4; i++) expect(await verifyCredentials(db, user.email, "wrong password!", null)).toBeNull();
    expect(await retryAfterSeconds(db, user.email, null)).toBe(0);
    expect(await verifyCredentials(db, user.email.toUpperCase(), "wrong password!", null)).toBeNull();
    const retry = await retryAfterSeconds(db, user.email, null);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    // Other emails are not affected.
    expect(await retryAfterSeconds(db, `other-${user.email}`, null)).toBe(0);
  });

  it("a successful sign-in clears the email's failures", async () => {
    const { db } = getDb();
    const user = await insertUser(db, "forgetful");
    for (let i = 0; i < 5; i++) await verifyCredentials(db, user.email, "wrong password!", null);
    expect(await retryAfterSeconds(db, user.email, null)).toBeGreaterThan(0);
    expect(await verifyCredentials(db, user.email, PASSWORD, null)).toMatchObject({ id: user.id, email: user.email });
    expect(await retryAfterSeconds(db, user.email, null)).toBe(0);
    // The count starts again from zero.
    for (let i = 0; i < 4; i++) await verifyCredentials(db, user.email, "wrong password!", null);
    expect(await retryAfterSeconds(db, user.email, null)).toBe(0);
  });

  it("unknown emails are throttled too, and an IP is blocked after 20 failures across emails", async () => {
    const { db } = getDb();
    const ip = `10.0.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`;
    for (let i = 0; i < 5; i++) await verifyCredentials(db, "nobody-here@example.test", "whatever pw", null);
    expect(await retryAfterSeconds(db, "nobody-here@example.test", null)).toBeGreaterThan(0);
    for (let i = 0; i < 19; i++) await verifyCredentials(db, `spray-${i}-${ip}@example.test`, "whatever pw", ip);
    expect(await retryAfterSeconds(db, null, ip)).toBe(0);
    await verifyCredentials(db, `spray-last-${ip}@example.test`, "whatever pw", ip);
    expect(await retryAfterSeconds(db, null, ip)).toBeGreaterThan(0);
  });
});
