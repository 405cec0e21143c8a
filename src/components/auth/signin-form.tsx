"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormAlert } from "./auth-card";
import { credentialsSignIn } from "./credentials";

export function SignInForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail?: string }) {
  const [email, setEmail] = useState(defaultEmail ?? "");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const result = await credentialsSignIn(email.trim(), password, callbackUrl);
    if (result.ok) {
      // A full navigation so every server component renders with the new session cookie.
      window.location.assign(callbackUrl);
      return;
    }
    setBusy(false);
    setError(result.message);
    if (result.kind === "invalid") setPassword("");
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate={false}>
      {error ? <FormAlert>{error}</FormAlert> : null}
      <Field label="Email">
        {(id) => <Input id={id} name="email" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <Field label="Password">
        {(id) => <Input id={id} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <Button type="submit" className="w-full" busy={busy}>
        Sign in
      </Button>
    </form>
  );
}
