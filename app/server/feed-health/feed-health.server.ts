// Feed health (issue 21): each accepted ingest batch records its source's delivery (in the
// batch's own transaction, as portal_ingest); customers read their sources' state under RLS (the
// banner on their pages, the widgets); a background check tells the account team once per
// silence episode. The rules (usual interval, silent or not, episode) are in
// app/domain/feed-health/health.ts.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbHandle } from "#db/client";
import { feedSources, tenants, user } from "#db/schema/index";
import { feedState, recordArrival, type FeedStatus } from "#app/domain/feed-health/health";
import type { ApiPrincipal } from "../api/principal.server";
import { apiJson } from "../api/respond.server";
import { feedHealthResponseSchema, type FeedHealthAnswer } from "./api-schema";
import { mailNotices, noticeMessage, notifyInApp, type Notice } from "../escalations/notify.server";
import { staffForTenant } from "../escalations/people.server";
import { exclusiveService } from "../jobs/exclusive.server";
import { withTenant, type TenantContext, type Tx } from "../tenant-db.server";

/** What a customer (and a widget) sees of one source: its name and times, never the key. */
export interface FeedSourceView {
  label: string;
  status: FeedStatus;
  lastArrivalAt: string;
  /** The usual interval in seconds (learned or configured); null while still learning. */
  expectedIntervalS: number | null;
  /** When the missed delivery was due; null unless silent. */
  silentSince: string | null;
}

/**
 * Records a delivery of the key's source at `at` (inside the batch's transaction, portal_ingest).
 * The row is locked while its gaps are updated, so two batches at once both count.
 */
export async function recordFeedArrival(
  tx: Tx,
  source: { tenantId: string; keyId: string; label: string },
  at = new Date(),
): Promise<void> {
  const [prev] = await tx
    .select({ lastArrivalAt: feedSources.lastArrivalAt, gapsS: feedSources.gapsS })
    .from(feedSources)
    .where(and(eq(feedSources.tenantId, source.tenantId), eq(feedSources.keyId, source.keyId)))
    .for("update");
  const next = recordArrival(prev ?? null, at);
  // Plain SQL names only the columns portal_ingest may write (Drizzle's insert lists them all).
  const gaps = sql`array(select jsonb_array_elements_text(${JSON.stringify(next.gapsS)}::jsonb)::int)`;
  await tx.execute(sql`
    insert into ${feedSources} (tenant_id, key_id, label, last_arrival_at, gaps_s)
    values (${source.tenantId}, ${source.keyId}, ${source.label}, ${next.lastArrivalAt.toISOString()}, ${gaps})
    on conflict (tenant_id, key_id) do update
      set label = excluded.label, last_arrival_at = excluded.last_arrival_at, gaps_s = excluded.gaps_s`);
}

/** The account's sources and their state at `now`, silent ones first, then by name. */
export async function feedHealth(db: TenantContext, now = new Date()): Promise<FeedSourceView[]> {
  if (!db.tenantId) return [];
  const tenantId = db.tenantId;
  const rows = await withTenant(db, (tx) =>
    tx
      .select({
        label: feedSources.label,
        lastArrivalAt: feedSources.lastArrivalAt,
        gapsS: feedSources.gapsS,
        configuredIntervalS: feedSources.configuredIntervalS,
      })
      .from(feedSources)
      .where(eq(feedSources.tenantId, tenantId))
      .orderBy(asc(feedSources.label)),
  );
  const views = rows.map((r) => {
    const s = feedState({ lastArrivalAt: r.lastArrivalAt, gapsS: r.gapsS }, r.configuredIntervalS, now);
    return {
      label: r.label,
      status: s.status,
      lastArrivalAt: s.lastArrivalAt.toISOString(),
      expectedIntervalS: s.expectedIntervalS,
      silentSince: s.silentSince?.toISOString() ?? null,
    };
  });
  return [...views.filter((v) => v.status === "silent"), ...views.filter((v) => v.status !== "silent")];
}

/**
 * Staff overview: the state of every source in the accounts the staff member may see (RLS,
 * app_visible_tenants()), per account id, silent ones first.
 */
export async function staffFeedOverview(
  db: TenantContext,
  now = new Date(),
): Promise<Record<string, FeedSourceView[]>> {
  const rows = await withTenant(db, (tx) =>
    tx
      .select({
        tenantId: feedSources.tenantId,
        label: feedSources.label,
        lastArrivalAt: feedSources.lastArrivalAt,
        gapsS: feedSources.gapsS,
        configuredIntervalS: feedSources.configuredIntervalS,
      })
      .from(feedSources)
      .orderBy(asc(feedSources.tenantId), asc(feedSources.label)),
  );
  const out: Record<string, FeedSourceView[]> = {};
  for (const r of rows) {
    const s = feedState({ lastArrivalAt: r.lastArrivalAt, gapsS: r.gapsS }, r.configuredIntervalS, now);
    const view: FeedSourceView = {
      label: r.label,
      status: s.status,
      lastArrivalAt: s.lastArrivalAt.toISOString(),
      expectedIntervalS: s.expectedIntervalS,
      silentSince: s.silentSince?.toISOString() ?? null,
    };
    (out[r.tenantId] ??= []).push(view);
  }
  // Stable: by name within silent and the rest.
  for (const list of Object.values(out))
    list.sort((a, b) => Number(b.status === "silent") - Number(a.status === "silent"));
  return out;
}

