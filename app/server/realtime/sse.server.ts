// Server-Sent Events for one subscriber of the hub: GET /api/v1/stream.
// Message format (the contract widgets and the portal rely on):
//   id: <tenant event seq>\nevent: order\ndata: {"seq","orderId","orderNumber","type","status","occurredAt"}
//   event: escalation\ndata: {"escalationId","status"}            (no id: not part of the replay)
//   : heartbeat                                                     (every ~15 s)
// Reconnecting with `Last-Event-ID: <seq>` replays the missed order events in order. A client
// that reads too slowly is disconnected with a `retry:` hint instead of being buffered without
// bound; it resumes from its last id.
import type { ApiPrincipal } from "../api/principal.server";
import { problems } from "../http/problem.server";
import { getHub, type OrderEventFacets } from "./hub.server";
import { logger } from "../log.server";

const log = logger("realtime");

export const HEARTBEAT_MS = Number(process.env.SIGHTLINE_SSE_HEARTBEAT_MS ?? 15_000);
/** Unsent bytes one subscriber may have queued before it counts as too slow. */
export const MAX_BACKLOG_BYTES = Number(process.env.SIGHTLINE_SSE_MAX_BACKLOG ?? 256 * 1024);
const RETRY_MS = 3_000;
const SLOW_RETRY_MS = 10_000;

/** Parses Last-Event-ID: a non-negative integer sequence, otherwise ignored (start live). */
export function parseLastEventId(value: string | null): number | undefined {
  if (!value || !/^\d{1,15}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

/**
 * The subscriber's filter from the principal's fixed filters (embed tokens may pin sites).
 * Unknown filter names show nothing: a pin this code does not understand must not widen access.
 */
export function filterFor(fixed: Record<string, string[]>): ((e: OrderEventFacets) => boolean) | undefined {
  const entries = Object.entries(fixed).filter(([, values]) => values.length > 0);
  if (entries.length === 0) return undefined;
  return (e) =>
    entries.every(([name, values]) => {
      switch (name) {
        case "site":
          return values.includes(e.siteId) || values.includes(e.siteCode);
        case "status":
          return values.includes(e.status);
        case "priority":
          return values.includes(e.priority);
        default:
          return false;
      }
    });
}

const encoder = new TextEncoder();

function message(fields: { id?: number; event: string; data: unknown }): Uint8Array {
  const id = fields.id === undefined ? "" : `id: ${fields.id}\n`;
  return encoder.encode(`${id}event: ${fields.event}\ndata: ${JSON.stringify(fields.data)}\n\n`);
}

export interface StreamOptions {
  /** Bytes written to the socket but not yet sent; from the HTTP layer when available. */
  backlog?: () => number;
}

/** Opens the event stream for an authorised principal. */
export async function openEventStream(
  request: Request,
  principal: ApiPrincipal,
  opts: StreamOptions = {},
): Promise<Response> {
  let hub: Awaited<ReturnType<typeof getHub>>;
  try {
    hub = await getHub();
  } catch (err) {
    log.error({ err }, "real-time hub unavailable");
    return problems.unavailable("Live updates are unavailable; try again shortly.");
  }
  const afterSeq = parseLastEventId(request.headers.get("last-event-id"));
  const filter = filterFor(principal.fixedFilters);
  let cleanup = () => undefined as void;

  const body = new ReadableStream<Uint8Array>({
    start: async (controller) => {
      let open = true;
      let unsubscribe: (() => void) | null = null;
      const heartbeat = setInterval(() => write(encoder.encode(": heartbeat\n\n")), HEARTBEAT_MS);
      heartbeat.unref?.();
      const close = (hint?: string) => {
        if (!open) return;
        if (hint) {
          try {
            controller.enqueue(encoder.encode(`retry: ${SLOW_RETRY_MS}\n: ${hint}\n\n`));
          } catch {
            // already closed by the client
          }
        }
        open = false;
        clearInterval(heartbeat);
        unsubscribe?.();
        request.signal.removeEventListener("abort", onAbort);
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      cleanup = () => close();
      const onAbort = () => close();
      function write(chunk: Uint8Array) {
        if (!open) return;
        const queued = (opts.backlog?.() ?? 0) + Math.max(0, -(controller.desiredSize ?? 0));
        if (queued > MAX_BACKLOG_BYTES) {
          close("too slow: disconnected; reconnect with Last-Event-ID to resume");
          return;
        }
        controller.enqueue(chunk);
      }
      if (request.signal.aborted) return close();
      request.signal.addEventListener("abort", onAbort);
      // Open the stream at once (proxies and EventSource see the connection as established).
      write(encoder.encode(`retry: ${RETRY_MS}\n: connected\n\n`));
      try {
        unsubscribe = await hub.subscribe(
          principal.tenant.id,
          {
            filter,
            onOrder: (e) => write(message({ id: e.seq, event: "order", data: e })),
            // Escalation changes go to portal sessions; embed tokens here are read-only order viewers.
            onEscalation:
              principal.kind === "embed" ? undefined : (e) => write(message({ event: "escalation", data: e })),
          },
          { afterSeq },
        );
      } catch (err) {
        log.error({ err }, "stream subscribe failed");
        close("unavailable: try again shortly");
        return;
      }
      if (!open) unsubscribe();
    },
    cancel: () => cleanup(),
  });

  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      // Tell nginx-style proxies not to buffer.
      "X-Accel-Buffering": "no",
    },
  });
}
