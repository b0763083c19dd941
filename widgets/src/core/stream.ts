// One live connection per page and API base, whatever the number of widgets: a module-level
// client reads GET /api/v1/stream with fetch (bearer token), resumes with Last-Event-ID and
// reconnects by itself with capped, jittered backoff (and at once when the browser is online).
import { SseParser } from "./sse";

export interface OrderEvent {
  seq: number;
  orderId: string;
  orderNumber: string;
  type: string;
  status: string | null;
  occurredAt: string;
}

export type LiveEvent =
  { kind: "order"; data: OrderEvent } | { kind: "escalation"; data: { escalationId: string; status: string } };

export type LiveState = "connecting" | "open" | "retrying";

export interface Subscriber {
  onEvent(e: LiveEvent): void;
  onState?(s: LiveState): void;
  /** A token allowed to read the stream, or null; `force` after a refusal. */
  token(force: boolean): Promise<string | null>;
}

export class StreamClient {
  private subs = new Set<Subscriber>();
  private abort: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private retryHint = 0;
  private refused = false;
  private lastEventId = "";
  state: LiveState = "connecting";

  constructor(
    readonly base: string,
    private readonly fetchImpl: typeof fetch = (...a) => fetch(...a),
  ) {}

  get size(): number {
    return this.subs.size;
  }

  subscribe(sub: Subscriber): () => void {
    this.subs.add(sub);
    sub.onState?.(this.state);
    if (this.subs.size === 1) this.connect();
    return () => {
      this.subs.delete(sub);
      if (this.subs.size === 0) this.stop();
    };
  }

  private setState(s: LiveState): void {
    this.state = s;
    for (const sub of this.subs) sub.onState?.(s);
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.abort?.abort();
    this.abort = null;
    if (typeof window !== "undefined") window.removeEventListener("online", this.online);
  }

  private readonly online = () => {
    if (this.state === "retrying") {
      this.attempt = 0;
      this.connect();
    }
  };

  private async tokenFor(force: boolean): Promise<string | null> {
    for (const sub of this.subs) {
      const t = await sub.token(force).catch(() => null);
      if (t) return t;
    }
    return null;
  }

  connect(): void {
    clearTimeout(this.timer);
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    if (typeof window !== "undefined") window.addEventListener("online", this.online);
    this.setState("connecting");
    void this.run(abort)
      .catch(() => undefined)
      .finally(() => {
        if (this.abort === abort && !abort.signal.aborted) this.retry();
      });
  }

  private retry(): void {
    this.setState("retrying");
    const base = Math.max(this.retryHint, Math.min(30_000, 1_000 * 2 ** this.attempt));
    this.attempt = Math.min(this.attempt + 1, 5);
    this.timer = setTimeout(() => this.connect(), base / 2 + Math.random() * (base / 2));
  }

  private async run(abort: AbortController): Promise<void> {
    const token = await this.tokenFor(this.refused);
    if (!token || abort.signal.aborted) return;
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: "text/event-stream" };
    if (this.lastEventId) headers["Last-Event-ID"] = this.lastEventId;
    const res = await this.fetchImpl(`${this.base}/api/v1/stream`, {
      headers,
      credentials: "omit",
      cache: "no-store",
      signal: abort.signal,
    });
    this.refused = res.status === 401 || res.status === 403;
    if (!res.ok || !res.body) return;
    this.attempt = 0;
    this.setState("open");
    const parser = new SseParser(
      (m) => {
        this.lastEventId = m.lastEventId;
        this.dispatch(m.event, m.data);
      },
      (ms) => (this.retryHint = ms),
    );
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.push(value);
    }
  }

  private dispatch(event: string, data: string): void {
    if (event !== "order" && event !== "escalation") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return;
    }
    if (!parsed || typeof parsed !== "object") return;
    const e = { kind: event, data: parsed } as LiveEvent;
    for (const sub of this.subs) sub.onEvent(e);
  }
}

const clients = new Map<string, StreamClient>();

/** The page's shared client for an API base. */
export function streamFor(base: string): StreamClient {
  let c = clients.get(base);
  if (!c) clients.set(base, (c = new StreamClient(base)));
  return c;
}
