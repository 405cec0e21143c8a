"use client";
// The browser's tRPC client: queries and mutations over batched HTTP, subscriptions over SSE
// (httpSubscriptionLink resumes with the last tracked event id after a reconnect).
import { useState, type ReactNode } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import superjson from "superjson";
import type { AppRouter } from "@/server/routers/_app";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (count, error) => !(error instanceof TRPCClientError && [401, 403, 404].includes(error.data?.httpStatus)) && count < 2,
      },
    },
  });
}

export function TrpcProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === "subscription",
          true: httpSubscriptionLink({ url: "/api/trpc", transformer: superjson }),
          false: httpBatchLink({ url: "/api/trpc", transformer: superjson }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/** A message for a toast: the server's message, or the first field error. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const fields = error.data?.fieldErrors as Record<string, string[]> | null | undefined;
    const first = fields && Object.entries(fields).find(([, v]) => v?.length);
    return first ? `${first[0]}: ${first[1][0]}` : error.message;
  }
  return error instanceof Error ? error.message : "Something went wrong";
}
