// Proactive performance alerts (a background job): for every active account, the closed fiscal
// periods of its calendar against the joint-review thresholds of the protocol in effect
// (detectBreaches, app/domain/joint/performance-alerts.ts). Each new breach opens one internal
// alert per account, KPI and period (the table's unique key: running twice opens one), with the
// evidence (the periods' figures, the orders that missed and the drill-down to all of them), one
// audit entry, and notices to the account's leads and the provider-side lead and account
// executive contacts of its protocol (in-app in their language, by e-mail with SMTP_URL).
// A system job across all tenants: owner connection, one process at a time (lease).
import { TENANT_CLOCK_COLUMNS } from "../escalations/sla.server";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { fiscalPeriodOf } from "#app/domain/calendar/index";
import {
  EVIDENCE_ORDERS,
  detectBreaches,
  type Breach,
  type PerformanceEvidence,
  type PeriodFigures,
} from "#app/domain/joint/performance-alerts";
import type { ProtocolTerms } from "#app/domain/joint/protocol";
import { parsePeriodKey } from "#app/domain/sla/periods";
import type { DbHandle } from "#db/client";
import { orders, performanceAlerts, tenants } from "#db/schema/index";
import type { TenantTier } from "#db/schema/tenancy";
import { recordAudit } from "../audit.server";
import { loadTenantCalendar } from "../calendar/tenant-calendar.server";
import { mailNotices, noticeMessage, notifyInApp, type Notice } from "../escalations/notify.server";
import { staffForTenant } from "../escalations/people.server";
import { exclusiveService } from "../jobs/exclusive.server";
import { fiscalCondition } from "../sla/drilldown.server";
import { trendSlots } from "../sla/periods.server";
import { AGG } from "../sla/scorecard.server";
import type { Tx } from "../tenant-db.server";
import { termsInEffect } from "./protocol.server";

/** Closed fiscal periods looked at (a run starting before them is not reported again). */
export const WINDOW_PERIODS = 12;
const INTERVAL_MS = 15 * 60_000;

export interface PerformanceReport {
  accounts: number;
  opened: number;
}

interface Account {
  id: string;
  name: string;
  tier: TenantTier;
  timeZone: string;
  country: string;
  region: string | null;
}

/** A new alert, told to its recipients after commit. */
interface Opened {
  tenantId: string;
  tenantName: string;
  id: string;
  breach: Breach;
}

export const staffAlertLink = (id: string) => `/staff/performance-alerts#alert-${id}`;

/** The figures of the account's last closed fiscal periods, oldest first. */
export async function closedPeriodFigures(
  tx: Tx,
  account: Account,
  now: Date,
  n = WINDOW_PERIODS,
): Promise<PeriodFigures[]> {
  const cal = (await loadTenantCalendar(tx, account)).compiled;
  const current = fiscalPeriodOf(cal, now.getTime());
  const slots = trendSlots(cal, { fiscalYear: current.fiscalYear, period: current.period }, n + 1).slice(0, -1);
  if (!slots.length) return [];
  const years = [...new Set(slots.map((s) => s.fiscalYear))];
  const rows = await tx
    .select({
      fiscalYear: orders.fiscalYear,
      fiscalPeriod: orders.fiscalPeriod,
      measured: AGG.measured,
      otif: AGG.otif,
      unitsOrdered: AGG.unitsOrdered,
      unitsShipped: AGG.unitsShipped,
      shortOrders: AGG.shortOrders,
    })
    .from(orders)
    .where(and(eq(orders.tenantId, account.id), inArray(orders.fiscalYear, years)))
    .groupBy(orders.fiscalYear, orders.fiscalPeriod);
  const by = new Map(rows.map((r) => [`${r.fiscalYear}:${r.fiscalPeriod}`, r]));
  return slots.map((s) => {
    const r = by.get(`${s.fiscalYear}:${s.index}`);
    return {
      id: s.id,
      label: s.label,
      measured: Number(r?.measured ?? 0),
      otif: Number(r?.otif ?? 0),
      unitsOrdered: Number(r?.unitsOrdered ?? 0),
      unitsShipped: Number(r?.unitsShipped ?? 0),
      shortOrders: Number(r?.shortOrders ?? 0),
    };
  });
}

/** The orders behind a breach: not OTIF (OTIF), shipped short (fill rate), in its periods. */
async function missedOrders(tx: Tx, tenantId: string, breach: Breach): Promise<PerformanceEvidence> {
  const missed =
    breach.kpi === "otif"
      ? sql`${orders.measurable} and not ${orders.otif}`
      : sql`${orders.measurable} and ${orders.linesFilled} < ${orders.linesOrdered}`;
  const out: PerformanceEvidence["missedOrders"] = [];
  for (const p of breach.periods) {
    const key = parsePeriodKey(p.id);
    if (!key || out.length >= EVIDENCE_ORDERS) continue;
    const rows = await tx
      .select({ id: orders.id, orderNumber: orders.orderNumber })
      .from(orders)
      .where(and(eq(orders.tenantId, tenantId), fiscalCondition(key), missed))
      .orderBy(asc(orders.promisedDate), asc(orders.orderNumber))
      .limit(EVIDENCE_ORDERS - out.length);
    out.push(...rows.map((r) => ({ ...r, periodId: p.id })));
  }
  return {
    periods: breach.periods,
    missedOrders: out,
    missedTotal: breach.periods.reduce((s, p) => s + p.missed, 0),
  };
}

