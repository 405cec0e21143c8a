// Gateway release versions are calendar versions: YYYY.M.D, optionally with a suffix
// ("2026.9.6-beta.1"). Compared numerically; a pre-release sorts before its release.

/**
 * Protocol 4 is what this client speaks; the published @openclaw/gateway-client 2026.8.1 is the
 * first documented release exporting wire version 4 (docs/gateway/clients.md), and everything
 * Mission Control uses was verified on 2026.9.6. Older gateways are reported as incompatible.
 */
export const MIN_GATEWAY_VERSION = "2026.8.1";
export const PROTOCOL_VERSION = 4;

export function parseGatewayVersion(v: string): { parts: number[]; pre: string | null } | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+]([0-9A-Za-z.-]+))?$/.exec(v.trim());
  if (!m) return null;
  return { parts: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ?? null };
}

/** -1, 0 or 1; null when either side is not a recognizable version. */
export function compareGatewayVersions(a: string, b: string): -1 | 0 | 1 | null {
  const pa = parseGatewayVersion(a);
  const pb = parseGatewayVersion(b);
  if (!pa || !pb) return null;
  for (let i = 0; i < 3; i++) {
    if (pa.parts[i] !== pb.parts[i]) return pa.parts[i] < pb.parts[i] ? -1 : 1;
  }
  if (pa.pre === pb.pre) return 0;
  if (pa.pre === null) return 1;
  if (pb.pre === null) return -1;
  return pa.pre < pb.pre ? -1 : 1;
}
