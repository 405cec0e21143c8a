"use client";
import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { signOut } from "next-auth/react";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormAlert, linkClass } from "./auth-card";
import { credentialsSignIn } from "./credentials";

/** Signed in: one button joins the organization as the current user. */
export function JoinButton({ token, orgName, userEmail }: { token: string; orgName: string; userEmail: string }) {
  const trpc = useTRPC();
  const [error, setError] = useState<string | null>(null);
  const accept = useMutation(
    trpc.invitations.accept.mutationOptions({
      onSuccess: ({ orgSlug }) => {
        toast.success(`You joined ${orgName}`);
        window.location.assign(`/o/${orgSlug}`);
      },
      onError: (err) => setError(errorMessage(err)),
    }),
  );
  const invitePath = `/invite/${token}`;
  return (
    <div className="space-y-4">
      {error ? <FormAlert>{error}</FormAlert> : null}
      <Button className="w-full" busy={accept.isPending || accept.isSuccess} onClick={() => accept.mutate({ token })}>
        Join {orgName}
      </Button>
      <p className="text-center text-sm text-slate-500 dark:text-slate-400">
        Signed in as <span className="font-medium text-slate-700 dark:text-slate-200">{userEmail}</span>.{" "}
        <button type="button" className={linkClass} onClick={() => signOut({ callbackUrl: `/signin?callbackUrl=${encodeURIComponent(invitePath)}` })}>
          Use another account
        </button>
      </p>
    </div>
  );
}

/** Not signed in: create an account with the invite, then sign in and open the organization. */
export function InviteSignUpForm({ token, invitedEmail }: { token: string; invitedEmail: string | null }) {
  const trpc = useTRPC();
  const [form, setForm] = useState({ name: "", email: invitedEmail ?? "", password: "" });
  const [error, setError] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const invitePath = `/invite/${token}`;

  const signUp = useMutation(
    trpc.invitations.signUp.mutationOptions({
      onSuccess: async ({ orgSlug }) => {
        setSigningIn(true);
        const target = `/o/${orgSlug}`;
        const result = await credentialsSignIn(form.email.trim(), form.password, target);
        if (result.ok) return window.location.assign(target);
        toast.error(`Your account was created, but signing in failed: ${result.message}`);
        window.location.assign(`/signin?callbackUrl=${encodeURIComponent(target)}`);
      },
      onError: (err) => setError(errorMessage(err)),
    }),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (form.password.length < 10) return setError("Use at least 10 characters for the password");
    signUp.mutate({ token, name: form.name, email: form.email, password: form.password });
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      {error ? <FormAlert>{error}</FormAlert> : null}
      <Field label="Your name">{(id) => <Input id={id} autoComplete="name" required autoFocus value={form.name} onChange={set("name")} />}</Field>
      <Field label="Email" hint={invitedEmail ? "This invitation is for this address." : undefined}>
        {(id) => <Input id={id} type="email" autoComplete="username" required readOnly={!!invitedEmail} value={form.email} onChange={set("email")} />}
      </Field>
      <Field label="Password" hint="At least 10 characters.">
        {(id) => <Input id={id} type="password" autoComplete="new-password" required minLength={10} value={form.password} onChange={set("password")} />}
      </Field>
      <Button type="submit" className="w-full" busy={signUp.isPending || signingIn}>
        Create account and join
      </Button>
      <p className="text-center text-sm text-slate-500 dark:text-slate-400">
        Already have an account?{" "}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(invitePath)}`} className={linkClass}>
          Sign in to accept
        </Link>
      </p>
    </form>
  );
}