export interface FeedCheckReport {
  silent: number;
  alerted: number;
}

/**
 * Alerts the account team (assigned agents and the account's leads) about each source that has
 * gone silent, once per episode: the row's alerted_arrival_at takes the episode's last delivery
 * in the same transaction as the notices, and only a row whose delivery has not changed since it
 * was read is claimed. A system job across tenants: the owner connection.
 */
export async function runFeedHealthChecks(handle: DbHandle, now = new Date()): Promise<FeedCheckReport> {
  const rows = await handle.db
    .select({
      tenantId: feedSources.tenantId,
      keyId: feedSources.keyId,
      label: feedSources.label,
      lastArrivalAt: feedSources.lastArrivalAt,
      gapsS: feedSources.gapsS,
      configuredIntervalS: feedSources.configuredIntervalS,
      alertedArrivalAt: feedSources.alertedArrivalAt,
      account: tenants.name,
    })
    .from(feedSources)
    .innerJoin(tenants, eq(tenants.id, feedSources.tenantId))
    .where(eq(tenants.active, true));
  const report: FeedCheckReport = { silent: 0, alerted: 0 };
  const mail: Notice[] = [];
  for (const r of rows) {
    const s = feedState({ lastArrivalAt: r.lastArrivalAt, gapsS: r.gapsS }, r.configuredIntervalS, now);
    if (s.status !== "silent" || !s.silentSince) continue;
    report.silent++;
    if (r.alertedArrivalAt?.getTime() === r.lastArrivalAt.getTime()) continue;
    // Read before the transaction: PGlite has one connection (see escalations/alerts.server.ts).
    const team = [
      ...new Map(
        (await staffForTenant(r.tenantId, { agents: true, leads: true })).map((p) => [p.id, p] as const),
      ).values(),
    ];
    const readers = team.length
      ? await handle.db
          .select({ id: user.id, locale: user.locale, timeZone: user.timeZone })
          .from(user)
          .where(
            inArray(
              user.id,
              team.map((p) => p.id),
            ),
          )
      : [];
    const silentSince = s.silentSince;
    await handle.db.transaction(async (tx) => {
      const claimed = await tx
        .update(feedSources)
        .set({ alertedArrivalAt: sql`${feedSources.lastArrivalAt}` })
        .where(
          and(
            eq(feedSources.tenantId, r.tenantId),
            eq(feedSources.keyId, r.keyId),
            // No delivery since the read (PostgreSQL keeps microseconds, the Date read has milliseconds).
            sql`${feedSources.lastArrivalAt} < ${new Date(r.lastArrivalAt.getTime() + 1).toISOString()}::timestamptz`,
            sql`${feedSources.alertedArrivalAt} is distinct from ${feedSources.lastArrivalAt}`,
          ),
        )
        .returning({ keyId: feedSources.keyId });
      if (!claimed.length) return;
      report.alerted++;
      // Stored as key and values: each reader gets it in their language and zone when shown.
      const message = noticeMessage("notifications.feedSilent", {
        account: r.account,
        source: r.label,
        sinceAt: silentSince.toISOString(),
        lastAt: r.lastArrivalAt.toISOString(),
      });
      const notices: Notice[] = readers.map((p) => ({
        tenantId: r.tenantId,
        recipientUserId: p.id,
        recipientKind: "staff",
        escalationId: null,
        ...message,
        link: "/staff/accounts",
      }));
      mail.push(...(await notifyInApp(tx as unknown as Tx, notices)));
    });
  }
  await mailNotices(mail);
  return report;
}

export const feedHealthService = exclusiveService({
  name: "feed health checks",
  everyMs: 60_000,
  run: (handle) => runFeedHealthChecks(handle),
});

/** GET /api/v1/feed-health: the account's sources, shaped by feedHealthSchema. */
export async function apiFeedHealth(p: ApiPrincipal, now = new Date()): Promise<Response> {
  const sources = await feedHealth(p.db, now);
  const data: FeedHealthAnswer = {
    sources: sources.map((s) => ({
      label: s.label,
      status: s.status,
      lastArrivalAt: s.lastArrivalAt,
      expectedIntervalSeconds: s.expectedIntervalS,
      silentSince: s.silentSince,
    })),
  };
  return apiJson(feedHealthResponseSchema, { data });
}
