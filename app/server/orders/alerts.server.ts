// Delay alerts (a background service): people subscribe a saved view; when one of its orders
// changes status, becomes at risk (a new estimate after the promise) or becomes late (its promised
// date passes while open), they get an in-app notification (escalation_notifications, shared with
// escalations) and, with SMTP_URL set, an e-mail.
//
// Per tenant with subscriptions, each run reads the new order_events ONCE (by seq, from a stored
// cursor) as that tenant's customer role, then checks the touched orders against each subscribed
// view's filter. The bookkeeping (cursor, sent-alert keys) and the notifications are written in one
// owner transaction, so a restart or a second process never sends an alert twice.
import { and, eq, sql } from "drizzle-orm";
import type { DbHandle } from "#db/client";
import { escalationNotifications, orderAlertCursors, orderAlertsSent, orderViews, tenants } from "#db/schema/index";
import { parseOrderQuery, type OrderFilters } from "#app/domain/orders/query";
import { isStatus } from "#app/domain/orders/statuses";
import { localToday } from "#app/domain/orders/time";
import { exclusiveService } from "../jobs/exclusive.server";
import { mailNotices, noticeMessage, type Notice } from "../escalations/notify.server";
import { withTenant } from "../tenant-db.server";
import {
  asText,
  atRiskExpr,
  filterConditions,
  lateExpr,
  o,
  openExpr,
  plain,
  selectList,
  whereClause,
  type OrderScope,
  type RowOf,
} from "./sql.server";

const EVENT_BATCH = 2000;
/** Late orders are swept for this many days after their promised date (older ones are old news). */
export const LATE_SWEEP_DAYS = 7;
/** At most this many alerts per view per run; the rest are summed up in one notice. */
export const MAX_ALERTS_PER_VIEW = 25;
const INTERVAL_MS = 30_000;

interface Subscription {
  tenantId: string;
  viewId: string;
  userId: string;
  ownerKind: "customer" | "staff";
  name: string;
  query: string;
  filters: OrderFilters;
  /** Local date alerts were switched on (or the view last saved): late sweeps start there. */
  since: string;
}

interface Candidate {
  viewId: string;
  orderId: string;
  key: string;
  message: Pick<Notice, "title" | "body" | "messageKey" | "messageParams">;
}

export interface AlertRunReport {
  tenants: number;
  events: number;
  notices: number;
}

async function subscriptions(handle: DbHandle): Promise<Map<string, { timeZone: string; subs: Subscription[] }>> {
  const rows = await handle.db
    .select({
      tenantId: orderViews.tenantId,
      viewId: orderViews.id,
      userId: orderViews.userId,
      ownerKind: orderViews.ownerKind,
      name: orderViews.name,
      query: orderViews.query,
      updatedAt: orderViews.updatedAt,
      timeZone: tenants.timeZone,
    })
    .from(orderViews)
    .innerJoin(tenants, and(eq(tenants.id, orderViews.tenantId), eq(tenants.active, true)))
    .where(eq(orderViews.alerts, true));
  const byTenant = new Map<string, { timeZone: string; subs: Subscription[] }>();
  for (const r of rows) {
    const parsed = parseOrderQuery(new URLSearchParams(r.query));
    if (!parsed.ok) continue;
    const entry = byTenant.get(r.tenantId) ?? { timeZone: r.timeZone, subs: [] };
    entry.subs.push({
      tenantId: r.tenantId,
      viewId: r.viewId,
      userId: r.userId,
      ownerKind: r.ownerKind,
      name: r.name,
      query: r.query,
      filters: parsed.query.filters,
      since: localToday(r.timeZone, r.updatedAt),
    });
    byTenant.set(r.tenantId, entry);
  }
  return byTenant;
}

interface EventRow extends Record<string, unknown> {
  seq: string | number;
  order_id: string;
  type: string;
}

