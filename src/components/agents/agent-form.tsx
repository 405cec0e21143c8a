"use client";
import { useState } from "react";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

export const DEFAULT_SOUL = `# Soul

You are {{name}}, a {{role}} agent on the "{{board}}" board in Mission Control.
Work carefully, say what you did, and ask for approval before anything risky.
`;
export const DEFAULT_IDENTITY = `# Identity

- Name: {{name}}
- Role: {{role}}
- Board: {{board}}
`;

export type AgentFormValues = { name: string; boardId: string; role: "lead" | "worker"; gatewayId: string; soulTemplate: string; identityTemplate: string; heartbeatIntervalSec: number };
type Option = { id: string; name: string };

export function AgentForm({
  initial,
  boards,
  gateways,
  editing,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  initial?: Partial<AgentFormValues>;
  boards: Option[];
  gateways: Option[];
  editing?: boolean;
  busy: boolean;
  error: string | null;
  onSubmit: (v: AgentFormValues) => void;
  onCancel: () => void;
}) {
  const [v, setV] = useState<AgentFormValues>({
    name: initial?.name ?? "",
    boardId: initial?.boardId ?? boards[0]?.id ?? "",
    role: initial?.role ?? "worker",
    gatewayId: initial?.gatewayId ?? gateways[0]?.id ?? "",
    soulTemplate: initial?.soulTemplate || DEFAULT_SOUL,
    identityTemplate: initial?.identityTemplate || DEFAULT_IDENTITY,
    heartbeatIntervalSec: initial?.heartbeatIntervalSec ?? 300,
  });
  const set = <K extends keyof AgentFormValues>(k: K, value: AgentFormValues[K]) => setV((p) => ({ ...p, [k]: value }));
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(v);
      }}
    >
      <Field label="Name">{(id) => <Input id={id} value={v.name} onChange={(e) => set("name", e.target.value)} required maxLength={120} autoFocus placeholder="e.g. Release scout" />}</Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Board">
          {(id) => (
            <Select id={id} value={v.boardId} onChange={(e) => set("boardId", e.target.value)} required>
              {boards.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Role" hint="A lead agent becomes the board's lead (it alone may change status when the board says so).">
          {(id) => (
            <Select id={id} value={v.role} onChange={(e) => set("role", e.target.value as "lead" | "worker")}>
              <option value="worker">Worker</option>
              <option value="lead">Lead</option>
            </Select>
          )}
        </Field>
        <Field label="Gateway" hint={editing ? "An agent stays on the gateway it was provisioned on." : undefined}>
          {(id) => (
            <Select id={id} value={v.gatewayId} onChange={(e) => set("gatewayId", e.target.value)} required disabled={editing}>
              {gateways.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Heartbeat interval (seconds)" hint="Offline after two missed intervals.">
          {(id) => <Input id={id} type="number" min={30} max={86400} value={v.heartbeatIntervalSec} onChange={(e) => set("heartbeatIntervalSec", Number(e.target.value))} required />}
        </Field>
      </div>
      <Field label="SOUL.md template" hint="Placeholders: {{name}}, {{role}}, {{board}}.">
        {(id) => <Textarea id={id} value={v.soulTemplate} onChange={(e) => set("soulTemplate", e.target.value)} rows={5} className="font-mono text-xs" />}
      </Field>
      <Field label="IDENTITY.md template">{(id) => <Textarea id={id} value={v.identityTemplate} onChange={(e) => set("identityTemplate", e.target.value)} rows={4} className="font-mono text-xs" />}</Field>
      {error ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" busy={busy}>
          {editing ? "Save" : "Create and provision"}
        </Button>
      </div>
    </form>
  );
}
