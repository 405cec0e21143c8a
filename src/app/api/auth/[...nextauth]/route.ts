import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/next-auth";
import { getDb } from "@/server/db/client";
import { clientIp } from "@/server/http/request";
import { retryAfterSeconds } from "@/server/services/auth/login-throttle";

const nextAuth = NextAuth(authOptions);

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/** Credential sign-ins are throttled per email and per IP before next-auth sees them. */
async function POST(req: Request, context: RouteContext): Promise<Response> {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await req.clone().formData().catch(() => null);
    const email = (form?.get("email") as string | null) ?? null;
    const wait = await retryAfterSeconds(getDb(), email, clientIp(req));
    if (wait > 0) {
      return Response.json(
        { message: `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minute(s).`, code: "TOO_MANY_REQUESTS" },
        { status: 429, headers: { "Retry-After": String(wait) } },
      );
    }
  }
  return nextAuth(req, context);
}

export { nextAuth as GET, POST };
