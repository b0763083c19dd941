// Server-Sent Events for one subscriber of the hub: GET /api/v1/stream.
// Message format (the contract widgets and the portal rely on):
//   id: <tenant event seq>\nevent: order\ndata: {"seq","orderId","orderNumber","type","status","occurredAt"}
//   event: escalation\ndata: {"escalationId","status"}            (no id: not part of the replay)
//   : heartbeat                                                     (every ~15 s)
// Reconnecting with `Last-Event-ID: <seq>` replays the missed order events in order. Writing,
// heartbeats and shedding slow readers: sse-writer.server.ts.
import type { ApiPrincipal } from "../api/principal.server";
import { problems } from "../http/problem.server";
import { getHub, type OrderEventFacets } from "./hub.server";
import { logger } from "../log.server";
import { sseResponse, type SseOptions, type SseWriter } from "./sse-writer.server";

const log = logger("realtime");

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

type Hub = Awaited<ReturnType<typeof getHub>>;

/** The hub, or the 503 problem to answer when it cannot start. */
export async function hubOrProblem(): Promise<{ hub: Hub } | { problem: Response }> {
  try {
    return { hub: await getHub() };
  } catch (err) {
    log.error({ err }, "real-time hub unavailable");
    return { problem: problems.unavailable("Live updates are unavailable; try again shortly.") };
  }
}

/** What a stream runs once it is open: the principal's subscription to the hub. */
export function feedFor(hub: Hub, principal: ApiPrincipal, afterSeq: number | undefined) {
  const filter = filterFor(principal.fixedFilters);
  const tenantId = principal.tenant.id;
  const escalations = principal.kind !== "embed";
  return async (writer: SseWriter) => {
    try {
      return await hub.subscribe(
        tenantId,
        {
          filter,
          onOrder: (e) => writer.send({ id: e.seq, event: "order", data: e }),
          // Escalation changes go to portal sessions; embed tokens here are read-only order viewers.
          onEscalation: escalations ? (e) => writer.send({ event: "escalation", data: e }) : undefined,
        },
        { afterSeq },
      );
    } catch (err) {
      log.error({ err }, "stream subscribe failed");
      writer.close("unavailable: try again shortly");
    }
  };
}

/** Opens the event stream for an authorised principal. */
export async function openEventStream(
  request: Request,
  principal: ApiPrincipal,
  opts: SseOptions = {},
): Promise<Response> {
  const hub = await hubOrProblem();
  if ("problem" in hub) return hub.problem;
  const afterSeq = parseLastEventId(request.headers.get("last-event-id"));
  return sseResponse(request, feedFor(hub.hub, principal, afterSeq), opts);
}
