// Encrypts secrets at rest (gateway tokens, device keys) with AES-256-GCM under a key derived
// from MC_ENCRYPTION_KEY. Format: `v1.<iv>.<tag>.<ciphertext>` (base64url parts), so the
// scheme can change later without guessing.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

function key(): Buffer {
  const secret = process.env.MC_ENCRYPTION_KEY;
  if (!secret) throw new Error("MC_ENCRYPTION_KEY is not set (npm start generates one into data/secrets.json)");
  // Any string works as configuration; SHA-256 turns it into exactly 32 bytes.
  return createHash("sha256").update(secret).digest();
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

export function decryptSecret(box: string): string {
  const [version, iv, tag, data] = box.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("Unreadable secret: unknown format");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("Unreadable secret: MC_ENCRYPTION_KEY differs from the one it was stored with");
  }
}
