"use client";
import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { slugify } from "@/lib/schemas/common";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function NewOrgForm({ cancelHref }: { cancelHref: string | null }) {
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const suggested = name.trim().length >= 2 ? slugify(name) : "";
  const effectiveSlug = slugEdited ? slug : suggested;
  const slugError = slugEdited && slug && (!SLUG.test(slug) || slug.length < 2) ? "Use 2–48 lowercase letters, digits and single dashes" : null;

  const create = useMutation(
    trpc.orgs.create.mutationOptions({
      onSuccess: (org) => {
        toast.success(`Created ${org.name}`);
        window.location.assign(`/o/${org.slug}`);
      },
      onError: (err) => setError(errorMessage(err)),
    }),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (slugError) return;
    create.mutate({ name, ...(slugEdited && slug ? { slug } : {}) });
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <Field label="Name">{(id) => <Input id={id} required autoFocus maxLength={120} value={name} onChange={(e) => setName(e.target.value)} placeholder="Acme Operations" />}</Field>
      <Field label="URL slug" error={slugError} hint={effectiveSlug ? `Pages will live at /o/${effectiveSlug}` : "Leave empty to derive it from the name."}>
        {(id) => (
          <Input
            id={id}
            maxLength={48}
            value={effectiveSlug}
            placeholder="acme-operations"
            onChange={(e) => {
              setSlugEdited(true);
              setSlug(e.target.value.toLowerCase());
            }}
          />
        )}
      </Field>
      <div className="flex justify-end gap-2 pt-2">
        {cancelHref ? (
          <a href={cancelHref} className="inline-flex h-10 items-center rounded-md px-4 text-sm font-medium text-slate-700 hover:bg-slate-200/70 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:text-slate-300 dark:hover:bg-slate-800">
            Cancel
          </a>
        ) : null}
        <Button type="submit" busy={create.isPending || create.isSuccess}>
          Create organization
        </Button>
      </div>
    </form>
  );
}
