"use client";
// Add a gateway, or edit one. The token is write-only: the form never shows the stored one;
// when editing, leaving it empty keeps it.
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { TRPCClientError } from "@trpc/client";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

export type GatewayFormValues = { id: string; name: string; url: string; workspaceRoot: string; allowInsecureTls: boolean };

export function GatewayDialog({ orgId, gateway, open, onClose, onSaved }: { orgId: string; gateway?: GatewayFormValues; open: boolean; onClose: () => void; onSaved?: (id: string) => void }) {
  return (
    <Dialog open={open} onClose={onClose} title={gateway ? `Edit ${gateway.name}` : "Add a gateway"}>
      {open ? <GatewayForm key={gateway?.id ?? "new"} orgId={orgId} gateway={gateway} onClose={onClose} onSaved={onSaved} /> : null}
    </Dialog>
  );
}

type Errors = Partial<Record<"name" | "url" | "token" | "workspaceRoot" | "form", string>>;

/** Same rule as the server (GatewayUrl): ws:// or wss:// with a host. */
function urlProblem(value: string): string | null {
  const v = value.trim();
  if (!v) return "Enter the gateway's WebSocket URL";
  try {
    const u = new URL(v);
    if (u.protocol !== "ws:" && u.protocol !== "wss:") return `Use ws:// or wss:// (not ${u.protocol}//)`;
    if (!u.hostname) return "The URL needs a host";
  } catch {
    return "Not a URL: use ws://host:port or wss://host";
  }
  return null;
}

function GatewayForm({ orgId, gateway, onClose, onSaved }: { orgId: string; gateway?: GatewayFormValues; onClose: () => void; onSaved?: (id: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(gateway?.name ?? "");
  const [url, setUrl] = useState(gateway?.url ?? "");
  const [token, setToken] = useState("");
  const [workspaceRoot, setWorkspaceRoot] = useState(gateway?.workspaceRoot ?? "");
  const [allowInsecureTls, setAllowInsecureTls] = useState(gateway?.allowInsecureTls ?? false);
  const [errors, setErrors] = useState<Errors>({});
  const onError = (e: unknown) => {
    const fields = e instanceof TRPCClientError ? (e.data?.fieldErrors as Record<string, string[]> | null) : null;
    if (fields && Object.keys(fields).length) setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v[0]])));
    else setErrors({ form: errorMessage(e) });
  };
  const done = (g: { id: string; name: string }, verb: string) => {
    toast.success(`${verb} ${g.name}`);
    void queryClient.invalidateQueries({ queryKey: trpc.gateways.pathKey() });
    onSaved?.(g.id);
    onClose();
  };
  const create = useMutation(trpc.gateways.create.mutationOptions({ onSuccess: (g) => done(g, "Added"), onError }));
  const update = useMutation(trpc.gateways.update.mutationOptions({ onSuccess: (g) => done(g, "Saved"), onError }));
  const busy = create.isPending || update.isPending;
  const secure = url.trim().startsWith("wss://");

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const next: Errors = {};
        if (!name.trim()) next.name = "Give the gateway a name";
        const problem = urlProblem(url);
        if (problem) next.url = problem;
        if (!gateway && !token) next.token = "Paste the gateway's token";
        setErrors(next);
        if (Object.keys(next).length) return;
        const common = { orgId, name: name.trim(), url: url.trim(), workspaceRoot: workspaceRoot.trim(), allowInsecureTls: secure && allowInsecureTls };
        if (gateway) update.mutate({ ...common, gatewayId: gateway.id, ...(token ? { token } : {}) });
        else create.mutate({ ...common, token });
      }}
    >
      <Field label="Name" error={errors.name}>
        {(id) => <Input id={id} value={name} onChange={(e) => setName(e.target.value)} maxLength={120} autoFocus placeholder="e.g. Office OpenClaw" />}
      </Field>
      <Field label="WebSocket URL" error={errors.url} hint="ws://host:port, or wss://host for TLS. A local gateway listens on ws://127.0.0.1:18789 by default.">
        {(id) => <Input id={id} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="ws://127.0.0.1:18789" inputMode="url" autoComplete="off" spellCheck={false} />}
      </Field>
      <Field
        label="Token"
        error={errors.token}
        hint={gateway ? "Write-only. Leave empty to keep the stored token." : "The gateway's gateway.auth.token (or OPENCLAW_GATEWAY_TOKEN). Stored encrypted; never shown again."}
      >
        {(id) => (
          <Input id={id} type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="new-password" placeholder={gateway ? "•••••••• (unchanged)" : ""} spellCheck={false} />
        )}
      </Field>
      <Field label="Workspace root" error={errors.workspaceRoot} hint="Optional. Where agent workspaces live on the gateway host, e.g. /srv/openclaw/workspaces.">
        {(id) => <Input id={id} value={workspaceRoot} onChange={(e) => setWorkspaceRoot(e.target.value)} maxLength={1000} spellCheck={false} />}
      </Field>
      <label className="flex items-start gap-2.5 text-sm">
        <input
          type="checkbox"
          className="mt-0.5 size-4 rounded border-slate-300 text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:opacity-50"
          checked={secure && allowInsecureTls}
          disabled={!secure}
          onChange={(e) => setAllowInsecureTls(e.target.checked)}
        />
        <span>
          <span className="font-medium">Accept a self-signed certificate</span>
          <span className="block text-xs text-slate-500 dark:text-slate-400">
            {secure ? "Only for a gateway you control: the connection is encrypted but the server's identity is not verified." : "Applies to wss:// URLs only."}
          </span>
        </span>
      </label>
      {errors.form ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {errors.form}
        </p>
      ) : null}
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" busy={busy}>
          {gateway ? "Save" : "Add gateway"}
        </Button>
      </div>
    </form>
  );
}
