// The one Server-Sent Events writer: both live streams (/api/v1/stream for orders and escalations,
// /staff/queue/events for the queue) open, beat, shed slow readers and close through it, so the
// wire format and the back-pressure rule are written once.
//   retry: 3000\n: connected         first, at once (proxies and EventSource see the stream open)
//   [id: <n>\n]event: <name>\ndata: <json>
//   : heartbeat                      every HEARTBEAT_MS (and the caller's authorisation re-checked)
// A reader whose unsent backlog passes MAX_BACKLOG_BYTES is closed with a `retry:` hint instead of
// being buffered without bound; it reconnects (with Last-Event-ID where the stream has ids).
// A draining process (SIGTERM) closes every stream with a short `retry:`, so clients reconnect at
// once — to another worker — and resume. The X-Sightline-Pid header names the process that holds
// the stream (as /healthz does), for operators and the multi-process tests.
import type { ServerResponse } from "node:http";
import { onDrain } from "../http/drain.server";
import { forgetLoaderAnswers } from "../log.server";

export const HEARTBEAT_MS = Number(process.env.SIGHTLINE_SSE_HEARTBEAT_MS ?? 15_000);
/** Unsent bytes one subscriber may have queued before it counts as too slow. */
export const MAX_BACKLOG_BYTES = Number(process.env.SIGHTLINE_SSE_MAX_BACKLOG ?? 256 * 1024);
const RETRY_MS = 3_000;
const SLOW_RETRY_MS = 10_000;
/** Reconnect delay for clients of a draining process: soon, with another worker. */
const DRAIN_RETRY_MS = 500;

const encoder = new TextEncoder();

export interface SseWriter {
  /** Sends one event; `id` only for events a reconnecting client may ask to replay. */
  send(fields: { id?: number; event: string; data: unknown }): void;
  /** Ends the stream; a hint is sent as a comment after a `retry:` (longer by default). */
  close(hint?: string, retryMs?: number): void;
}

export interface SseOptions {
  /** Bytes written to the socket but not yet sent; from the HTTP layer when available. */
  backlog?: () => number;
  /**
   * Re-runs the caller's authorisation (token expiry, key revocation, sign-out) with every
   * heartbeat: an open stream ends within one heartbeat of losing it, with a `retry:` hint.
   */
  reauthorize?: () => Promise<boolean>;
}

/** Where a stream's text goes: a WHATWG stream (Remix responses) or Node's ServerResponse. */
interface SseSink {
  write(text: string): void;
  /** Bytes queued but not yet sent to the client. */
  queued(): number;
  end(): void;
}

/** The headers of every event stream. */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-store, no-transform",
  Connection: "keep-alive",
  // Tell nginx-style proxies not to buffer.
  "X-Accel-Buffering": "no",
  "X-Sightline-Pid": String(process.pid),
};

/**
 * Runs one stream over a sink: the opening lines, heartbeats with the re-check, shedding a slow
 * reader, closing on drain. Returns its close function; the caller calls it when the client goes.
 */
function runStream(
  sink: SseSink,
  subscribe: (writer: SseWriter) => Promise<(() => void) | void>,
  opts: SseOptions,
): { close: (hint?: string, retryMs?: number) => void; started: Promise<void> } {
  let open = true;
  let stop: (() => void) | void = undefined;
  let checking = false;
  const heartbeat = setInterval(() => {
    write(": heartbeat\n\n");
    if (!opts.reauthorize || checking || !open) return;
    checking = true;
    opts.reauthorize().then(
      (ok) => {
        checking = false;
        if (!ok) close("unauthorized: credentials expired or revoked; reconnect with new ones and Last-Event-ID");
      },
      () => {
        checking = false; // a database hiccup is not a refusal: the next heartbeat checks again
      },
    );
  }, HEARTBEAT_MS);
  heartbeat.unref?.();
  let stopDrainWatch = () => undefined as unknown;
  const close = (hint?: string, retryMs = SLOW_RETRY_MS) => {
    if (!open) return;
    if (hint) {
      try {
        sink.write(`retry: ${retryMs}\n: ${hint}\n\n`);
      } catch {
        // already closed by the client
      }
    }
    open = false;
    clearInterval(heartbeat);
    stopDrainWatch();
    stop?.();
    try {
      sink.end();
    } catch {
      // already closed
    }
  };
  function write(text: string) {
    if (!open) return;
    if (sink.queued() > MAX_BACKLOG_BYTES) {
      close("too slow: disconnected; reconnect with Last-Event-ID to resume");
      return;
    }
    sink.write(text);
  }
  const writer: SseWriter = {
    send: ({ id, event, data }) =>
      write(`${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    close,
  };
  stopDrainWatch = onDrain(() => close("server restarting: reconnect to resume", DRAIN_RETRY_MS));
  const started = (async () => {
    if (!open) return;
    write(`retry: ${RETRY_MS}\n: connected\n\n`);
    forgetLoaderAnswers(); // the loaders are done; the stream may stay open for hours
    const stopFeed = await subscribe(writer);
    // The stream may have ended while the feed was starting.
    if (open) stop = stopFeed;
    else stopFeed?.();
  })();
  return { close, started };
}

/**
 * A text/event-stream response. `subscribe` starts the feed once the stream is open and returns
 * what stops it (called once, whenever the stream ends: client gone, too slow, or closed).
 */
export function sseResponse(
  request: Request,
  subscribe: (writer: SseWriter) => Promise<(() => void) | void>,
  opts: SseOptions = {},
): Response {
  let cleanup = () => undefined as void;
  const body = new ReadableStream<Uint8Array>({
    start: async (controller) => {
      if (request.signal.aborted) return controller.close();
      const onAbort = () => stream.close();
      const stream = runStream(
        {
          write: (text) => controller.enqueue(encoder.encode(text)),
          queued: () => (opts.backlog?.() ?? 0) + Math.max(0, -(controller.desiredSize ?? 0)),
          end: () => {
            request.signal.removeEventListener("abort", onAbort);
            controller.close();
          },
        },
        subscribe,
        opts,
      );
      cleanup = () => stream.close();
      request.signal.addEventListener("abort", onAbort);
      await stream.started;
    },
    cancel: () => cleanup(),
  });
  return new Response(body, { status: 200, headers: SSE_HEADERS });
}

/**
 * The same stream written straight to Node's response (the Express handler of /api/v1/stream,
 * stream-route.server.ts): no Fetch Request, Response or WHATWG stream is kept for the life of
 * the connection, only Node's own request and response. `headers`: besides SSE_HEADERS (CORS).
 */
export function sseToNode(
  res: ServerResponse,
  subscribe: (writer: SseWriter) => Promise<(() => void) | void>,
  opts: SseOptions & { headers?: Record<string, string> } = {},
): Promise<void> {
  for (const [name, value] of Object.entries({ ...SSE_HEADERS, ...opts.headers })) res.setHeader(name, value);
  res.writeHead(200);
  if (res.destroyed) return Promise.resolve();
  const stream = runStream(
    {
      write: (text) => void res.write(text),
      queued: () => res.writableLength,
      end: () => res.end(),
    },
    subscribe,
    opts,
  );
  res.once("close", () => stream.close());
  return stream.started;
}
