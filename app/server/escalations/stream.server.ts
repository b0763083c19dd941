// Server-sent events for live escalation pages: `event: escalation`, `data: {"escalationId","status"}`
// (the shape agreed with the real-time hub), no id line. Only changes of tenants the viewer may
// see are sent; internal notes never notify, so nothing here reveals one. Written through the one
// SSE writer (realtime/sse-writer.server.ts).
import { sql } from "drizzle-orm";
import { withTenant, type TenantContext } from "../tenant-db.server";
import { subscribeEscalationChanges, type EscalationChange } from "./live.server";
import { logger } from "../log.server";
import { sseResponse } from "../realtime/sse-writer.server";

const log = logger("escalations");

const REFRESH_VISIBLE_MS = 60_000;

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
  return sseResponse(request, async (writer) => {
    let visible = await visibleTenantIds(db);
    const onChange = (c: EscalationChange) => {
      if (!visible.has(c.tenantId)) return;
      writer.send({ event: "escalation", data: { escalationId: c.escalationId, status: c.status } });
    };
    let unsubscribe: () => void = () => undefined;
    try {
      unsubscribe = await subscribeEscalationChanges(onChange);
    } catch (err) {
      log.error({ err }, "live escalation stream unavailable");
    }
    // Assignments change while a page is open: re-read which accounts the viewer may see.
    const refresh = setInterval(() => {
      visibleTenantIds(db)
        .then((v) => (visible = v))
        .catch(() => undefined);
    }, REFRESH_VISIBLE_MS);
    return () => {
      clearInterval(refresh);
      unsubscribe();
    };
  });
}
