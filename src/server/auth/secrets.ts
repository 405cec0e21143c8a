// Random bearer secrets (API tokens, invite links). A 256-bit random secret hashed with
// SHA-256 is safe to store: there is nothing to brute-force, so no slow hash is needed.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const sha256 = (value: string): string => createHash("sha256").update(value).digest("hex");

export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString("base64url");

export function safeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `mc_<lookupId>_<secret>`: the lookup id finds the row by a unique index, the secret proves it. */
export function newApiTokenParts(): { token: string; lookupId: string; secretHash: string } {
  const lookupId = randomBytes(9).toString("base64url").replace(/[-_]/g, "x");
  const secret = randomSecret();
  return { token: `mc_${lookupId}_${secret}`, lookupId, secretHash: sha256(secret) };
}

export function parseApiToken(token: string): { lookupId: string; secret: string } | null {
  const match = /^mc_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { lookupId: match[1], secret: match[2] } : null;
}

/** Agent tokens: `mca_<lookupId>_<secret>`, the same scheme as API tokens, bound to one agent. */
export function newAgentTokenParts(): { token: string; lookupId: string; secretHash: string } {
  const parts = newApiTokenParts();
  return { ...parts, token: `mca_${parts.token.slice("mc_".length)}` };
}

export function parseAgentToken(token: string): { lookupId: string; secret: string } | null {
  return token.startsWith("mca_") ? parseApiToken(`mc_${token.slice("mca_".length)}`) : null;
}
