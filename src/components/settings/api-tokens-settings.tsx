"use client";
import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { ROLES, roleAtLeast, type Role } from "@/lib/roles";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Badge, EmptyState } from "@/components/ui/misc";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyField } from "@/components/ui/copy-button";
import { formatDateTime, formatRelative } from "./format";
import { roleTone } from "./members-settings";
import { SecretReveal } from "./secret-reveal";
import { LoadError, LoadingRows, SettingsSection, table, tableWrap, tbody, td, th, thead } from "./section";

type Org = { id: string; slug: string; name: string; role: Role };
type Token = { id: string; name: string; role: Role; prefix: string; createdBy: string; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null; createdAt: Date };

function state(t: Token): { label: string; tone: "green" | "slate" | "amber" } {
  if (t.revokedAt) return { label: "Revoked", tone: "slate" };
  if (t.expiresAt && t.expiresAt.getTime() < Date.now()) return { label: "Expired", tone: "amber" };
  return { label: "Active", tone: "green" };
}

export function ApiTokensSettings({ org }: { org: Org }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.apiTokens.list.queryOptions({ orgId: org.id }));
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("member");
  const [days, setDays] = useState("");
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<Token | null>(null);
  const [origin, setOrigin] = useState("");
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.apiTokens.list.queryKey({ orgId: org.id }) });

  const create = useMutation(
    trpc.apiTokens.create.mutationOptions({
      onSuccess: (t) => {
        setOrigin(window.location.origin);
        setCreated({ name: t.name, token: t.token });
        setName("");
        setDays("");
        toast.success(`Token "${t.name}" created`);
        return invalidate();
      },
      onError: (err) => toast.error(errorMessage(err)),
    }),
  );
  const revoke = useMutation(
    trpc.apiTokens.revoke.mutationOptions({
      onSuccess: (t) => {
        toast.success(`Token "${t.name}" revoked`);
        setRevoking(null);
        return invalidate();
      },
      onError: (err) => {
        toast.error(errorMessage(err));
        setRevoking(null);
      },
    }),
  );

  const daysNumber = days.trim() ? Number(days) : undefined;
  const daysError = daysNumber !== undefined && !(Number.isInteger(daysNumber) && daysNumber >= 1 && daysNumber <= 3650) ? "A whole number of days, 1 to 3650" : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (daysError) return;
    create.mutate({ orgId: org.id, name, role, ...(daysNumber ? { expiresInDays: daysNumber } : {}) });
  }

  // A token never holds more rights than the person creating it.
  const roleOptions = ROLES.filter((r) => roleAtLeast(org.role, r));
  const tokens = list.data ?? [];

  return (
    <div className="space-y-8">
      <SettingsSection
        title="Create an API token"
        description={
          <>
            For scripts and integrations calling the REST API. The token acts as you in {org.name}, limited to the role you pick. See the{" "}
            <a href="/api/docs" target="_blank" rel="noopener" className="font-medium text-indigo-600 underline-offset-4 hover:underline dark:text-indigo-400">
              API reference
            </a>
            .
          </>
        }
      >
        <form onSubmit={submit} className="grid gap-4 p-5 sm:grid-cols-[1fr_9rem_9rem_auto] sm:items-start">
          <Field label="Name" hint="What uses it, e.g. “CI deploy bot”.">
            {(id) => <Input id={id} required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label="Role">
            {(id) => (
              <Select id={id} value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {roleOptions.map((r) => (
                  <option key={r} value={r}>
                    {r[0].toUpperCase() + r.slice(1)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Expires in (days)" error={daysError} hint="Optional.">
            {(id) => <Input id={id} inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} placeholder="Never" />}
          </Field>
          <Button type="submit" busy={create.isPending} className="sm:mt-[1.625rem]">
            Create token
          </Button>
        </form>
        {created ? (
          <div className="border-t border-slate-100 p-5 dark:border-slate-800">
            <SecretReveal title={`Token "${created.name}"`} label="API token" value={created.token} onDone={() => setCreated(null)}>
              <div className="space-y-1.5 pt-1">
                <p className="text-sm text-slate-600 dark:text-slate-300">Try it:</p>
                <CopyField label="Example request" value={`curl -H "Authorization: Bearer ${created.token}" ${origin}/api/v1/orgs`} />
              </div>
            </SecretReveal>
          </div>
        ) : null}
      </SettingsSection>

      <SettingsSection title="API tokens" description="Tokens for this organization. Revoke one as soon as it is no longer needed or may have leaked.">
        {list.isPending ? (
          <LoadingRows />
        ) : list.isError ? (
          <LoadError message={errorMessage(list.error)} onRetry={() => list.refetch()} />
        ) : tokens.length === 0 ? (
          <div className="p-4">
            <EmptyState title="No API tokens yet">Create a token above to call the REST API from scripts, CI or other tools.</EmptyState>
          </div>
        ) : (
          <div className={tableWrap}>
            <table className={table}>
              <thead className={thead}>
                <tr>
                  <th className={th}>Name</th>
                  <th className={th}>Role</th>
                  <th className={th}>Created by</th>
                  <th className={th}>Last used</th>
                  <th className={th}>Expires</th>
                  <th className={th}>Status</th>
                  <th className={th}>
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className={tbody}>
                {tokens.map((t) => {
                  const s = state(t);
                  return (
                    <tr key={t.id} className={s.label === "Active" ? undefined : "text-slate-500 dark:text-slate-400"}>
                      <td className={td}>
                        <div className="font-medium">{t.name}</div>
                        <div className="font-mono text-xs text-slate-500 dark:text-slate-400">{t.prefix}…</div>
                      </td>
                      <td className={td}>
                        <Badge tone={roleTone(t.role)}>{t.role}</Badge>
                      </td>
                      <td className={`${td} max-w-48 truncate`} title={`Created ${formatDateTime(t.createdAt)}`}>
                        {t.createdBy}
                      </td>
                      <td className={`${td} whitespace-nowrap`} title={t.lastUsedAt ? formatDateTime(t.lastUsedAt) : undefined}>
                        {t.lastUsedAt ? formatRelative(t.lastUsedAt) : "Never"}
                      </td>
                      <td className={`${td} whitespace-nowrap`} title={t.expiresAt ? formatDateTime(t.expiresAt) : undefined}>
                        {t.expiresAt ? formatRelative(t.expiresAt) : "Never"}
                      </td>
                      <td className={td}>
                        <Badge tone={s.tone}>{s.label}</Badge>
                      </td>
                      <td className={`${td} text-right`}>
                        {s.label !== "Revoked" ? (
                          <Button variant="ghost" size="sm" className="text-red-600! hover:bg-red-50! dark:text-red-400! dark:hover:bg-red-950/40!" onClick={() => setRevoking(t)}>
                            Revoke
                          </Button>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </SettingsSection>

      <ConfirmDialog
        open={!!revoking}
        title={`Revoke "${revoking?.name ?? ""}"?`}
        confirmLabel="Revoke token"
        busy={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate({ orgId: org.id, tokenId: revoking.id })}
      >
        <p>
          Requests using <code className="font-mono text-xs">{revoking?.prefix}…</code> will be refused from now on. This cannot be undone; create a new token if
          you need access again.
        </p>
      </ConfirmDialog>
    </div>
  );
}
