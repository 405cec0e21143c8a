// Server-side page loading: a missing or foreign board/org is a 404 page, a signed-out visitor
// goes to sign-in. Everything else is a real error for the route's error boundary.
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";

export async function loadPageData<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === "UNAUTHORIZED") redirect("/signin");
      if (error.code === "NOT_FOUND") notFound();
    }
    throw error;
  }
}
