/** Session lifetime in seconds, from MC_SESSION_MAX_AGE_HOURS (default 7 days). */
export function sessionMaxAgeSeconds(): number {
  const hours = Number(process.env.MC_SESSION_MAX_AGE_HOURS ?? 24 * 7);
  return Math.max(1, Math.round((Number.isFinite(hours) ? hours : 24 * 7) * 3600));
}

/** Secure cookies whenever the public URL is https (HttpOnly and SameSite=Lax always). */
export function useSecureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}
