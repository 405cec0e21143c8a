"use client";
import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import type { Role } from "@/lib/roles";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Badge, EmptyState } from "@/components/ui/misc";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatDateTime, formatRelative } from "./format";
import { roleTone } from "./members-settings";
import { SecretReveal } from "./secret-reveal";
import { LoadError, LoadingRows, SettingsSection, table, tableWrap, tbody, td, th, thead } from "./section";

type Org = { id: string; slug: string; name: string; role: Role };
type Invitation = { id: string; role: Role; email: string | null; expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null; createdAt: Date };

const EXPIRY_CHOICES = [
  { hours: 24, label: "1 day" },
  { hours: 72, label: "3 days" },
  { hours: 168, label: "7 days" },
  { hours: 720, label: "30 days" },
];

function status(i: Invitation): { label: string; tone: "indigo" | "green" | "slate" | "amber" } {
  if (i.acceptedAt) return { label: "Accepted", tone: "green" };
  if (i.revokedAt) return { label: "Revoked", tone: "slate" };
  if (i.expiresAt.getTime() < Date.now()) return { label: "Expired", tone: "amber" };
  return { label: "Pending", tone: "indigo" };
}

export function InvitationsSettings({ org }: { org: Org }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.invitations.list.queryOptions({ orgId: org.id }));
  const [role, setRole] = useState<Role>("member");
  const [email, setEmail] = useState("");
  const [hours, setHours] = useState(72);
  const [created, setCreated] = useState<{ url: string; role: Role; email: string | null } | null>(null);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.invitations.list.queryKey({ orgId: org.id }) });

  const create = useMutation(
    trpc.invitations.create.mutationOptions({
      onSuccess: (inv) => {
        setCreated({ url: `${window.location.origin}/invite/${inv.token}`, role: inv.role, email: inv.email });
        setEmail("");
        toast.success("Invite link created");
        return invalidate();
      },
      onError: (err) => toast.error(errorMessage(err)),
    }),
  );
  const revoke = useMutation(
    trpc.invitations.revoke.mutationOptions({
      onSuccess: () => {
        toast.success("Invitation revoked: the link no longer works");
        setRevoking(null);
        return invalidate();
      },
      onError: (err) => {
        toast.error(errorMessage(err));
        setRevoking(null);
      },
    }),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ orgId: org.id, role, expiresInHours: hours, ...(email.trim() ? { email: email.trim() } : {}) });
  }

  return (
    <div className="space-y-8">
      <SettingsSection title="Invite people" description="Create a link and send it yourself (Mission Control does not send email). Anyone with the link can join until it expires or is used.">
        <form onSubmit={submit} className="grid gap-4 p-5 sm:grid-cols-[10rem_1fr_10rem_auto] sm:items-end">
          <Field label="Role">
            {(id) => (
              <Select id={id} value={role} onChange={(e) => setRole(e.target.value as Role)}>
                <option value="member">Member</option>
                <option value="admin">Admin</option>
                {org.role === "owner" ? <option value="owner">Owner</option> : null}
              </Select>
            )}
          </Field>
          <Field label="Email (optional)">
            {(id) => <Input id={id} type="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder="Only this address may use the link" />}
          </Field>
          <Field label="Expires after">
            {(id) => (
              <Select id={id} value={hours} onChange={(e) => setHours(Number(e.target.value))}>
                {EXPIRY_CHOICES.map((c) => (
                  <option key={c.hours} value={c.hours}>
                    {c.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Button type="submit" busy={create.isPending}>
            Create invite link
          </Button>
        </form>
        {created ? (
          <div className="border-t border-slate-100 p-5 dark:border-slate-800">
            <SecretReveal title={`Invite link for ${created.email ?? `a new ${created.role}`}`} label="Invite link" value={created.url} onDone={() => setCreated(null)} />
          </div>
        ) : null}
      </SettingsSection>

      <SettingsSection title="Invitations" description="Links created for this organization, newest first.">
        {list.isPending ? (
          <LoadingRows />
        ) : list.isError ? (
          <LoadError message={errorMessage(list.error)} onRetry={() => list.refetch()} />
        ) : list.data.length === 0 ? (
          <div className="p-4">
            <EmptyState title="No invitations yet">Create an invite link above and send it to a teammate; it shows up here with its status.</EmptyState>
          </div>
        ) : (
          <div className={tableWrap}>
            <table className={table}>
              <thead className={thead}>
                <tr>
                  <th className={th}>For</th>
                  <th className={th}>Role</th>
                  <th className={th}>Status</th>
                  <th className={th}>Created</th>
                  <th className={th}>Expires</th>
                  <th className={th}>
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className={tbody}>
                {list.data.map((inv) => {
                  const s = status(inv);
                  return (
                    <tr key={inv.id}>
                      <td className={td}>{inv.email ?? <span className="text-slate-500 dark:text-slate-400">Anyone with the link</span>}</td>
                      <td className={td}>
                        <Badge tone={roleTone(inv.role)}>{inv.role}</Badge>
                      </td>
                      <td className={td}>
                        <Badge tone={s.tone}>{s.label}</Badge>
                      </td>
                      <td className={`${td} whitespace-nowrap text-slate-500 dark:text-slate-400`} title={formatDateTime(inv.createdAt)}>
                        {formatRelative(inv.createdAt)}
                      </td>
                      <td className={`${td} whitespace-nowrap text-slate-500 dark:text-slate-400`} title={formatDateTime(inv.expiresAt)}>
                        {s.label === "Pending" || s.label === "Expired" ? formatRelative(inv.expiresAt) : "—"}
                      </td>
                      <td className={`${td} text-right`}>
                        {s.label === "Pending" ? (
                          <Button variant="ghost" size="sm" className="text-red-600! hover:bg-red-50! dark:text-red-400! dark:hover:bg-red-950/40!" onClick={() => setRevoking(inv)}>
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
        title="Revoke this invitation?"
        confirmLabel="Revoke link"
        busy={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate({ orgId: org.id, invitationId: revoking.id })}
      >
        <p>
          The link for {revoking?.email ?? "anyone with the link"} ({revoking?.role}) stops working immediately. People who already joined keep their access.
        </p>
      </ConfirmDialog>
    </div>
  );
}
