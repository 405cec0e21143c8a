import { TRPCError } from "@trpc/server";

/** Foreign and missing rows look the same to the caller: never confirm another tenant's ids. */
export const notFound = (what: string): TRPCError => new TRPCError({ code: "NOT_FOUND", message: `${what} not found` });

export const forbidden = (message: string): TRPCError => new TRPCError({ code: "FORBIDDEN", message });

export const conflict = (message: string): TRPCError => new TRPCError({ code: "CONFLICT", message });

export const badRequest = (message: string): TRPCError => new TRPCError({ code: "BAD_REQUEST", message });

/** Prisma unique-constraint violation (P2002), for turning races into a clean CONFLICT. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** A serializable transaction lost to a concurrent one (Postgres 40001 through the driver adapter, or P2034). */
export function isWriteConflict(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: string; name?: string; cause?: { kind?: string } };
  return e.code === "P2034" || (e.name === "DriverAdapterError" && e.cause?.kind === "TransactionWriteConflict");
}
