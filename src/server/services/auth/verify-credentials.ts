import type { Db } from "../../db/client";
import { hashPassword, verifyPassword } from "../../auth/passwords";
import { randomSecret } from "../../auth/secrets";
import { clearFailedLogins, recordFailedLogin } from "./login-throttle";

// Compared against when the email is unknown, so both paths take the same time. Hashed with the
// configured cost (MC_BCRYPT_COST): a fixed cost-12 hash made unknown emails slower than known
// ones whenever the cost was set lower, which tells an attacker which emails exist.
let dummyHash: Promise<string> | null = null;
const getDummyHash = () => (dummyHash ??= hashPassword(randomSecret()));

export async function verifyCredentials(db: Db, email: string, password: string, ip: string | null) {
  const normalized = email.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email: normalized } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await getDummyHash()));
  if (!user || !ok) {
    await recordFailedLogin(db, normalized, ip);
    return null;
  }
  await clearFailedLogins(db, normalized);
  return { id: user.id, email: user.email, name: user.name };
}
