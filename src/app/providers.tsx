"use client";
import type { ReactNode } from "react";
import { ThemeProvider } from "next-themes";
import { Toaster } from "sonner";
import { TrpcProviders } from "@/lib/trpc/client";

export function Providers({ children }: { children: ReactNode }) {
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem>
      <TrpcProviders>{children}</TrpcProviders>
      <Toaster richColors closeButton position="bottom-right" />
    </ThemeProvider>
  );
}
