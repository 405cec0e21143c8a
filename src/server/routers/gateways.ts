import { z } from "zod";
import { orgProcedure, router } from "../trpc";
import * as G from "@/lib/schemas/gateways";
import { OkOutput } from "@/lib/schemas/common";
import * as gateways from "../services/gateways/gateways";
import * as chat from "../services/gateways/gateway-chat";

export const gatewaysRouter = router({
  list: orgProcedure("member")
    .meta({ openapi: { method: "GET", path: "/orgs/{orgId}/gateways", tags: ["gateways"], summary: "Gateways with their live connection status (tokens are never returned)" } })
    .input(G.GatewayListInput)
    .output(z.array(G.GatewayOutput))
    .query(({ ctx }) => gateways.listGateways(ctx)),
  get: orgProcedure("member")
    .meta({ openapi: { method: "GET", path: "/orgs/{orgId}/gateways/{gatewayId}", tags: ["gateways"] } })
    .input(G.GatewayRefInput)
    .output(G.GatewayOutput)
    .query(({ ctx, input }) => gateways.getGateway(ctx, input)),
  create: orgProcedure("admin")
    .meta({ openapi: { method: "POST", path: "/orgs/{orgId}/gateways", tags: ["gateways"], summary: "Add a gateway: its token is stored encrypted and never returned; Mission Control connects at once" } })
    .input(G.GatewayCreateInput)
    .output(G.GatewayOutput)
    .mutation(({ ctx, input }) => gateways.createGateway(ctx, input)),
  update: orgProcedure("admin")
    .meta({ openapi: { method: "PATCH", path: "/orgs/{orgId}/gateways/{gatewayId}", tags: ["gateways"], summary: "Change a gateway (omit token to keep it); a new URL or token reconnects" } })
    .input(G.GatewayUpdateInput)
    .output(G.GatewayOutput)
    .mutation(({ ctx, input }) => gateways.updateGateway(ctx, input)),
  delete: orgProcedure("admin")
    .meta({ openapi: { method: "DELETE", path: "/orgs/{orgId}/gateways/{gatewayId}", tags: ["gateways"], summary: "Remove a gateway (refused while agents run on it)" } })
    .input(G.GatewayRefInput)
    .output(OkOutput)
    .mutation(({ ctx, input }) => gateways.deleteGateway(ctx, input)),
  reconnect: orgProcedure("admin")
    .meta({ openapi: { method: "POST", path: "/orgs/{orgId}/gateways/{gatewayId}/reconnect", tags: ["gateways"], summary: "Retry the connection now (after approving pairing or fixing the gateway)" } })
    .input(G.GatewayRefInput)
    .output(G.GatewayOutput)
    .mutation(({ ctx, input }) => gateways.reconnectGateway(ctx, input)),
  sessions: orgProcedure("member")
    .meta({ openapi: { method: "GET", path: "/orgs/{orgId}/gateways/{gatewayId}/sessions", tags: ["gateways"], summary: "Sessions on the gateway, optionally of one agent" } })
    .input(G.GatewaySessionsInput)
    .output(G.GatewaySessionsOutput)
    .query(({ ctx, input }) => chat.listSessions(ctx, input)),
  chatHistory: orgProcedure("member")
    .meta({ openapi: { method: "GET", path: "/orgs/{orgId}/gateways/{gatewayId}/chat", tags: ["gateways"], summary: "A session's chat history" } })
    .input(G.ChatHistoryInput)
    .output(G.ChatHistoryOutput)
    .query(({ ctx, input }) => chat.chatHistory(ctx, input)),
  sendChat: orgProcedure("member")
    .meta({ openapi: { method: "POST", path: "/orgs/{orgId}/gateways/{gatewayId}/chat", tags: ["gateways"], summary: "Send a message to a session; the reply arrives as gateway events" } })
    .input(G.SendChatInput)
    .output(G.SendChatOutput)
    .mutation(({ ctx, input }) => chat.sendChat(ctx, input)),
  /** Status changes and gateway events (chat replies) of one gateway, live over SSE. */
  events: orgProcedure("member")
    .input(G.GatewayEventsInput)
    .subscription(({ ctx, input, signal }) => chat.gatewayEvents(ctx, input, signal)),
});
