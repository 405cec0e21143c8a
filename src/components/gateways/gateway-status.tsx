"use client";
// A gateway's connection state in plain words: a badge for lists, and an explanation with the
// next step for the detail page (how to fix a token, approve pairing, or upgrade).
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import type { GatewayStateName } from "@/lib/schemas/gateways";
import { CopyButton } from "@/components/ui/copy-button";

const LOOK: Record<GatewayStateName, { label: string; dot: string; tone: string }> = {
  connected: { label: "Connected", dot: "bg-emerald-500", tone: "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950/50 dark:text-emerald-300 dark:ring-emerald-900" },
  connecting: { label: "Connecting…", dot: "bg-amber-500 animate-pulse", tone: "bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950/50 dark:text-amber-300 dark:ring-amber-900" },
  reconnecting: { label: "Reconnecting…", dot: "bg-amber-500 animate-pulse", tone: "bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950/50 dark:text-amber-300 dark:ring-amber-900" },
  unauthorized: { label: "Unauthorized", dot: "bg-red-500", tone: "bg-red-50 text-red-700 ring-red-200 dark:bg-red-950/50 dark:text-red-300 dark:ring-red-900" },
  pairing_required: { label: "Pairing required", dot: "bg-indigo-500", tone: "bg-indigo-50 text-indigo-700 ring-indigo-200 dark:bg-indigo-950/50 dark:text-indigo-300 dark:ring-indigo-900" },
  incompatible: { label: "Incompatible version", dot: "bg-red-500", tone: "bg-red-50 text-red-700 ring-red-200 dark:bg-red-950/50 dark:text-red-300 dark:ring-red-900" },
  closed: { label: "Disconnected", dot: "bg-slate-400", tone: "bg-slate-100 text-slate-700 ring-slate-200 dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-700" },
};

export function GatewayStatusBadge({ state }: { state: GatewayStateName }) {
  const look = LOOK[state] ?? LOOK.connecting;
  return (
    <span className={cn("inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", look.tone)}>
      <span className={cn("size-1.5 rounded-full", look.dot)} aria-hidden />
      {look.label}
    </span>
  );
}

type StatusInput = { name: string; status: GatewayStateName; lastError: string | null; pairingRequestId: string | null; serverVersion: string | null; minVersion: string; deviceId: string | null };

/** What the state means and what to do about it. */
export function GatewayStatusExplanation({ gateway, isAdmin }: { gateway: StatusInput; isAdmin: boolean }) {
  const g = gateway;
  let title: string;
  let body: ReactNode;
  switch (g.status) {
    case "connected":
      title = "Connected";
      body = <>Mission Control holds a live connection to this gateway{g.serverVersion ? <> (OpenClaw {g.serverVersion})</> : null}. Agents, sessions and chat work.</>;
      break;
    case "connecting":
      title = "Connecting";
      body = <>Mission Control is opening the connection and completing the handshake.</>;
      break;
    case "reconnecting":
      title = "Reconnecting";
      body = <>The connection dropped; Mission Control retries by itself with growing pauses. Nothing to do unless it stays here — then check that the gateway is running and reachable at its URL.</>;
      break;
    case "unauthorized":
      title = "The gateway refused Mission Control's credentials";
      body = isAdmin ? (
        <>The token was refused. Edit this gateway and paste the gateway&apos;s current token (its <code>gateway.auth.token</code> or <code>OPENCLAW_GATEWAY_TOKEN</code>); Mission Control reconnects as soon as you save.</>
      ) : (
        <>The token was refused. Ask an admin of this organization to update the gateway token.</>
      );
      break;
    case "pairing_required":
      title = "Waiting for the gateway to approve this device";
      body = <PairingSteps requestId={g.pairingRequestId} deviceId={g.deviceId} />;
      break;
    case "incompatible":
      title = "Incompatible gateway";
      body = (
        <>
          Mission Control needs OpenClaw <strong>{g.minVersion}</strong> or newer (gateway protocol 4){g.serverVersion ? <>; this gateway runs {g.serverVersion}</> : null}. Upgrade the gateway (
          <code>openclaw update</code>), then press Reconnect.
        </>
      );
      break;
    default:
      title = "Disconnected";
      body = <>Mission Control holds no connection to this gateway right now. Press Reconnect to try again.</>;
  }
  const problem = g.status !== "connected" && g.status !== "connecting";
  return (
    <div
      role={problem ? "alert" : "status"}
      className={cn(
        "rounded-lg border p-4 text-sm",
        problem ? "border-amber-200 bg-amber-50/60 dark:border-amber-900 dark:bg-amber-950/30" : "border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/60",
      )}
    >
      <div className="flex flex-wrap items-center gap-2">
        <GatewayStatusBadge state={g.status} />
        <p className="font-medium">{title}</p>
      </div>
      <div className="mt-2 space-y-2 text-slate-600 dark:text-slate-300">{body}</div>
      {g.lastError && g.status !== "connected" ? (
        <p className="mt-3 border-t border-slate-200 pt-3 text-slate-700 dark:border-slate-800 dark:text-slate-200">
          <span className="font-medium">Last error: </span>
          {g.lastError}
        </p>
      ) : null}
    </div>
  );
}

function PairingSteps({ requestId, deviceId }: { requestId: string | null; deviceId: string | null }) {
  const command = requestId ? `openclaw devices approve ${requestId}` : "openclaw devices list";
  return (
    <>
      <p>This gateway admits new devices only after an admin approves them. Mission Control asked to pair{requestId ? <> (request <code>{requestId}</code>)</> : null}; approve it in one of these ways:</p>
      <ol className="list-decimal space-y-1 pl-5">
        <li>
          On the gateway host, run{" "}
          <span className="inline-flex items-center gap-1">
            <code className="rounded bg-slate-200/70 px-1.5 py-0.5 dark:bg-slate-800">{command}</code>
            <CopyButton value={command} label="Copy command" />
          </span>
          {requestId ? null : <> and then <code>openclaw devices approve &lt;requestId&gt;</code> for Mission Control&apos;s request</>}.
        </li>
        <li>
          Or, from a client already paired as admin, call <code>device.pair.approve</code> with {requestId ? <>requestId <code>{requestId}</code></> : "the request id"}.
        </li>
      </ol>
      {deviceId ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Mission Control&apos;s device id: <code className="break-all">{deviceId}</code>
        </p>
      ) : null}
      <p>Mission Control checks again every few seconds; after approving you can also press Reconnect.</p>
    </>
  );
}
