"use client";
import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormAlert } from "./auth-card";
import { credentialsSignIn } from "./credentials";

export function SetupForm() {
  const trpc = useTRPC();
  const [form, setForm] = useState({ name: "", email: "", password: "", orgName: "" });
  const [error, setError] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  const run = useMutation(
    trpc.setup.run.mutationOptions({
      onSuccess: async ({ orgSlug }) => {
        setSigningIn(true);
        const target = `/o/${orgSlug}`;
        const result = await credentialsSignIn(form.email.trim(), form.password, target);
        if (result.ok) return window.location.assign(target);
        // The account exists; only the automatic sign-in failed.
        toast.error(result.message);
        window.location.assign(`/signin?callbackUrl=${encodeURIComponent(target)}`);
      },
      onError: (err) => setError(errorMessage(err)),
    }),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (form.password.length < 10) return setError("Use at least 10 characters for the password");
    run.mutate({ name: form.name, email: form.email, password: form.password, orgName: form.orgName });
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      {error ? <FormAlert>{error}</FormAlert> : null}
      <Field label="Your name">{(id) => <Input id={id} autoComplete="name" required autoFocus value={form.name} onChange={set("name")} />}</Field>
      <Field label="Email">{(id) => <Input id={id} type="email" autoComplete="username" required value={form.email} onChange={set("email")} />}</Field>
      <Field label="Password" hint="At least 10 characters.">
        {(id) => <Input id={id} type="password" autoComplete="new-password" required minLength={10} value={form.password} onChange={set("password")} />}
      </Field>
      <Field label="Organization name" hint="Your team or company. You can rename it later.">
        {(id) => <Input id={id} required value={form.orgName} onChange={set("orgName")} placeholder="Acme Operations" />}
      </Field>
      <Button type="submit" className="w-full" busy={run.isPending || signingIn}>
        Create owner and organization
      </Button>
    </form>
  );
}
