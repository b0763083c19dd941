// Periodic escalation checks (a background service): SLA breaches and near-breaches notify the
// assignee and the account's leads in-app (and by e-mail with SMTP_URL); a strategic account
// with 3+ late orders in 7 days gets an internal alert on the queue. A system job across all
// tenants, so it runs on the owner connection; every write is idempotent (alerts_sent, dedupe keys).
import { localized, type Localized } from "#app/i18n/localized";
import { escalationKey } from "#app/domain/escalations/keys";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbHandle } from "#db/client";
import { escalationAlerts, escalations, tenants, type StoredPause } from "#db/schema/index";
import { formatMinutes } from "#app/domain/escalations/sla";
import { ACTIVE_STATUSES, type EscalationStatus, type Severity } from "#app/domain/escalations/workflow";
import { exclusiveService } from "../jobs/exclusive.server";
import type { Tx } from "../tenant-db.server";
import {
  mailContacts,
  mailNotices,
  noticeMessage,
  notifyInApp,
  type ContactNotice,
  type Notice,
} from "./notify.server";
import { staffForTenant } from "./people.server";
import {
  ESCALATION_CLOCK_COLUMNS,
  TENANT_CLOCK_COLUMNS,
  slaContextsByTenant,
  slaFor,
  tenantClockOf,
} from "./sla.server";
import { checkLevels } from "../joint/protocol-levels.server";

export const LATE_ORDERS_THRESHOLD = 3;
export const LATE_ORDERS_DAYS = 7;
const INTERVAL_MS = 60_000;

export interface CheckReport {
  slaAlerts: number;
  lateOrderAlerts: number;
  /** Escalations moved up a level of their account's protocol (protocol-levels.server.ts). */
  levelUps: number;
}

export async function runEscalationChecks(handle: DbHandle, now = new Date()): Promise<CheckReport> {
  const report: CheckReport = { slaAlerts: 0, lateOrderAlerts: 0, levelUps: 0 };
  const mail: Notice[] = [];
  const contactMail: ContactNotice[] = [];
  // Leads per account are read before the transaction: PGlite has one connection, and the
  // people lookups use the shared handle, which would wait for the open transaction forever.
  const active = await handle.db
    .selectDistinct({ tenantId: escalations.tenantId })
    .from(escalations)
    .where(inArray(escalations.status, [...ACTIVE_STATUSES]));
  const leads = new Map<string, string[]>();
  for (const { tenantId } of active) {
    leads.set(
      tenantId,
      (await staffForTenant(tenantId, { leads: true })).map((l) => l.id),
    );
  }
  await handle.db.transaction(async (tx) => {
    report.slaAlerts = await checkSla(tx as unknown as Tx, now, mail, leads);
    report.lateOrderAlerts = await checkLateOrders(tx as unknown as Tx, now);
    report.levelUps = await checkLevels(tx as unknown as Tx, now, mail, contactMail);
  });
  await mailNotices(mail);
  await mailContacts(contactMail, handle);
  return report;
}

