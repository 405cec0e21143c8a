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

