// SLA digest e-mails (a background service) and the subscription a customer user sets in
// Settings → Notifications.
//
// Each run, per tenant with subscribers: the fiscal week and period that closed last in the
// tenant's calendar; for every subscriber due one (isDigestDue), a delivery row
// (tenant, user, period) is inserted — the primary key makes it one per user and period. Rows are
// then claimed (status 'sending', claimed_until) with FOR UPDATE SKIP LOCKED, the digest is built
// as that user (their tenant's RLS scope: a user never sees another tenant's figures), mailed, and
// the row marked 'sent'. A process that dies after claiming leaves a claim that expires; the next
// run claims it again and sends it then. The only window for a second copy is a crash between
// the mail server taking the mail and the 'sent' commit; the Message-ID is fixed per user and
// period, so such a copy is recognisably the same mail.
//
// A service that was down while several weeks or periods closed catches up on start with the
// digest of the one that closed last (each run looks only at the last closed week and period):
// subscribers get the latest figures, not a flood of old digests.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbHandle } from "#db/client";
import { member, orders, sites, slaDigestDeliveries, slaDigestSubscriptions, tenants, user } from "#db/schema/index";
import { localToday } from "#app/domain/orders/time";
import { isDigestDue, type DigestCadence } from "#app/domain/sla/digest";
import { parsePeriodKey, type PeriodKey } from "#app/domain/sla/periods";
import type { Locale } from "#app/i18n/locales";
import { CUSTOMER_ROLES, tenantSummaryOf, type TenantSummary } from "../auth/tenant-summary.server";
import { loadTenantCalendar } from "../calendar/tenant-calendar.server";
import { portalOrigin } from "../env.server";
import { exclusiveService } from "../jobs/exclusive.server";
import { LEASE_OWNER } from "../jobs/lease.server";
import { logger } from "../log.server";
import { sendMail } from "../mail.server";
import { withTenant, type TenantContext } from "../tenant-db.server";
import { renderDigest, type DigestMail, type DigestMissedOrder } from "./digest-mail.server";
import { fiscalCondition } from "./drilldown.server";
import { resolveSelection } from "./periods.server";
import { buildScorecard, type Scorecard } from "./scorecard.server";

const log = logger("sla-digest");

/** How often the service looks for closed periods (digests go out within this of a close). */
const INTERVAL_MS = 5 * 60_000;
/** A claim outlives a slow mail server; after it, a dead process's claim is taken again. */
export const CLAIM_MS = 10 * 60_000;
/** Claims per run (the rest wait for the next run, which follows at once when a batch was full). */
const BATCH = 50;
/** After this many attempts a digest is given up ('failed', with the last error). */
export const MAX_ATTEMPTS = 5;
/** Missed orders listed in the e-mail (the link opens all of them). */
export const MISSED_LISTED = 10;

// ---------------------------------------------------------------------------------------------
// Subscriptions (Settings → Notifications), as the signed-in customer user.

export type DigestChoice = DigestCadence | "none";

export async function getDigestChoice(db: TenantContext & { role: "portal_customer" }): Promise<DigestChoice> {
  const rows = await withTenant(db, (tx) =>
    tx.select({ cadence: slaDigestSubscriptions.cadence }).from(slaDigestSubscriptions),
  );
  return rows[0]?.cadence ?? "none";
}

export async function setDigestChoice(
  db: TenantContext & { role: "portal_customer" },
  choice: DigestChoice,
): Promise<void> {
  const userId = db.userId;
  if (!userId) throw new Error("a customer user is required");
  await withTenant(db, async (tx) => {
    if (choice === "none") {
      await tx.delete(slaDigestSubscriptions).where(eq(slaDigestSubscriptions.userId, userId));
      return;
    }
    await tx
      .insert(slaDigestSubscriptions)
      .values({ tenantId: db.tenantId, userId, cadence: choice })
      .onConflictDoUpdate({
        target: [slaDigestSubscriptions.tenantId, slaDigestSubscriptions.userId],
        set: { cadence: choice, updatedAt: sql`now()` },
        // Re-saving the same choice keeps its date (it decides the first digest due).
        setWhere: sql`${slaDigestSubscriptions.cadence} <> excluded.cadence`,
      });
  });
}

