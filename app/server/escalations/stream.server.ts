// Server-sent events for live escalation pages: `event: escalation`, `data: {"escalationId","status"}`
// (the shape agreed with the real-time hub), no id line. Only changes of tenants the viewer may
// see are sent; internal notes never notify, so nothing here reveals one.
import { sql } from "drizzle-orm";
import { withTenant, type TenantContext } from "../tenant-db.server";
import { subscribeEscalationChanges, type EscalationChange } from "./live.server";
import { logger } from "../log.server";

const log = logger("escalations");

const HEARTBEAT_MS = 20_000;
const REFRESH_VISIBLE_MS = 60_000;
/** Events queued for a client that does not read: past this it is dropped and reconnects. */
const MAX_QUEUED = 200;

/** The tenants a context may see, as RLS decides (staff: assignments and tiers; customer: own). */
export async function visibleTenantIds(db: TenantContext): Promise<Set<string>> {
  if (db.role === "portal_customer") return new Set([db.tenantId]);
  if (db.role !== "portal_staff") return new Set();
  const ids = await withTenant(db, async (tx) => {
    const r = await tx.execute<{ ids: string[] | string }>(sql`select app_visible_tenants()::text[] as ids`);
    const v = r.rows[0]?.ids ?? [];
    // PGlite may hand back the array literal as text.
    return Array.isArray(v)
      ? v
      : String(v)
          .replace(/^\{|\}$/g, "")
          .split(",")
          .filter(Boolean);
  });
  return new Set(ids);
}

export function escalationEventStream(request: Request, db: TenantContext): Response {
  const encoder = new TextEncoder();
  let cleanup = () => undefined as void;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      let visible = await visibleTenantIds(db);
      let queued = 0;
      const send = (chunk: string) => {
        if (closed) return;
        if ((controller.desiredSize ?? 1) <= 0 && ++queued > MAX_QUEUED) {
          controller.enqueue(encoder.encode("retry: 5000\n\n"));
          close();
          return;
        }
        controller.enqueue(encoder.encode(chunk));
      };
      const onChange = (c: EscalationChange) => {
        if (!visible.has(c.tenantId)) return;
        send(`event: escalation\ndata: ${JSON.stringify({ escalationId: c.escalationId, status: c.status })}\n\n`);
      };
      let unsubscribe: () => void = () => undefined;
      try {
        unsubscribe = await subscribeEscalationChanges(onChange);
      } catch (err) {
        log.error({ err }, "live escalation stream unavailable");
      }
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      const refresh = setInterval(() => {
        visibleTenantIds(db)
          .then((v) => (visible = v))
          .catch(() => undefined);
      }, REFRESH_VISIBLE_MS);
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        clearInterval(refresh);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      cleanup = close;
      request.signal.addEventListener("abort", close);
      send("retry: 3000\n: connected\n\n");
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
