"use client";
// What tasks refer to by id — members and the board's agents (assignees, mentions), tags, custom
// fields — loaded once per board page and shared by cards, the list view and the task panel.
import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";
import { useTRPC } from "@/lib/trpc/client";

type Out = inferRouterOutputs<AppRouter>;
export type Member = Out["members"]["list"][number];
export type Tag = Out["tags"]["list"][number];
export type FieldDef = Out["customFields"]["list"][number];
export type Agent = Out["agents"]["list"][number];

export function useBoardLookups(orgId: string, boardId: string) {
  const trpc = useTRPC();
  const members = useQuery({ ...trpc.members.list.queryOptions({ orgId }), staleTime: 60_000 });
  const tags = useQuery({ ...trpc.tags.list.queryOptions({ orgId }), staleTime: 60_000 });
  const fields = useQuery({ ...trpc.customFields.list.queryOptions({ orgId, boardId }), staleTime: 60_000 });
  const me = useQuery({ ...trpc.me.get.queryOptions(), staleTime: 5 * 60_000 });
  // Only this board's agents: the server refuses an agent of another board as assignee.
  const agents = useQuery({ ...trpc.agents.list.queryOptions({ orgId, boardId }), staleTime: 60_000 });
  return useMemo(() => {
    const memberList = members.data ?? [];
    const tagList = tags.data ?? [];
    const agentList = agents.data ?? [];
    return {
      members: memberList,
      membersById: new Map(memberList.map((m) => [m.userId, m])),
      agents: agentList,
      agentsById: new Map(agentList.map((a) => [a.id, a])),
      tags: tagList,
      tagsById: new Map(tagList.map((t) => [t.id, t])),
      fields: fields.data ?? [],
      meId: me.data?.id ?? null,
    };
  }, [members.data, tags.data, fields.data, me.data, agents.data]);
}

export type BoardLookups = ReturnType<typeof useBoardLookups>;

export function initials(name: string, email?: string): string {
  const words = (name || email || "?").trim().split(/[\s._@-]+/).filter(Boolean);
  const letters = words.length >= 2 ? words[0][0] + words[1][0] : (words[0] ?? "?").slice(0, 2);
  return letters.toUpperCase();
}

/** A due date as a day (date-only, UTC: what the date picker set). */
export function formatDue(value: Date | string): string {
  const d = new Date(value);
  return d.toLocaleDateString(undefined, { month: "short", day: "numeric", year: d.getUTCFullYear() === new Date().getUTCFullYear() ? undefined : "numeric", timeZone: "UTC" });
}

export const isPast = (value: Date | string) => new Date(value).getTime() < Date.now();

export function isOverdue(task: { dueAt: Date | string | null; status: string }): boolean {
  return !!task.dueAt && task.status !== "done" && new Date(task.dueAt).getTime() < Date.now();
}

/** `YYYY-MM-DD` for an <input type="date">. */
export const dateInputValue = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString().slice(0, 10) : "");
