"use client";
import { signOut } from "next-auth/react";
import { linkClass } from "./auth-card";

export function SignOutLink({ label = "Sign out" }: { label?: string }) {
  return (
    <button type="button" className={linkClass} onClick={() => signOut({ callbackUrl: "/signin" })}>
      {label}
    </button>
  );
}
