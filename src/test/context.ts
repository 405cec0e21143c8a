// Real request contexts (the same createContext the route handlers use) and callers on the
import { TRPCError, getErrorShape, getTRPCErrorFromUnknown } from "@trpc/server";
// real app router.
import { createContext, type Context } from "@/server/context";
import type { Db } from "@/server/db/client";
import { appRouter } from "@/server/routers/_app";
import { createCallerFactory } from "@/server/trpc";

export const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export const userContext = (db: Db, userId: string, requestId?: string): Promise<Context> => createContext({ db, sessionUserId: userId, requestId, ip: "127.0.0.1" });
export const tokenContext = (db: Db, token: string, requestId?: string): Promise<Context> => createContext({ db, authorization: `Bearer ${token}`, requestId, ip: "127.0.0.1" });
export const anonContext = (db: Db): Promise<Context> => createContext({ db });
export const systemContext = (db: Db): Context => ({ db, actor: { kind: "system", name: "test" }, requestId: "test-system", ip: null });

export const asUser = async (db: Db, userId: string): Promise<Caller> => createCaller(await userContext(db, userId));
export const asToken = async (db: Db, token: string): Promise<Caller> => createCaller(await tokenContext(db, token));
export const asAnonymous = async (db: Db): Promise<Caller> => createCaller(await anonContext(db));

/**
 * The error body a client would receive for `error` (the app's error formatter applied), so
 * tests can check field errors and that no internals leak.
 */
export function errorShape(error: unknown, ctx: Context | undefined, path = "test") {
  return getErrorShape({ config: appRouter._def._config, error: getTRPCErrorFromUnknown(error), type: "mutation", path, input: undefined, ctx });
}

/** Runs `fn` and returns the error it throws (fails the test when it does not throw). */
export async function caught(fn: () => Promise<unknown>): Promise<TRPCError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
