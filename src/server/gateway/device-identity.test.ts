import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildDeviceAuthPayloadV3, buildDeviceProof, deviceIdFromPublicKey, generateDeviceIdentity, publicKeyRawBase64Url, verifyDevicePayload } from "./device-identity";

describe("device identity", () => {
  it("derives the device id as sha256 hex of the raw 32-byte public key", () => {
    const id = generateDeviceIdentity();
    const raw = Buffer.from(publicKeyRawBase64Url(id.publicKeyPem), "base64url");
    expect(raw).toHaveLength(32);
    expect(id.deviceId).toBe(crypto.createHash("sha256").update(raw).digest("hex"));
    expect(deviceIdFromPublicKey(id.publicKeyPem)).toBe(id.deviceId);
  });

  it("builds the v3 payload with lowercased platform and family and an empty missing token", () => {
    const payload = buildDeviceAuthPayloadV3({
      deviceId: "dev",
      clientId: "gateway-client",
      clientMode: "backend",
      role: "operator",
      scopes: ["operator.read", "operator.admin"],
      signedAtMs: 1700000000000,
      token: null,
      nonce: "n1",
      platform: " Linux ",
      deviceFamily: "Server",
    });
    expect(payload).toBe("v3|dev|gateway-client|backend|operator|operator.read,operator.admin|1700000000000||n1|linux|server");
  });

  it("signs a proof the public key verifies", () => {
    const id = generateDeviceIdentity();
    const input = { clientId: "gateway-client", clientMode: "backend", role: "operator", scopes: ["operator.read"], signedAtMs: 42, token: "t", nonce: "n", platform: "linux" };
    const proof = buildDeviceProof(id, input);
    expect(proof).toMatchObject({ id: id.deviceId, signedAt: 42, nonce: "n" });
    const payload = buildDeviceAuthPayloadV3({ ...input, deviceId: id.deviceId });
    expect(verifyDevicePayload(id.publicKeyPem, payload, proof.signature)).toBe(true);
    expect(verifyDevicePayload(id.publicKeyPem, payload.replace("|n|", "|m|"), proof.signature)).toBe(false);
  });
});
