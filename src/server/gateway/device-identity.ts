// Ed25519 device identity for gateways that require device auth (remote gateways, pairing).
// Matches openclaw 2026.9.6 (dist/device-identity-*.mjs, packages/gateway-client/src/device-auth.ts):
//   device id  = sha256 hex of the raw 32-byte public key
//   publicKey  = raw public key, base64url
//   signature  = Ed25519 over the UTF-8 string
//     v3|deviceId|client.id|client.mode|role|scopes.join(",")|signedAt|token|nonce|platform|deviceFamily
//   with platform and deviceFamily trimmed and ASCII-lowercased, token "" when absent, and
//   signedAt = the connect.challenge `ts` (the gateway allows ±2 min of skew).
import crypto from "node:crypto";

export interface DeviceIdentity {
  deviceId: string;
  publicKeyPem: string;
  privateKeyPem: string;
}

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw key is the 32 bytes after it. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

function base64Url(buf: Buffer): string {
  return buf.toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function rawPublicKey(publicKeyPem: string): Buffer {
  const der = crypto.createPublicKey(publicKeyPem).export({ type: "spki", format: "der" });
  if (der.length !== ED25519_SPKI_PREFIX.length + 32 || !der.subarray(0, ED25519_SPKI_PREFIX.length).equals(ED25519_SPKI_PREFIX)) {
    throw new Error("not an Ed25519 public key");
  }
  return der.subarray(ED25519_SPKI_PREFIX.length);
}

export function publicKeyRawBase64Url(publicKeyPem: string): string {
  return base64Url(rawPublicKey(publicKeyPem));
}

export function deviceIdFromPublicKey(publicKeyPem: string): string {
  return crypto.createHash("sha256").update(rawPublicKey(publicKeyPem)).digest("hex");
}

export function generateDeviceIdentity(): DeviceIdentity {
  const { publicKey, privateKey } = crypto.generateKeyPairSync("ed25519");
  const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const privateKeyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  return { deviceId: deviceIdFromPublicKey(publicKeyPem), publicKeyPem, privateKeyPem };
}

function normalizeMetadata(value: string | undefined): string {
  return (value ?? "").trim().replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export interface DeviceAuthPayloadInput {
  deviceId: string;
  clientId: string;
  clientMode: string;
  role: string;
  scopes: string[];
  signedAtMs: number;
  token: string | null;
  nonce: string;
  platform?: string;
  deviceFamily?: string;
}

export function buildDeviceAuthPayloadV3(p: DeviceAuthPayloadInput): string {
  return [
    "v3",
    p.deviceId,
    p.clientId,
    p.clientMode,
    p.role,
    p.scopes.join(","),
    String(p.signedAtMs),
    p.token ?? "",
    p.nonce,
    normalizeMetadata(p.platform),
    normalizeMetadata(p.deviceFamily),
  ].join("|");
}

export function signDevicePayload(privateKeyPem: string, payload: string): string {
  return base64Url(crypto.sign(null, Buffer.from(payload, "utf8"), crypto.createPrivateKey(privateKeyPem)));
}

export function verifyDevicePayload(publicKeyPem: string, payload: string, signatureBase64Url: string): boolean {
  const sig = Buffer.from(signatureBase64Url.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return crypto.verify(null, Buffer.from(payload, "utf8"), crypto.createPublicKey(publicKeyPem), sig);
}

/** The `device` block of connect params. */
export function buildDeviceProof(identity: DeviceIdentity, input: Omit<DeviceAuthPayloadInput, "deviceId">) {
  const payload = buildDeviceAuthPayloadV3({ ...input, deviceId: identity.deviceId });
  return {
    id: identity.deviceId,
    publicKey: publicKeyRawBase64Url(identity.publicKeyPem),
    signature: signDevicePayload(identity.privateKeyPem, payload),
    signedAt: input.signedAtMs,
    nonce: input.nonce,
  };
}