// ---------------------------------------------------------------------------------------------
// The service.

export interface DigestRunOptions {
  now?: Date;
  /** Claim owner (default this process's lease owner); tests pose as a second process. */
  owner?: string;
  claimMs?: number;
  /** Called with the claimed rows before any is sent (tests "crash" here). */
  afterClaim?: (claims: Claim[]) => Promise<void>;
}

export interface DigestRunReport {
  /** Delivery rows created this run (digests newly due). */
  due: number;
  sent: number;
  failed: number;
}

interface Claim {
  tenantId: string;
  userId: string;
  periodId: string;
  cadence: DigestCadence;
  attempts: number;
}

interface Subscriber {
  tenantId: string;
  userId: string;
  cadence: DigestCadence;
  updatedAt: Date;
}

/** Active subscriptions of people still customer users of the tenant, by tenant. */
async function subscribers(handle: DbHandle, tenantIds?: string[]) {
  const rows = await handle.db
    .select({
      tenantId: slaDigestSubscriptions.tenantId,
      userId: slaDigestSubscriptions.userId,
      cadence: slaDigestSubscriptions.cadence,
      updatedAt: slaDigestSubscriptions.updatedAt,
      tenant: tenants,
    })
    .from(slaDigestSubscriptions)
    .innerJoin(tenants, and(eq(tenants.id, slaDigestSubscriptions.tenantId), eq(tenants.active, true)))
    .innerJoin(
      member,
      and(
        eq(member.userId, slaDigestSubscriptions.userId),
        eq(member.organizationId, sql`${slaDigestSubscriptions.tenantId}::text`),
        inArray(member.role, [...CUSTOMER_ROLES]),
      ),
    )
    .where(tenantIds ? inArray(slaDigestSubscriptions.tenantId, tenantIds) : undefined);
  const byTenant = new Map<string, { tenant: TenantSummary; subs: Subscriber[] }>();
  for (const r of rows) {
    const entry = byTenant.get(r.tenantId) ?? { tenant: tenantSummaryOf(r.tenant), subs: [] };
    entry.subs.push({ tenantId: r.tenantId, userId: r.userId, cadence: r.cadence, updatedAt: r.updatedAt });
    byTenant.set(r.tenantId, entry);
  }
  return byTenant;
}

/** The fiscal week and period that closed last in the tenant's calendar, with today's date. */
async function closedPeriods(tenant: TenantSummary, userId: string, now: Date) {
  return withTenant({ role: "portal_customer", tenantId: tenant.id, userId }, async (tx) => {
    const calendar = await loadTenantCalendar(tx, tenant);
    const cal = calendar.compiled;
    const at = now.getTime();
    const week = resolveSelection(cal, { kind: "relative", which: "last", granularity: "week" }, at);
    const period = resolveSelection(cal, { kind: "relative", which: "last", granularity: "period" }, at);
    return { week, period, timeZone: calendar.definition.timeZone };
  });
}

/** Inserts the delivery rows of every digest now due (existing rows stay as they are). */
async function enqueueDue(handle: DbHandle, now: Date): Promise<number> {
  let created = 0;
  for (const [, { tenant, subs }] of await subscribers(handle)) {
    const closed = await closedPeriods(tenant, subs[0].userId, now);
    const today = localToday(closed.timeZone, now);
    const values = [];
    for (const s of subs) {
      const p = s.cadence === "week" ? closed.week : closed.period;
      if (!p || !isDigestDue(localToday(closed.timeZone, s.updatedAt), p.end, today)) continue;
      values.push({ tenantId: s.tenantId, userId: s.userId, periodId: p.id, cadence: s.cadence });
    }
    if (!values.length) continue;
    const r = await handle.db
      .insert(slaDigestDeliveries)
      .values(values)
      .onConflictDoNothing()
      .returning({ userId: slaDigestDeliveries.userId });
    created += r.length;
  }
  return created;
}

