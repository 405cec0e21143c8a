"use client";
import { useState } from "react";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { ROLES, roleAtLeast, type Role } from "@/lib/roles";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { Badge } from "@/components/ui/misc";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatDate } from "./format";
import { BoardAccessDialog } from "./board-access-dialog";
import { LoadError, LoadingRows, SettingsSection, table, tableWrap, tbody, td, th, thead } from "./section";

type Org = { id: string; slug: string; name: string; role: Role };
type Member = { userId: string; name: string; email: string; role: Role; allBoards: boolean; joinedAt: Date };

export const roleTone = (role: Role) => (role === "owner" ? "indigo" : role === "admin" ? "green" : "slate") as "indigo" | "green" | "slate";

export function MembersSettings({ org, userId }: { org: Org; userId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.members.list.queryOptions({ orgId: org.id }));
  const [removing, setRemoving] = useState<Member | null>(null);
  const [changingId, setChangingId] = useState<string | null>(null);
  const [accessFor, setAccessFor] = useState<Member | null>(null);
  const isAdmin = roleAtLeast(org.role, "admin");
  const isOwner = org.role === "owner";
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey({ orgId: org.id }) });

  const changeRole = useMutation(
    trpc.members.changeRole.mutationOptions({
      onSuccess: (m) => toast.success(`${m.name} is now ${m.role === "admin" ? "an admin" : `a ${m.role}`}`),
      onError: (err) => toast.error(errorMessage(err)),
      onSettled: () => {
        setChangingId(null);
        return invalidate();
      },
    }),
  );
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: (_, input) => {
        if (input.userId === userId) {
          toast.success(`You left ${org.name}`);
          window.location.assign("/");
          return;
        }
        toast.success(`Removed ${removing?.name ?? "the member"}`);
        setRemoving(null);
        return invalidate();
      },
      onError: (err) => {
        toast.error(errorMessage(err));
        setRemoving(null);
      },
    }),
  );

  /** Admins manage members and admins; only an owner touches the owner role (the server enforces the same). */
  const canManage = (m: Member) => isAdmin && (m.role !== "owner" || isOwner);
  // The server refuses to demote or remove the last owner; don't offer what will fail.
  const ownerCount = members.data?.filter((m) => m.role === "owner").length ?? 0;
  const isLastOwner = (m: Member) => m.role === "owner" && ownerCount <= 1;
  const roleOptions = ROLES.filter((r) => r !== "owner" || isOwner).slice().reverse();

  return (
    <>
      <SettingsSection
        title="Members"
        description={isAdmin ? "People in this organization and what they may do. An organization always keeps at least one owner." : "People in this organization. Ask an admin to change roles."}
        actions={
          isAdmin ? (
            <Link
              href={`/o/${org.slug}/settings/invitations`}
              className="inline-flex h-8 items-center rounded-md bg-indigo-600 px-3 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
            >
              Invite people
            </Link>
          ) : null
        }
      >
        {members.isPending ? (
          <LoadingRows />
        ) : members.isError ? (
          <LoadError message={errorMessage(members.error)} onRetry={() => members.refetch()} />
        ) : (
          <div className={tableWrap}>
            <table className={table}>
              <thead className={thead}>
                <tr>
                  <th className={th}>Name</th>
                  <th className={th}>Role</th>
                  <th className={th}>Joined</th>
                  {isAdmin ? (
                    <th className={th}>
                      <span className="sr-only">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className={tbody}>
                {members.data.map((m) => (
                  <tr key={m.userId}>
                    <td className={td}>
                      <div className="font-medium">
                        {m.name}
                        {m.userId === userId ? <span className="ml-1.5 text-xs font-normal text-slate-500">(you)</span> : null}
                      </div>
                      <div className="text-xs text-slate-500 dark:text-slate-400">{m.email}</div>
                    </td>
                    <td className={td}>
                      <div className="flex flex-wrap items-center gap-2">
                        {canManage(m) && !isLastOwner(m) ? (
                          <Select
                            aria-label={`Role of ${m.name}`}
                            value={m.role}
                            disabled={changingId === m.userId}
                            className="h-8! w-32! py-1!"
                            onChange={(e) => {
                              const role = e.target.value as Role;
                              setChangingId(m.userId);
                              // Optimistic: the select shows the new role at once; a refusal refetches the truth.
                              queryClient.setQueryData(trpc.members.list.queryKey({ orgId: org.id }), (old) =>
                                old?.map((x) => (x.userId === m.userId ? { ...x, role } : x)),
                              );
                              changeRole.mutate({ orgId: org.id, userId: m.userId, role });
                            }}
                          >
                            {roleOptions.map((r) => (
                              <option key={r} value={r}>
                                {r[0].toUpperCase() + r.slice(1)}
                              </option>
                            ))}
                          </Select>
                        ) : (
                          <span className="inline-flex items-center gap-2">
                            <Badge tone={roleTone(m.role)}>{m.role}</Badge>
                            {isAdmin && isLastOwner(m) ? <span className="text-xs text-slate-500 dark:text-slate-400">Last owner</span> : null}
                          </span>
                        )}
                        {m.role === "member" && !m.allBoards ? (
                          <span title="Sees only the boards granted to them">
                            <Badge tone="amber">Limited</Badge>
                          </span>
                        ) : null}
                      </div>
                    </td>
                    <td className={`${td} whitespace-nowrap text-slate-500 dark:text-slate-400`}>{formatDate(m.joinedAt)}</td>
                    {isAdmin ? (
                      <td className={`${td} whitespace-nowrap text-right`}>
                        {m.role === "member" ? (
                          <Button variant="ghost" size="sm" onClick={() => setAccessFor(m)} aria-label={`Board access for ${m.name}`}>
                            Board access
                          </Button>
                        ) : null}
                        {canManage(m) && !isLastOwner(m) ? (
                          <Button variant="ghost" size="sm" className="text-red-600! hover:bg-red-50! dark:text-red-400! dark:hover:bg-red-950/40!" onClick={() => setRemoving(m)}>
                            {m.userId === userId ? "Leave" : "Remove"}
                          </Button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </SettingsSection>
      {isAdmin ? <BoardAccessDialog orgId={org.id} member={accessFor} onClose={() => setAccessFor(null)} /> : null}
      <ConfirmDialog
        open={!!removing}
        title={removing?.userId === userId ? `Leave ${org.name}?` : `Remove ${removing?.name ?? ""}?`}
        confirmLabel={removing?.userId === userId ? "Leave organization" : "Remove member"}
        busy={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate({ orgId: org.id, userId: removing.userId })}
      >
        {removing?.userId === userId ? (
          <p>You will lose access to this organization and its boards. Your API tokens for it will be revoked.</p>
        ) : (
          <p>
            {removing?.name} ({removing?.email}) will lose access to {org.name} right away, and their API tokens for it will be revoked. You can invite them
            again later.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