/** What a notice says of a matched order, as the customer sees it. */
function matchColumns(scope: OrderScope) {
  return {
    id: asText<string>(o.id),
    orderNumber: plain(o.orderNumber),
    status: plain(o.status),
    promisedDate: asText<string | null>(o.promisedDate),
    predictedDate: asText<string | null>(o.predictedDate),
    late: sql<boolean>`coalesce(${lateExpr(scope)}, false)`,
    atRisk: sql<boolean>`coalesce(${atRiskExpr(scope)}, false)`,
  };
}
type MatchRow = RowOf<ReturnType<typeof matchColumns>>;

/** Orders of a view among `ids` (or, with `lateSweep`, its recently late orders), as the customer sees them. */
function matchQuery(filters: OrderFilters, scope: OrderScope, ids: string[] | null, since: string) {
  const c = filterConditions(filters, scope);
  if (ids)
    c.push(
      sql`${o.id} in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  else {
    c.push(lateExpr(scope));
    c.push(openExpr());
    c.push(sql`${o.promisedDate} >= ${scope.today}::date - ${LATE_SWEEP_DAYS}::int`);
    // Only promises that pass after the subscription: subscribing is not a flood of old news.
    c.push(sql`${o.promisedDate} >= ${since}::date`);
  }
  return sql`select ${selectList(matchColumns(scope))}
    from orders o where ${whereClause(c)} order by ${o.id} limit ${ids ? ids.length : 500}`;
}

/** One tenant: read new events once, match them against every subscribed view, return candidates. */
async function tenantCandidates(
  tenantId: string,
  timeZone: string,
  subs: Subscription[],
  fromSeq: number,
  now: Date,
): Promise<{ lastSeq: number; events: number; candidates: Candidate[] }> {
  const scope: OrderScope = { tenantId, timeZone, today: localToday(timeZone, now) };
  return withTenant({ role: "portal_customer", tenantId, userId: null }, async (tx) => {
    const ev = await tx.execute<EventRow>(sql`
      select seq, order_id::text as order_id, type from order_events
      where tenant_id = ${tenantId}::uuid and seq > ${fromSeq} order by seq limit ${EVENT_BATCH}`);
    const events = ev.rows.map((e) => ({ seq: Number(e.seq), orderId: e.order_id, type: e.type }));
    const lastSeq = events.length ? events[events.length - 1].seq : fromSeq;
    const relevant = events.filter((e) => isStatus(e.type) || e.type === "eta_changed");
    const ids = [...new Set(relevant.map((e) => e.orderId))];
    const candidates: Candidate[] = [];
    for (const sub of subs) {
      if (ids.length) {
        const matched = await tx.execute<MatchRow>(matchQuery(sub.filters, scope, ids, sub.since));
        const byId = new Map(matched.rows.map((m) => [m.id, m]));
        for (const e of relevant) {
          const order = byId.get(e.orderId);
          if (!order) continue;
          if (e.type === "eta_changed") {
            if (order.atRisk)
              candidates.push({
                viewId: sub.viewId,
                orderId: order.id,
                key: `risk:${order.predictedDate ?? ""}`,
                message: noticeMessage("notifications.order.atRisk", {
                  order: order.orderNumber,
                  predicted: order.predictedDate ?? "",
                  promised: order.promisedDate ?? "",
                  view: sub.name,
                }),
              });
          } else {
            candidates.push({
              viewId: sub.viewId,
              orderId: order.id,
              key: `status:${e.seq}`,
              message: noticeMessage("notifications.order.status", {
                order: order.orderNumber,
                orderStatus: e.type,
                late: order.late ? "yes" : "no",
                promised: order.promisedDate ?? "",
                view: sub.name,
              }),
            });
          }
        }
      }
      const late = await tx.execute<MatchRow>(matchQuery(sub.filters, scope, null, sub.since));
      for (const order of late.rows) {
        candidates.push({
          viewId: sub.viewId,
          orderId: order.id,
          key: `late:${order.promisedDate ?? ""}`,
          message: noticeMessage("notifications.order.late", {
            order: order.orderNumber,
            promised: order.promisedDate ?? "",
            view: sub.name,
          }),
        });
      }
    }
    return { lastSeq, events: events.length, candidates };
  });
}

/** One pass over every tenant with subscriptions. Safe to run concurrently with itself (dedupe keys). */
export async function runDelayAlerts(handle: DbHandle, now: Date = new Date()): Promise<AlertRunReport> {
  const report: AlertRunReport = { tenants: 0, events: 0, notices: 0 };
  const byTenant = await subscriptions(handle);
  const mail: Notice[] = [];
  for (const [tenantId, { timeZone, subs }] of byTenant) {
    report.tenants++;
    const [cursor] = await handle.db
      .select({ lastSeq: orderAlertCursors.lastSeq })
      .from(orderAlertCursors)
      .where(eq(orderAlertCursors.tenantId, tenantId));
    if (!cursor) {
      // First subscription of this tenant: start from now, never alert on history.
      const max = await handle.db.execute<{ n: string | number | null }>(
        sql`select max(seq) as n from order_events where tenant_id = ${tenantId}::uuid`,
      );
      await handle.db
        .insert(orderAlertCursors)
        .values({ tenantId, lastSeq: Number(max.rows[0]?.n ?? 0) })
        .onConflictDoNothing();
    }
    const fromSeq = cursor?.lastSeq ?? Number.MAX_SAFE_INTEGER;
    const { lastSeq, events, candidates } = await tenantCandidates(
      tenantId,
      timeZone,
      subs,
      cursor ? fromSeq : Number.MAX_SAFE_INTEGER,
      now,
    );
    report.events += events;
    const subsById = new Map(subs.map((s) => [s.viewId, s]));
    const notices = await handle.db.transaction(async (tx) => {
      const out: Notice[] = [];
      const perView = new Map<string, number>();
      for (const c of candidates) {
        const inserted = await tx
          .insert(orderAlertsSent)
          .values({ tenantId, viewId: c.viewId, orderId: c.orderId, dedupeKey: c.key })
          .onConflictDoNothing()
          .returning({ viewId: orderAlertsSent.viewId });
        if (!inserted.length) continue;
        const n = (perView.get(c.viewId) ?? 0) + 1;
        perView.set(c.viewId, n);
        if (n > MAX_ALERTS_PER_VIEW) continue;
        const sub = subsById.get(c.viewId);
        if (!sub) continue;
        out.push({
          tenantId,
          recipientUserId: sub.userId,
          recipientKind: sub.ownerKind,
          escalationId: null,
          ...c.message,
          link: `/orders/${c.orderId}`,
        });
      }
      for (const [viewId, n] of perView) {
        const sub = subsById.get(viewId);
        if (!sub || n <= MAX_ALERTS_PER_VIEW) continue;
        out.push({
          tenantId,
          recipientUserId: sub.userId,
          recipientKind: sub.ownerKind,
          escalationId: null,
          ...noticeMessage("notifications.order.more", { count: n - MAX_ALERTS_PER_VIEW, view: sub.name }),
          link: `/orders?${sub.query ? `${sub.query}&` : ""}view=${viewId}`,
        });
      }
      if (out.length) await tx.insert(escalationNotifications).values(out);
      if (cursor && lastSeq > fromSeq) {
        await tx
          .update(orderAlertCursors)
          .set({ lastSeq, updatedAt: now })
          .where(and(eq(orderAlertCursors.tenantId, tenantId), sql`${orderAlertCursors.lastSeq} < ${lastSeq}`));
      }
      return out;
    });
    report.notices += notices.length;
    mail.push(...notices);
  }
  await mailNotices(mail);
  return report;
}

/**
 * Runs in one process at a time across the deployment (lease "order delay alerts"). NOTIFY is
 * only a wake-up (debounced); the interval also runs the late sweep.
 */
export const orderDelayAlertsService = exclusiveService({
  name: "order delay alerts",
  everyMs: INTERVAL_MS,
  run: (handle) => runDelayAlerts(handle),
  onStart: async (handle, wake) => {
    let pending: ReturnType<typeof setTimeout> | undefined;
    const unlisten = await handle.listen("sightline_events", () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        wake();
      }, 1_000);
    });
    return async () => {
      if (pending) clearTimeout(pending);
      await unlisten();
    };
  },
});