/** Claims open deliveries: pending ones and ones whose claim expired (their process died). */
async function claim(handle: DbHandle, owner: string, now: Date, claimMs: number): Promise<Claim[]> {
  const r = await handle.db.execute<{
    tenant_id: string;
    user_id: string;
    period_id: string;
    cadence: DigestCadence;
    attempts: number;
  }>(sql`
    update sla_digest_deliveries d
    set status = 'sending', attempts = d.attempts + 1, claimed_by = ${owner}::uuid,
        claimed_until = ${now.toISOString()}::timestamptz + ${claimMs} * interval '1 millisecond'
    from (
      select tenant_id, user_id, period_id from sla_digest_deliveries
      where status = 'pending' or (status = 'sending' and claimed_until < ${now.toISOString()}::timestamptz)
      order by created_at, tenant_id, user_id, period_id
      limit ${BATCH}
      for update skip locked
    ) c
    where d.tenant_id = c.tenant_id and d.user_id = c.user_id and d.period_id = c.period_id
    returning d.tenant_id::text as tenant_id, d.user_id, d.period_id, d.cadence, d.attempts`);
  return r.rows.map((x) => ({
    tenantId: x.tenant_id,
    userId: x.user_id,
    periodId: x.period_id,
    cadence: x.cadence,
    attempts: Number(x.attempts),
  }));
}

async function finish(
  handle: DbHandle,
  c: Claim,
  owner: string,
  outcome: { sent: true } | { sent: false; error: string; giveUp: boolean; retryAt?: Date },
): Promise<void> {
  const mine = and(
    eq(slaDigestDeliveries.tenantId, c.tenantId),
    eq(slaDigestDeliveries.userId, c.userId),
    eq(slaDigestDeliveries.periodId, c.periodId),
    eq(slaDigestDeliveries.claimedBy, owner),
    eq(slaDigestDeliveries.status, "sending"),
  );
  await handle.db
    .update(slaDigestDeliveries)
    .set(
      outcome.sent
        ? { status: "sent", sentAt: sql`now()`, claimedUntil: null, error: null }
        : outcome.giveUp
          ? { status: "failed", claimedUntil: null, error: outcome.error.slice(0, 500) }
          : // Stays claimed until retryAt: the next run after it tries again (not this one).
            { claimedUntil: outcome.retryAt ?? null, error: outcome.error.slice(0, 500) },
    )
    .where(mine);
}

interface Recipient {
  email: string;
  name: string;
  locale: Locale;
  tenant: TenantSummary;
  cadence: DigestCadence;
}

/** The recipient of a claimed digest, if they are still subscribed and a customer user. */
async function recipientOf(handle: DbHandle, c: Claim): Promise<Recipient | null> {
  const [row] = await handle.db
    .select({
      email: user.email,
      name: user.name,
      locale: user.locale,
      tenant: tenants,
      cadence: slaDigestSubscriptions.cadence,
    })
    .from(slaDigestSubscriptions)
    .innerJoin(tenants, and(eq(tenants.id, slaDigestSubscriptions.tenantId), eq(tenants.active, true)))
    .innerJoin(user, eq(user.id, slaDigestSubscriptions.userId))
    .innerJoin(
      member,
      and(
        eq(member.userId, slaDigestSubscriptions.userId),
        eq(member.organizationId, sql`${slaDigestSubscriptions.tenantId}::text`),
        inArray(member.role, [...CUSTOMER_ROLES]),
      ),
    )
    .where(and(eq(slaDigestSubscriptions.tenantId, c.tenantId), eq(slaDigestSubscriptions.userId, c.userId)));
  if (!row || row.cadence !== c.cadence) return null;
  return {
    email: row.email,
    name: row.name,
    locale: row.locale ?? row.tenant.defaultLocale,
    tenant: tenantSummaryOf(row.tenant),
    cadence: row.cadence,
  };
}

/** The worst OTIF misses of a period, as the user sees them (latest first). */
async function missedOrders(db: TenantContext, tenantId: string, key: PeriodKey): Promise<DigestMissedOrder[]> {
  const rows = await withTenant(db, (tx) =>
    tx
      .select({
        id: orders.id,
        orderNumber: orders.orderNumber,
        siteCode: sites.code,
        promisedDate: orders.promisedDate,
        onTime: orders.onTime,
        inFull: orders.inFull,
        lateMinutes: orders.lateMinutes,
      })
      .from(orders)
      .innerJoin(sites, and(eq(sites.tenantId, orders.tenantId), eq(sites.id, orders.siteId)))
      .where(
        and(eq(orders.tenantId, tenantId), fiscalCondition(key), eq(orders.measurable, true), eq(orders.otif, false)),
      )
      .orderBy(sql`${orders.lateMinutes} desc nulls last`, orders.orderNumber)
      .limit(MISSED_LISTED),
  );
  return rows;
}

