// A small OpenAI-compatible model server on 127.0.0.1 for gateway tests. The gateway calls it
// over real HTTP like any custom provider (`api: "openai-completions"`), so a `chat.send` runs
// a full agent turn without an LLM key or internet. Every reply is canned:
//   "MC-CANNED: <last user message text>"
// Serves GET /v1/models and POST /v1/chat/completions (plain JSON, or SSE chunks with stream:true).
// A last user line `call tool <name> <json args>` makes it answer with a real tool call; once the
// tool's result comes back it replies "MC-CANNED: tool <name> said: <result>".
import http from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_MODEL_ID = "mc-canned-1";
export const CANNED_PREFIX = "MC-CANNED:";

export interface FakeLlmRequest {
  at: Date;
  path: string;
  stream: boolean;
  model: string | null;
  /** The whole last user message as the gateway sent it (envelope included). */
  userText: string;
  /** Every user message's text, oldest first, internal-context blocks removed. */
  userMessages: string[];
  /** The system prompt the gateway built for the turn (AGENTS.md, skills, … end up here). */
  systemText: string;
  /** Names of the tools the gateway offered. */
  tools: string[];
  reply: string;
  toolCall: { name: string; arguments: string } | null;
}

export interface FakeLlm {
  /** Base URL for the provider config, ending in /v1. */
  baseUrl: string;
  port: number;
  modelId: string;
  /** Chat completion requests received, oldest first. */
  requests: FakeLlmRequest[];
  close(): Promise<void>;
}

type ContentPart = { type?: string; text?: string };
type ChatMessage = { role?: string; content?: string | ContentPart[] | null; tool_call_id?: string; name?: string };

function textOf(content: ChatMessage["content"]): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((p) => (typeof p?.text === "string" ? p.text : "")).join("");
  return "";
}

/** The gateway adds its own user messages of internal context; they are not the operator's words. */
const INTERNAL_CONTEXT = /<<<BEGIN_OPENCLAW_INTERNAL_CONTEXT>>>[\s\S]*?<<<END_OPENCLAW_INTERNAL_CONTEXT>>>/g;

/**
 * Replies to the operator's last message: the last user message that still has text once the
 * gateway's internal-context blocks are removed. The gateway shapes it as
 * "[Wed 2026-11-25 14:05 UTC] <operator text>\n\nRuntime: …", so the reply echoes the first
 * paragraph without the timestamp.
 */
export function cannedReply(messages: ChatMessage[]): { userText: string; reply: string; toolCall: { name: string; arguments: string } | null } {
  let full = "";
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]?.role !== "user") continue;
    full = textOf(messages[i].content).replace(INTERNAL_CONTEXT, "").trim();
    if (full) break;
  }
  const operatorText = operatorTextOf(full);
  const call = /^call tool (\S+) (\{.*\})$/.exec(operatorText);
  // After a tool call, the tool's result is the newest message (the gateway may append context after it).
  const lastAssistant = messages.map((m) => m?.role).lastIndexOf("assistant");
  const toolResult = messages.slice(lastAssistant + 1).find((m) => m?.role === "tool");
  if (call && toolResult) {
    return { userText: full, reply: `${CANNED_PREFIX} tool ${call[1]} said: ${textOf(toolResult.content).trim()}`, toolCall: null };
  }
  if (call) return { userText: full, reply: "", toolCall: { name: call[1], arguments: call[2] } };
  return { userText: full, reply: `${CANNED_PREFIX} ${operatorText}`, toolCall: null };
}

export function operatorTextOf(userText: string): string {
  const firstParagraph = userText.split(/\r?\n\s*\r?\n/)[0] ?? "";
  return firstParagraph
    .replace(/^\[[^\]]*\]\s*/, "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join(" ");
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(data) });
  res.end(data);
}

export async function startFakeLlm(opts: { port?: number; modelId?: string } = {}): Promise<FakeLlm> {
  const modelId = opts.modelId ?? FAKE_MODEL_ID;
  const requests: FakeLlmRequest[] = [];
  let counter = 0;

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      if (req.method === "GET" && (url.pathname === "/v1/models" || url.pathname === "/models")) {
        sendJson(res, 200, { object: "list", data: [{ id: modelId, object: "model", created: 0, owned_by: "mission-control" }] });
        return;
      }
      if (req.method === "POST" && (url.pathname === "/v1/chat/completions" || url.pathname === "/chat/completions")) {
        const raw = await readBody(req);
        let body: {
          model?: string;
          stream?: boolean;
          messages?: ChatMessage[];
          tools?: { function?: { name?: string } }[];
          stream_options?: { include_usage?: boolean };
        };
        try {
          body = JSON.parse(raw) as typeof body;
        } catch {
          sendJson(res, 400, { error: { message: "invalid JSON body", type: "invalid_request_error" } });
          return;
        }
        const messages = Array.isArray(body.messages) ? body.messages : [];
        const { userText, reply, toolCall } = cannedReply(messages);
        const stream = body.stream === true;
        const systemText = messages
          .filter((m) => m?.role === "system" || m?.role === "developer")
          .map((m) => textOf(m.content))
          .join("\n");
        const tools = (body.tools ?? []).map((t) => t.function?.name ?? "").filter(Boolean);
        const userMessages = messages.filter((m) => m?.role === "user").map((m) => textOf(m.content).replace(INTERNAL_CONTEXT, "").trim());
        requests.push({ at: new Date(), path: url.pathname, stream, model: body.model ?? null, userText, userMessages, systemText, tools, reply, toolCall });
        const toolCalls = toolCall ? [{ index: 0, id: `call_mc_${counter + 1}`, type: "function", function: toolCall }] : null;
        const id = `chatcmpl-mc-${++counter}`;
        const created = Math.floor(Date.now() / 1000);
        const model = body.model ?? modelId;
        const usage = { prompt_tokens: 10, completion_tokens: reply.split(/\s+/).length, total_tokens: 10 + reply.split(/\s+/).length };
        if (!stream) {
          sendJson(res, 200, {
            id,
            object: "chat.completion",
            created,
            model,
            choices: [
              toolCalls
                ? { index: 0, message: { role: "assistant", content: null, tool_calls: toolCalls }, finish_reason: "tool_calls" }
                : { index: 0, message: { role: "assistant", content: reply }, finish_reason: "stop" },
            ],
            usage,
          });
          return;
        }
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
        const chunk = (delta: Record<string, unknown>, finish: string | null, extra: Record<string, unknown> = {}) =>
          `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;
        res.write(chunk({ role: "assistant", content: "" }, null));
        if (toolCalls) {
          res.write(chunk({ tool_calls: toolCalls }, null));
          res.write(chunk({}, "tool_calls"));
        } else {
          // A few pieces so the gateway sees real streaming deltas.
          for (const word of reply.split(/(?<= )/)) res.write(chunk({ content: word }, null));
          res.write(chunk({}, "stop"));
        }
        if (body.stream_options?.include_usage) {
          res.write(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [], usage })}\n\n`);
        }
        res.end("data: [DONE]\n\n");
        return;
      }
      sendJson(res, 404, { error: { message: `no route ${req.method} ${url.pathname}`, type: "not_found" } });
    } catch (error) {
      if (!res.headersSent) sendJson(res, 500, { error: { message: String(error), type: "server_error" } });
      else res.end();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    port,
    modelId,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (require.main === module) {
  const port = Number(process.env.PORT ?? process.argv[2] ?? 0);
  void startFakeLlm({ port }).then((llm) => console.log(`[fake-llm] listening on ${llm.baseUrl} (model ${llm.modelId})`));
}
