"use client";
import type { ReactNode } from "react";
import { ThemeProvider } from "next-themes";
import { TrpcProviders } from "@/lib/trpc/client";
import { PageToaster } from "@/components/ui/layer-toasts";

export function Providers({ children }: { children: ReactNode }) {
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem>
      <TrpcProviders>{children}</TrpcProviders>
      <PageToaster />
    </ThemeProvider>
  );
}