/** The digest of one user and period, built as that user (their tenant only). */
export async function buildDigest(
  r: { tenant: TenantSummary; userId: string; name: string; locale: Locale; cadence: DigestCadence },
  periodId: string,
  now = new Date(),
): Promise<{ mail: DigestMail; scorecard: Scorecard } | null> {
  const key = parsePeriodKey(periodId);
  if (!key) return null;
  const db: TenantContext = { role: "portal_customer", tenantId: r.tenant.id, userId: r.userId };
  const result = await buildScorecard(db, r.tenant, { period: { kind: "key", key }, now: now.getTime() });
  if (!result.ok) return null;
  const missed = await missedOrders(db, r.tenant.id, key);
  const mail = renderDigest({
    scorecard: result.scorecard,
    missed,
    recipientName: r.name,
    cadence: r.cadence,
    locale: r.locale,
    origin: portalOrigin(),
  });
  return { mail, scorecard: result.scorecard };
}

/** One pass: enqueue the digests now due, then send every open one this process can claim. */
export async function runSlaDigests(handle: DbHandle, opts: DigestRunOptions = {}): Promise<DigestRunReport> {
  const now = opts.now ?? new Date();
  const owner = opts.owner ?? LEASE_OWNER;
  const report: DigestRunReport = { due: await enqueueDue(handle, now), sent: 0, failed: 0 };
  for (let round = 0; round < 100; round++) {
    const claims = await claim(handle, owner, now, opts.claimMs ?? CLAIM_MS);
    if (!claims.length) break;
    if (opts.afterClaim) await opts.afterClaim(claims);
    for (const c of claims) {
      try {
        const rcpt = await recipientOf(handle, c);
        const built = rcpt ? await buildDigest({ ...rcpt, userId: c.userId }, c.periodId, now) : null;
        if (!rcpt || !built) {
          // Unsubscribed, changed cadence or left the account since the digest fell due.
          await finish(handle, c, owner, { sent: false, error: "no longer subscribed", giveUp: true });
          report.failed++;
          continue;
        }
        await sendMail({
          to: rcpt.email,
          subject: built.mail.subject,
          text: built.mail.text,
          html: built.mail.html,
          messageId: `<sla-digest.${c.tenantId}.${c.userId}.${c.periodId}@sightline>`,
        });
        await finish(handle, c, owner, { sent: true });
        report.sent++;
      } catch (err) {
        const giveUp = c.attempts >= MAX_ATTEMPTS;
        log.error({ err, periodId: c.periodId, attempts: c.attempts }, "could not send an SLA digest");
        await finish(handle, c, owner, {
          sent: false,
          error: (err as Error).message,
          giveUp,
          retryAt: new Date(now.getTime() + (opts.claimMs ?? CLAIM_MS)),
        });
        if (giveUp) report.failed++;
      }
    }
    if (claims.length < BATCH) break;
  }
  return report;
}

/** Runs in one process at a time across the deployment (lease "sla digests"). */
export const slaDigestService = exclusiveService({
  name: "sla digests",
  everyMs: INTERVAL_MS,
  firstAfterMs: 30_000,
  run: (handle) => runSlaDigests(handle),
});

/**
 * The digest the signed-in customer user would get for the week or period that closed last, to
 * look at in the browser (Settings → Notifications → preview). Nothing is recorded or sent.
 */
export async function previewDigest(
  ctx: { tenant: TenantSummary; user: { id: string; name: string; locale?: Locale } },
  cadence: DigestCadence,
  now = new Date(),
): Promise<DigestMail | null> {
  const closed = await closedPeriods(ctx.tenant, ctx.user.id, now);
  const p = cadence === "week" ? closed.week : closed.period;
  if (!p) return null;
  const built = await buildDigest(
    { tenant: ctx.tenant, userId: ctx.user.id, name: ctx.user.name, locale: ctx.user.locale ?? "en", cadence },
    p.id,
    now,
  );
  return built?.mail ?? null;
}
