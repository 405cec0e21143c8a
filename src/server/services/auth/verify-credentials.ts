import type { Db } from "../../db/client";
import { verifyPassword } from "../../auth/passwords";
import { clearFailedLogins, recordFailedLogin } from "./login-throttle";

// Compared against when the email is unknown, so both paths take the same time.
const DUMMY_HASH = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5Q4Qr4Vv0p8B5fS0s6Gk1eYx6c9W1dK";

export async function verifyCredentials(db: Db, email: string, password: string, ip: string | null) {
  const normalized = email.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email: normalized } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    await recordFailedLogin(db, normalized, ip);
    return null;
  }
  await clearFailedLogins(db, normalized);
  return { id: user.id, email: user.email, name: user.name };
}
