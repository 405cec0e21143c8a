"use client";
import { useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";
import { useTRPC, errorMessage } from "@/lib/trpc/client";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/misc";
import { PlusIcon } from "@/components/shell/icons";
import { LiveBadge } from "@/components/ui/live-badge";
import { GatewayDialog } from "./gateway-dialog";
import { GatewayStatusBadge } from "./gateway-status";
import { useGatewaysLive } from "./use-gateway-live";

export type Gateway = inferRouterOutputs<AppRouter>["gateways"]["list"][number];

export function GatewaysView({ org, initialGateways }: { org: { slug: string; isAdmin: boolean }; initialGateways: Gateway[] }) {
  const trpc = useTRPC();
  const gateways = useQuery(trpc.gateways.list.queryOptions({ orgId: org.slug }, { initialData: initialGateways }));
  const live = useGatewaysLive(org.slug);
  const [adding, setAdding] = useState(false);
  const list = gateways.data ?? [];

  return (
    <>
      <PageHeader
        title="Gateways"
        description="OpenClaw gateways run your agents. Mission Control keeps one live connection to each."
        actions={
          <>
            <LiveBadge status={live.status} onReconnect={live.reconnect} />
            {org.isAdmin && list.length > 0 ? (
              <Button onClick={() => setAdding(true)}>
                <PlusIcon />
                Add gateway
              </Button>
            ) : null}
          </>
        }
      />
      {gateways.isError ? (
        <p role="alert" className="mb-4 text-sm text-red-600 dark:text-red-400">
          Could not refresh gateways: {errorMessage(gateways.error)}
        </p>
      ) : null}
      {list.length === 0 ? (
        <EmptyState
          title="No gateways yet"
          action={
            org.isAdmin ? (
              <Button onClick={() => setAdding(true)}>
                <PlusIcon />
                Add a gateway
              </Button>
            ) : undefined
          }
        >
          {org.isAdmin
            ? "Add an OpenClaw gateway with its WebSocket URL and token. Mission Control connects at once and shows whether it worked."
            : "An admin adds OpenClaw gateways here. Once there is one, you can follow its status, sessions and chat."}
        </EmptyState>
      ) : (
        <Card className="overflow-hidden">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Gateways</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-900/60 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-medium">Gateway</th>
                <th scope="col" className="px-4 py-2.5 font-medium">Status</th>
                <th scope="col" className="hidden px-4 py-2.5 font-medium sm:table-cell">Version</th>
                <th scope="col" className="hidden px-4 py-2.5 text-right font-medium sm:table-cell">Agents</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {list.map((g) => (
                <tr key={g.id} className="align-top hover:bg-slate-50/70 dark:hover:bg-slate-800/30">
                  <td className="px-4 py-3">
                    <Link href={`/o/${org.slug}/gateways/${g.id}`} className="font-medium text-slate-900 hover:text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-white dark:hover:text-indigo-400">
                      {g.name}
                    </Link>
                    <p className="mt-0.5 break-all font-mono text-xs text-slate-500 dark:text-slate-400">{g.url}</p>
                    {g.lastError && g.status !== "connected" ? <p className="mt-1 max-w-xl text-xs text-red-700 dark:text-red-400">{g.lastError}</p> : null}
                  </td>
                  <td className="px-4 py-3">
                    <GatewayStatusBadge state={g.status} />
                  </td>
                  <td className="hidden px-4 py-3 tabular-nums text-slate-600 sm:table-cell dark:text-slate-300">{g.serverVersion ?? "—"}</td>
                  <td className="hidden px-4 py-3 text-right tabular-nums text-slate-600 sm:table-cell dark:text-slate-300">{g.agentCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <GatewayDialog orgId={org.slug} open={adding} onClose={() => setAdding(false)} />
    </>
  );
}
