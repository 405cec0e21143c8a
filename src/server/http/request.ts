// Shared by the tRPC and REST route handlers: who is calling, the 1 MiB body limit, ids.
import { getServerSession } from "next-auth";
import { authOptions } from "../auth/next-auth";
import { createContext, type Context } from "../context";
import { getDb } from "../db/client";
import { newId } from "@/lib/ids";

export const MAX_BODY_BYTES = 1024 * 1024;

export function clientIp(req: Request): string | null {
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || req.headers.get("x-real-ip") || null;
}

export async function contextFromRequest(req: Request): Promise<Context> {
  const authorization = req.headers.get("authorization");
  // A bearer token wins; only look up the session cookie when there is none.
  const session = authorization ? null : await getServerSession(authOptions);
  return createContext({
    db: getDb(),
    authorization,
    sessionUserId: (session?.user as { id?: string } | undefined)?.id ?? null,
    ip: clientIp(req),
    requestId: req.headers.get("x-request-id")?.slice(0, 64) || newId(),
  });
}

export function jsonError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ message, code, data: { code, httpStatus: status } }, { status, headers });
}

/**
 * Reads the body up to MAX_BODY_BYTES and returns a fresh Request carrying it, or a 413.
 * Counting while streaming also catches bodies without (or lying about) Content-Length.
 */
export async function limitBody(req: Request): Promise<Request | Response> {
  if (req.method === "GET" || req.method === "HEAD" || !req.body) return req;
  const declared = Number(req.headers.get("content-length") ?? 0);
  const tooLarge = () => jsonError(413, "PAYLOAD_TOO_LARGE", `Request body is larger than ${MAX_BODY_BYTES} bytes`);
  if (declared > MAX_BODY_BYTES) return tooLarge();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return tooLarge();
    }
    chunks.push(value);
  }
  return new Request(req.url, { method: req.method, headers: req.headers, body: Buffer.concat(chunks), signal: req.signal });
}