/** Opens the alerts of one account's new breaches; returns those this run inserted. */
export async function detectForAccount(tx: Tx, account: Account, now: Date): Promise<Opened[]> {
  const { terms } = await termsInEffect(tx, account);
  const figures = await closedPeriodFigures(tx, account, now);
  const opened: Opened[] = [];
  for (const breach of detectBreaches(figures, terms.review)) {
    const last = breach.periods[breach.periods.length - 1];
    const evidence = await missedOrders(tx, account.id, breach);
    const [row] = await tx
      .insert(performanceAlerts)
      .values({
        tenantId: account.id,
        kpi: breach.kpi,
        periodKey: breach.periodId,
        periodLabel: breach.periodLabel,
        floorPct: String(breach.floorPct),
        valuePct: String(last.value),
        evidence,
        openedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: performanceAlerts.id });
    if (!row) continue;
    await recordAudit(tx, {
      tenantId: account.id,
      actorUserId: null,
      actorLabel: "Sightline",
      action: "performance_alert.opened",
      targetType: "performance_alert",
      targetId: row.id,
      staffOnly: true,
      detail: {
        kpi: breach.kpi,
        period: breach.periodId,
        floorPct: breach.floorPct,
        valuePct: last.value,
        periods: breach.periods.map((p) => p.id),
      },
    });
    opened.push({ tenantId: account.id, tenantName: account.name, id: row.id, breach });
  }
  return opened;
}

/** Staff users behind the provider-side lead and account-executive contacts of the protocol. */
async function contactStaff(tx: Tx, terms: ProtocolTerms): Promise<string[]> {
  const emails = [
    ...new Set(
      terms.contacts
        .filter((c) => c.side === "provider" && (c.level === "lead" || c.level === "account_executive") && c.email)
        .map((c) => c.email.toLowerCase()),
    ),
  ];
  if (!emails.length) return [];
  const r = await tx.execute<{ id: string }>(sql`
    select u.id from "user" u join staff_members s on s.user_id = u.id and s.active
    where lower(u.email) in (${sql.join(
      emails.map((e) => sql`${e}`),
      sql`, `,
    )})`);
  return r.rows.map((x) => x.id);
}

/** In-app notices in each recipient's language (their own choice, else English). */
async function notices(tx: Tx, opened: Opened[], recipients: string[]): Promise<Notice[]> {
  if (!recipients.length || !opened.length) return [];
  const out: Notice[] = [];
  for (const o of opened) {
    const last = o.breach.periods[o.breach.periods.length - 1];
    // Stored as key and values: each reader gets it in their language when shown.
    const message = noticeMessage("joint.performance.notice", {
      account: o.tenantName,
      kpiId: o.breach.kpi,
      valuePct: last.value,
      floorPct: o.breach.floorPct,
      periods: o.breach.periods.length,
      period: o.breach.periodLabel,
    });
    for (const id of recipients)
      out.push({
        tenantId: o.tenantId,
        recipientUserId: id,
        recipientKind: "staff",
        escalationId: null,
        ...message,
        link: staffAlertLink(o.id),
      });
  }
  return out;
}

/** One run over every active account. `only` narrows it (tests, the demo seed). */
export async function runPerformanceAlerts(
  handle: DbHandle,
  now = new Date(),
  only?: string[],
): Promise<PerformanceReport> {
  const accounts: Account[] = await handle.db
    .select({
      id: tenants.id,
      name: tenants.name,
      ...TENANT_CLOCK_COLUMNS,
    })
    .from(tenants)
    .where(and(eq(tenants.active, true), only ? inArray(tenants.id, only) : undefined))
    .orderBy(asc(tenants.name));
  const report: PerformanceReport = { accounts: accounts.length, opened: 0 };
  const mail: Notice[] = [];
  for (const account of accounts) {
    // Leads are read before the transaction: PGlite has one connection, and the people lookups
    // use the shared handle, which would wait for the open transaction forever.
    const leads = (await staffForTenant(account.id, { leads: true })).map((l) => l.id);
    await handle.db.transaction(async (raw) => {
      const tx = raw as unknown as Tx;
      const opened = await detectForAccount(tx, account, now);
      if (!opened.length) return;
      report.opened += opened.length;
      const { terms } = await termsInEffect(tx, account);
      const recipients = [...new Set([...leads, ...(await contactStaff(tx, terms))])];
      mail.push(...(await notifyInApp(tx, await notices(tx, opened, recipients))));
    });
  }
  await mailNotices(mail);
  return report;
}

/** Runs in one process at a time across the deployment (lease "performance alerts"). */
export const performanceAlertsService = exclusiveService({
  name: "performance alerts",
  everyMs: INTERVAL_MS,
  firstAfterMs: 30_000,
  run: (handle) => runPerformanceAlerts(handle),
});
