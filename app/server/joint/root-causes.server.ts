// Root causes: staff record why an escalation happened when they resolve it (or correct it
// afterwards), audited. The same cause resolved often enough in one fiscal period at a strategic
// account raises one internal alert on the staff queue per account, cause and period, and tells
// the account's leads and the protocol's account executives in-app (and by e-mail with SMTP_URL). Alert and notices are stored as
// catalogue ids and values (0077, 0088), so each reader gets them in their own language.
import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { fiscalPeriodOf } from "#app/domain/calendar/index";
import { FINISHED_STATUSES } from "#app/domain/escalations/workflow";
import { contactsAt } from "#app/domain/joint/protocol";
import { causeApplies, isRepeatFailure, repeatAlertKey, type RootCause } from "#app/domain/joint/root-causes";
import { formatPeriodKey } from "#app/domain/sla/periods";
import { escalationAlerts, escalations } from "#db/schema/index";
import { loadTenantCalendar } from "../calendar/tenant-calendar.server";
import { env } from "../env.server";
import { type EscalationActor, EscalationError } from "../escalations/actor.server";
import { localized } from "#app/i18n/localized";
import { mailNotices, noticeMessage, notifyInApp } from "../escalations/notify.server";
import { activeStaffByEmail, staffForTenant } from "../escalations/people.server";
import { audit, loadRow, tenantOf, type StaffRow } from "../escalations/row.server";
import { withTenant, type Tx } from "../tenant-db.server";
import { termsInEffect } from "./protocol.server";

/** An alert this change raised: the leads are told after commit. */
export interface RepeatAlert {
  tenantId: string;
  alertId: string;
  /** The alert's values (account, count, cause, period), shared by the alert and the leads' notices. */
  values: { account: string; count: number; cause: RootCause; period: string };
  /** E-mail addresses of the provider-side account executives named in the protocol in effect. */
  executiveEmails: string[];
}

/**
 * Writes the cause of a resolved row (in the caller's transaction), audits it, and raises the
 * repeat-failure alert when this resolution's fiscal period reaches the threshold.
 */
export async function recordRootCause(
  tx: Tx,
  actor: EscalationActor,
  row: StaffRow,
  cause: RootCause,
  resolvedAt: Date,
  now: Date,
): Promise<RepeatAlert | null> {
  await tx
    .update(escalations)
    .set({ rootCause: cause, updatedAt: now })
    .where(and(eq(escalations.tenantId, row.tenantId), eq(escalations.id, row.id)));
  await audit(tx, actor, row, "root_cause_set", { cause, previous: row.rootCause });
  if (row.tier !== "strategic") return null;
  const cal = (await loadTenantCalendar(tx, tenantOf(row))).compiled;
  const pos = fiscalPeriodOf(cal, resolvedAt.getTime());
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(escalations)
    .where(
      and(
        eq(escalations.tenantId, row.tenantId),
        eq(escalations.rootCause, cause),
        inArray(escalations.status, [...FINISHED_STATUSES]),
        gte(escalations.resolvedAt, new Date(pos.startInstant)),
        lt(escalations.resolvedAt, new Date(pos.endInstant)),
      ),
    );
  const threshold = env().SIGHTLINE_REPEAT_FAILURE_THRESHOLD;
  if (!isRepeatFailure(row.tier, n, threshold)) return null;
  const periodKey = formatPeriodKey({ granularity: "period", fiscalYear: pos.fiscalYear, index: pos.period });
  // The message is stored like the other queue alerts (English, plus id and values for each
  // reader's language); the staff pages read the kind and key.
  const values = { account: row.tenantName, count: n, cause, period: pos.label };
  const message = `${row.tenantName} (strategic): ${n} escalations resolved with root cause "${cause}" in ${pos.label}.`;
  const inserted = await tx
    .insert(escalationAlerts)
    .values({
      tenantId: row.tenantId,
      kind: "repeat_failure",
      dedupeKey: repeatAlertKey(cause, periodKey),
      escalationId: null,
      message,
      messageI18n: localized("staff.alert.repeatFailure", values),
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: escalationAlerts.id });
  if (!inserted[0]) return null;
  // The protocol's provider-side account executives are told beside the leads (issue 21).
  const { terms } = await termsInEffect(tx, { id: row.tenantId, tier: row.tier });
  const executiveEmails = contactsAt(terms, "account_executive")
    .filter((c) => c.side === "provider" && c.email)
    .map((c) => c.email);
  return { tenantId: row.tenantId, alertId: inserted[0].id, values, executiveEmails };
}

/**
 * Tells the account's leads and the protocol's account executives about a new repeat-failure
 * alert (after the change committed).
 */
export async function notifyRepeatAlert(actor: EscalationActor, alert: RepeatAlert | null): Promise<void> {
  if (!alert) return;
  const people = [
    ...(await staffForTenant(alert.tenantId, { leads: true })),
    ...(await activeStaffByEmail(alert.executiveEmails)),
  ];
  const leads = people.filter((p, i) => people.findIndex((q) => q.id === p.id) === i);
  if (!leads.length) return;
  const mail = await withTenant(actor.db, (tx) =>
    notifyInApp(
      tx,
      leads.map((l) => ({
        tenantId: alert.tenantId,
        recipientUserId: l.id,
        recipientKind: "staff" as const,
        escalationId: null,
        ...noticeMessage("notifications.repeatFailure", alert.values),
        link: `/staff/recurring?tenant=${alert.tenantId}`,
      })),
    ),
  );
  await mailNotices(mail);
}

/** Sets or corrects the cause of a resolved (or closed) escalation. Staff only. */
export async function setRootCause(
  actor: EscalationActor,
  escalationId: string,
  cause: RootCause,
  now = new Date(),
): Promise<void> {
  if (actor.kind !== "staff") throw new EscalationError(403, "joint.cause.error.staff");
  const alert = await withTenant(actor.db, async (tx) => {
    const row = await loadRow(tx, actor, escalationId, true);
    if (!causeApplies(row.status) || !row.resolvedAt) throw new EscalationError(409, "joint.cause.error.notResolved");
    if (row.rootCause === cause) return null;
    return recordRootCause(tx, actor, row, cause, row.resolvedAt, now);
  });
  await notifyRepeatAlert(actor, alert);
}
