// A small EventSource for Node 20 (which has none), built on fetch so it can send headers
// (`Authorization: Bearer …`), which the browser EventSource cannot. It implements what tRPC's
// httpSubscriptionLink uses: the constructor (url, init), addEventListener/removeEventListener,
// readyState and close(). Network failures reconnect after 500 ms, as a browser's would.

type Listener = (event: { type: string; data?: string; lastEventId?: string }) => void;

export interface FetchEventSourceInit {
  headers?: Record<string, string>;
}

export class FetchEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSED = 2;
  readyState = 0;
  readonly url: string;
  readonly withCredentials = false;
  /** Why the last connection attempt failed, and how often it reconnected (for reports). */
  lastError: unknown = null;
  reconnects = 0;
  private listeners = new Map<string, Set<Listener>>();
  private abort = new AbortController();

  constructor(url: string | URL, init: FetchEventSourceInit = {}) {
    this.url = String(url);
    void this.run(init);
  }

  addEventListener(type: string, listener: Listener): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }

  close(): void {
    this.readyState = 2;
    this.abort.abort();
  }

  private emit(type: string, event: { type: string; data?: string; lastEventId?: string }): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }

  private async run(init: FetchEventSourceInit): Promise<void> {
    let lastEventId = "";
    // Like a browser EventSource: a network failure reconnects (sending Last-Event-ID), an HTTP
    // error status closes for good.
    while (this.readyState !== 2) {
      let status = 0;
      try {
        const res = await fetch(this.url, {
          headers: {
            Accept: "text/event-stream",
            "Cache-Control": "no-cache",
            ...(lastEventId ? { "Last-Event-ID": lastEventId } : {}),
            ...init.headers,
          },
          signal: this.abort.signal,
        });
        status = res.status;
        if (!res.ok || !res.body) throw new Error(`SSE ${res.status}`);
        this.readyState = 1;
        this.emit("open", { type: "open" });
        const decoder = new TextDecoder();
        let buffer = "";
        let event = "message";
        let data: string[] = [];
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let newline: number;
          while ((newline = buffer.search(/\r\n|\n|\r/)) !== -1) {
            const line = buffer.slice(0, newline);
            buffer = buffer.slice(newline + (buffer.startsWith("\r\n", newline) ? 2 : 1));
            if (line === "") {
              if (data.length) this.emit(event, { type: event, data: data.join("\n"), lastEventId });
              event = "message";
              data = [];
              continue;
            }
            if (line.startsWith(":")) continue;
            const colon = line.indexOf(":");
            const field = colon === -1 ? line : line.slice(0, colon);
            const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
            if (field === "event") event = value;
            else if (field === "data") data.push(value);
            else if (field === "id") lastEventId = value;
          }
        }
      } catch (error) {
        this.lastError = error;
      }
      if (this.readyState === 2) return;
      if (status && status !== 200) {
        this.readyState = 2;
        this.emit("error", { type: "error" });
        return;
      }
      this.readyState = 0;
      this.emit("error", { type: "error" });
      this.reconnects++;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
