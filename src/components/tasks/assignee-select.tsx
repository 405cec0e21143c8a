"use client";
// One picker for both kinds of assignee: members of the organization and the board's agents.
// Option values carry the kind ("user:<id>", "agent:<id>") because the task stores them in
// separate columns and the server wants exactly one set.
import type { SelectHTMLAttributes } from "react";
import type { Agent, Member } from "./board-lookups";

export type AssigneeValue = { assigneeUserId: string | null; assigneeAgentId: string | null };

export const assigneeKey = (a: { assigneeUserId: string | null; assigneeAgentId: string | null }) =>
  a.assigneeAgentId ? `agent:${a.assigneeAgentId}` : a.assigneeUserId ? `user:${a.assigneeUserId}` : "";

export function parseAssignee(key: string): AssigneeValue {
  if (key.startsWith("agent:")) return { assigneeUserId: null, assigneeAgentId: key.slice(6) };
  if (key.startsWith("user:")) return { assigneeUserId: key.slice(5), assigneeAgentId: null };
  return { assigneeUserId: null, assigneeAgentId: null };
}

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange"> & {
  value: AssigneeValue;
  members: Member[];
  agents: Agent[];
  onChange: (value: AssigneeValue) => void;
};

export function AssigneeSelect({ value, members, agents, onChange, ...rest }: Props) {
  return (
    <select {...rest} value={assigneeKey(value)} onChange={(e) => onChange(parseAssignee(e.target.value))}>
      <AssigneeOptions value={value} members={members} agents={agents} />
    </select>
  );
}

/** The options alone, for forms that bring their own styled <Select>. */
export function AssigneeOptions({ value, members, agents }: { value: AssigneeValue; members: Member[]; agents: Agent[] }) {
  const key = assigneeKey(value);
  const knownMember = !value.assigneeUserId || members.some((m) => m.userId === value.assigneeUserId);
  const knownAgent = !value.assigneeAgentId || agents.some((a) => a.id === value.assigneeAgentId);
  const people = members.map((m) => (
    <option key={m.userId} value={`user:${m.userId}`}>
      {m.name || m.email}
    </option>
  ));
  return (
    <>
      <option value="">Unassigned</option>
      {!knownMember ? <option value={key}>Former member</option> : null}
      {!knownAgent ? <option value={key}>An agent not on this board</option> : null}
      {agents.length ? <optgroup label="People">{people}</optgroup> : people}
      {agents.length ? (
        <optgroup label="Agents">
          {agents.map((a) => (
            <option key={a.id} value={`agent:${a.id}`}>
              {a.name} (agent)
            </option>
          ))}
        </optgroup>
      ) : null}
    </>
  );
}
