// A small OpenAI-compatible model server on 127.0.0.1 for gateway tests. The gateway calls it
// over real HTTP like any custom provider (`api: "openai-completions"`), so a `chat.send` runs
// a full agent turn without an LLM key or internet. Every reply is canned:
//   "MC-CANNED: <last user message text>"
// Serves GET /v1/models and POST /v1/chat/completions (plain JSON, or SSE chunks with stream:true).
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
  reply: string;
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
type ChatMessage = { role?: string; content?: string | ContentPart[] | null };

function textOf(content: ChatMessage["content"]): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((p) => (typeof p?.text === "string" ? p.text : "")).join("");
  return "";
}

/**
 * The gateway wraps the operator's words in its own envelope (timestamps, metadata blocks), so
 * the reply echoes the last non-empty line, which is the text the operator typed.
 */
export function cannedReply(messages: ChatMessage[]): { userText: string; reply: string } {
  const lastUser = [...messages].reverse().find((m) => m?.role === "user");
  const full = textOf(lastUser?.content).trim();
  const lines = full.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return { userText: full, reply: `${CANNED_PREFIX} ${lines.at(-1) ?? ""}` };
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
        let body: { model?: string; stream?: boolean; messages?: ChatMessage[]; stream_options?: { include_usage?: boolean } };
        try {
          body = JSON.parse(raw) as typeof body;
        } catch {
          sendJson(res, 400, { error: { message: "invalid JSON body", type: "invalid_request_error" } });
          return;
        }
        const { userText, reply } = cannedReply(Array.isArray(body.messages) ? body.messages : []);
        const stream = body.stream === true;
        requests.push({ at: new Date(), path: url.pathname, stream, model: body.model ?? null, userText, reply });
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
            choices: [{ index: 0, message: { role: "assistant", content: reply }, finish_reason: "stop" }],
            usage,
          });
          return;
        }
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
        const chunk = (delta: Record<string, unknown>, finish: string | null, extra: Record<string, unknown> = {}) =>
          `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;
        res.write(chunk({ role: "assistant", content: "" }, null));
        // A few pieces so the gateway sees real streaming deltas.
        const words = reply.split(/(?<= )/);
        for (const word of words) res.write(chunk({ content: word }, null));
        res.write(chunk({}, "stop"));
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
