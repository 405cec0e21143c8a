// Credential sign-in without next-auth's signIn(): when the server throttles sign-ins it answers
// 429 with `{message}` and Retry-After, and signIn() then throws on `new URL(data.url)` (no url
// in the body), losing the status. This posts the same form signIn() posts and reads the answer.
export type SignInResult =
  | { ok: true }
  | { ok: false; kind: "invalid"; message: string }
  | { ok: false; kind: "throttled"; message: string; retryAfterSeconds: number }
  | { ok: false; kind: "error"; message: string };

export async function credentialsSignIn(email: string, password: string, callbackUrl: string): Promise<SignInResult> {
  try {
    const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
    const res = await fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password, csrfToken: csrf.csrfToken, callbackUrl, json: "true" }),
    });
    if (res.status === 429) {
      const seconds = Number(res.headers.get("Retry-After")) || 60;
      const minutes = Math.max(1, Math.ceil(seconds / 60));
      return { ok: false, kind: "throttled", retryAfterSeconds: seconds, message: `Too many failed sign-ins, try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}` };
    }
    const data = (await res.json().catch(() => ({}))) as { url?: string };
    const error = data.url ? new URL(data.url, window.location.origin).searchParams.get("error") : null;
    if (error === "CredentialsSignin" || res.status === 401) return { ok: false, kind: "invalid", message: "Email or password is incorrect" };
    if (!res.ok || error) return { ok: false, kind: "error", message: "Sign-in failed. Try again in a moment." };
    return { ok: true };
  } catch {
    return { ok: false, kind: "error", message: "Could not reach the server. Check your connection and try again." };
  }
}

/** Only same-origin paths: a callbackUrl from the query string must not send users elsewhere. */
export function safeCallbackUrl(value: string | string[] | undefined | null, fallback = "/"): string {
  let url = Array.isArray(value) ? value[0] : value;
  if (!url) return fallback;
  // An absolute URL (next-auth builds those) keeps only its path: we never leave this origin.
  if (/^https?:\/\//i.test(url)) {
    try {
      const parsed = new URL(url);
      url = parsed.pathname + parsed.search + parsed.hash;
    } catch {
      return fallback;
    }
  }
  if (!url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) return fallback;
  return url;
}
