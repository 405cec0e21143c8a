"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import type { Role } from "@/lib/roles";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Badge } from "@/components/ui/misc";
import { SettingsSection } from "./section";

type Org = { id: string; slug: string; name: string; role: Role };

export function OrgSettings({ org, canEdit }: { org: Org; canEdit: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState(org.name);
  const [saved, setSaved] = useState(org.name);
  const rename = useMutation(
    trpc.orgs.update.mutationOptions({
      onSuccess: (updated) => {
        setSaved(updated.name);
        setName(updated.name);
        toast.success("Organization renamed");
        // The sidebar and org switcher are server-rendered: refresh them.
        router.refresh();
      },
      onError: (err) => toast.error(errorMessage(err)),
    }),
  );
  const dirty = name.trim() !== saved && name.trim().length > 0;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (dirty) rename.mutate({ orgId: org.id, name: name.trim() });
  }

  return (
    <div className="space-y-8">
      <SettingsSection title="General" description={canEdit ? "The name shown to members across Mission Control." : "Only admins and owners can rename the organization."}>
        <form onSubmit={submit} className="space-y-4 p-5">
          <Field label="Organization name">
            {(id) => <Input id={id} value={name} onChange={(e) => setName(e.target.value)} readOnly={!canEdit} maxLength={120} required className="max-w-md" />}
          </Field>
          <Field
            label="URL slug"
            hint={
              <>
                Used in links and the API (<code className="font-mono">orgId</code> accepts the slug). It cannot be changed.
              </>
            }
          >
            {(id) => <Input id={id} value={org.slug} readOnly className="max-w-md font-mono text-slate-500" />}
          </Field>
          <div className="flex items-center gap-3 text-sm text-slate-500 dark:text-slate-400">
            Your role: <Badge tone={org.role === "member" ? "slate" : "indigo"}>{org.role}</Badge>
          </div>
          {canEdit ? (
            <div className="flex justify-end gap-2 border-t border-slate-100 pt-4 dark:border-slate-800">
              <Button variant="ghost" disabled={!dirty || rename.isPending} onClick={() => setName(saved)}>
                Reset
              </Button>
              <Button type="submit" disabled={!dirty} busy={rename.isPending}>
                Save
              </Button>
            </div>
          ) : null}
        </form>
      </SettingsSection>
    </div>
  );
}