async function checkSla(tx: Tx, now: Date, mail: Notice[], leadsByTenant: Map<string, string[]>): Promise<number> {
  const rows = await tx
    .select({
      tenantId: escalations.tenantId,
      id: escalations.id,
      number: escalations.number,
      title: escalations.title,
      ...ESCALATION_CLOCK_COLUMNS,
      assigneeStaffId: escalations.assigneeStaffId,
      alertsSent: escalations.alertsSent,
      tenantName: tenants.name,
      shortCode: tenants.shortCode,
      ...TENANT_CLOCK_COLUMNS,
    })
    .from(escalations)
    .innerJoin(tenants, eq(tenants.id, escalations.tenantId))
    .where(inArray(escalations.status, [...ACTIVE_STATUSES]));
  const slaContextOf = slaContextsByTenant(tx);
  let created = 0;
  for (const r of rows) {
    const slaCtx = await slaContextOf(...tenantClockOf(r));
    const sla = slaFor(
      {
        status: r.status as EscalationStatus,
        severity: r.severity as Severity,
        createdAt: r.createdAt,
        firstResponseAt: r.firstResponseAt,
        resolvedAt: r.resolvedAt,
        slaPauses: r.slaPauses as StoredPause[],
        // Measured by the version it runs under (the one it was raised under, or agreed since).
        protocolVersion: r.protocolVersion,
      },
      slaCtx,
      now,
    );
    const sent = new Set(r.alertsSent);
    const fresh: { key: string; kind: "sla_breach" | "sla_near_breach"; message: string; i18n: Localized }[] = [];
    for (const [name, clock] of [
      ["response", sla.firstResponse],
      ["resolution", sla.resolution],
    ] as const) {
      const label = name === "response" ? "first response" : "resolution";
      const key = escalationKey(r.shortCode, r.number);
      if (clock.status === "breached" && !sent.has(`${name}_breached`)) {
        fresh.push({
          key: `${name}_breached`,
          kind: "sla_breach",
          message: `${key} (${r.tenantName}) breached its ${label} target by ${formatMinutes(-clock.remainingMinutes)}.`,
          i18n: localized("staff.alert.breached", {
            key,
            account: r.tenantName,
            clock: name,
            minutes: Math.round(-clock.remainingMinutes),
          }),
        });
      } else if (clock.status === "breaching_soon" && !sent.has(`${name}_soon`) && !sent.has(`${name}_breached`)) {
        fresh.push({
          key: `${name}_soon`,
          kind: "sla_near_breach",
          message: `${key} (${r.tenantName}) has ${formatMinutes(clock.remainingMinutes)} left to its ${label} target.`,
          i18n: localized("staff.alert.soon", {
            key,
            account: r.tenantName,
            clock: name,
            minutes: Math.round(clock.remainingMinutes),
          }),
        });
      }
    }
    if (!fresh.length) continue;
    for (const f of fresh) {
      await tx
        .insert(escalationAlerts)
        .values({
          tenantId: r.tenantId,
          kind: f.kind,
          dedupeKey: `${r.id}:${f.key}:${r.alertsSent.length}`,
          escalationId: r.id,
          message: f.message,
          messageI18n: f.i18n,
        })
        .onConflictDoNothing();
    }
    await tx
      .update(escalations)
      .set({ alertsSent: [...sent, ...fresh.map((f) => f.key)] })
      .where(and(eq(escalations.tenantId, r.tenantId), eq(escalations.id, r.id)));
    const leads = leadsByTenant.get(r.tenantId) ?? [];
    const recipients = [...new Set([...(r.assigneeStaffId ? [r.assigneeStaffId] : []), ...leads])];
    const notices = recipients.flatMap((id) =>
      fresh.map((f) => ({
        tenantId: r.tenantId,
        recipientUserId: id,
        recipientKind: "staff" as const,
        escalationId: r.id,
        ...noticeMessage(
          f.kind === "sla_breach" ? "notifications.escalation.slaBreached" : "notifications.escalation.slaAtRisk",
          { ...f.i18n.values, title: r.title },
        ),
        link: `/staff/queue/${r.id}`,
      })),
    );
    mail.push(...(await notifyInApp(tx, notices)));
    created += fresh.length;
  }
  return created;
}

async function checkLateOrders(tx: Tx, now: Date): Promise<number> {
  // Late = promised in the last 7 days (tenant's local dates) and delivered after the promise,
  // or not delivered (nor cancelled) although the promise has passed.
  const r = await tx.execute<{ tenant_id: string; name: string; late: number; today: string }>(sql`
    select t.id as tenant_id, t.name, count(o.id)::int as late,
           (${now.toISOString()}::timestamptz at time zone t.time_zone)::date::text as today
    from tenants t
    join orders o on o.tenant_id = t.id
     and o.promised_date >= (${now.toISOString()}::timestamptz at time zone t.time_zone)::date - ${LATE_ORDERS_DAYS}::int
     and o.promised_date < (${now.toISOString()}::timestamptz at time zone t.time_zone)::date
     and ((o.delivered_at is not null and (o.delivered_at at time zone t.time_zone)::date > o.promised_date)
          or (o.delivered_at is null and o.status not in ('cancelled', 'delivered')))
    where t.tier = 'strategic' and t.active
    group by t.id, t.name, t.time_zone
    having count(o.id) >= ${LATE_ORDERS_THRESHOLD}`);
  let created = 0;
  for (const row of r.rows) {
    // One open alert per account per week: skip while a recent one is still on the queue.
    const recent = await tx.execute<{ n: number }>(sql`
      select count(*)::int as n from escalation_alerts
      where tenant_id = ${row.tenant_id}::uuid and kind = 'late_orders' and dismissed_at is null
        and created_at > ${now.toISOString()}::timestamptz - interval '7 days'`);
    if (recent.rows[0].n > 0) continue;
    const inserted = await tx
      .insert(escalationAlerts)
      .values({
        tenantId: row.tenant_id,
        kind: "late_orders",
        dedupeKey: `late_orders:${row.today}`,
        message: `${row.name} (strategic) has ${row.late} late orders in the last ${LATE_ORDERS_DAYS} days.`,
        messageI18n: localized("staff.alert.lateOrders", {
          account: row.name,
          count: row.late,
          days: LATE_ORDERS_DAYS,
        }),
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: escalationAlerts.id });
    created += inserted.length;
  }
  return created;
}

/** Runs in one process at a time across the deployment (lease "escalation checks"). */
export const escalationChecksService = exclusiveService({
  name: "escalation checks",
  everyMs: INTERVAL_MS,
  firstAfterMs: 5_000,
  run: (handle) => runEscalationChecks(handle),
});
