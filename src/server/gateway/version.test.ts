import { describe, expect, it } from "vitest";
import { compareGatewayVersions, parseGatewayVersion } from "./version";

describe("gateway versions", () => {
  it("compares calendar versions numerically", () => {
    expect(compareGatewayVersions("2026.9.6", "2026.10.1")).toBe(-1);
    expect(compareGatewayVersions("2026.10.1", "2026.9.30")).toBe(1);
    expect(compareGatewayVersions("2026.9.6", "2026.9.6")).toBe(0);
  });

  it("sorts a pre-release before its release", () => {
    expect(compareGatewayVersions("2026.9.6-beta.1", "2026.9.6")).toBe(-1);
    expect(compareGatewayVersions("2026.9.6", "2026.9.6-beta.1")).toBe(1);
  });

  it("returns null for something that is not a version", () => {
    expect(parseGatewayVersion("dev")).toBeNull();
    expect(compareGatewayVersions("dev", "2026.9.6")).toBeNull();
  });
});
