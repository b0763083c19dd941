// Demo escalations: a handful per demo customer in different states (new, being worked with a
// public reply and an internal note, waiting for the customer, resolved, closed, and one with an
// exception request waiting for a lead), plus per-tenant SLA target overrides. Owner connection;
// numbers come from the escalations_number trigger. Deterministic for a given `now`.
import { sql } from "drizzle-orm";
import type { Temporal } from "temporal-polyfill";
import type { DbHandle } from "../client";
import {
  auditLog,
  escalationApprovals,
  escalationComments,
  escalations,
  escalationSlaTargets,
  type StoredPause,
} from "../schema/index";
import { requiredApprover, storedApprovalReason } from "#app/domain/escalations/approval";
import type { TenantProfile } from "./demo-tenants";

interface Staff {
  id: string;
  name: string;
}

const HOUR = 3_600_000;

async function staffByEmail(handle: DbHandle, email: string): Promise<Staff | null> {
  const r = await handle.db.execute<{ id: string; name: string }>(
    sql`select id, name from "user" where email = ${email} limit 1`,
  );
  return r.rows[0] ?? null;
}

/** Late orders placed before `placedBefore` (an escalation cannot be about an order not yet placed). */
async function lateOrders(handle: DbHandle, tenantId: string, today: string, n: number, placedBefore: Date) {
  const before = placedBefore.toISOString();
  const r = await handle.db.execute<{ id: string; order_number: string }>(sql`
    select id, order_number from orders
    where tenant_id = ${tenantId}::uuid and promised_date < ${today}::date and status not in ('delivered', 'cancelled')
      and ordered_at < ${before}::timestamptz
    order by promised_date desc, order_number limit ${n}`);
  if (r.rows.length >= n) return r.rows;
  const more = await handle.db.execute<{ id: string; order_number: string }>(sql`
    select id, order_number from orders where tenant_id = ${tenantId}::uuid and ordered_at < ${before}::timestamptz
    order by order_number desc limit ${n}`);
  const seen = new Set(r.rows.map((o) => o.id));
  return [...r.rows, ...more.rows.filter((o) => !seen.has(o.id))].slice(0, n);
}

export async function seedDemoEscalations(
  handle: DbHandle,
  tenants: readonly TenantProfile[],
  now: Temporal.Instant,
): Promise<void> {
  const agent = await staffByEmail(handle, "agent@sightline.example");
  const lead = await staffByEmail(handle, "lead@sightline.example");
  if (!agent || !lead) return;
  const t0 = now.epochMilliseconds;
  const at = (hoursAgo: number) => new Date(t0 - hoursAgo * HOUR);
  const first = (s: Staff) => s.name.split(" ")[0];

  for (const tenant of tenants) {
    const owner = tenant.slug === "acme" || tenant.slug === "nordwind" ? agent : lead;
    const today = now.toZonedDateTimeISO(tenant.timeZone).toPlainDate().toString();
    // The oldest escalation about an order was raised 72 hours ago.
    const late = await lateOrders(handle, tenant.id, today, 3, at(72));
    const admin = await handle.db.execute<{ id: string; name: string }>(
      sql`select id, name from "user" where email = ${`admin@${tenant.emailDomain}`} limit 1`,
    );
    const raiser = admin.rows[0] ?? { id: null, name: `${tenant.name} Admin` };
    const base = {
      tenantId: tenant.id,
      number: 0,
      raisedByUserId: raiser.id,
      raisedByName: raiser.name,
    };
    const resolvedCredit = tenant.tier === "standard" ? 1800 : 12500;
    const pause = (start: Date, end: Date | null, reason: StoredPause["reason"]): StoredPause => ({
      start: start.toISOString(),
      end: end ? end.toISOString() : null,
      reason,
    });
    const rows = await handle.db
      .insert(escalations)
      .values([
        {
          ...base,
          orderId: late[0]?.id ?? null,
          category: "late_delivery",
          severity: "P2",
          status: "open",
          title: late[0] ? `Order ${late[0].order_number} is late` : "Shipment running late",
          description: "The order has passed its promised date and the tracking page shows no movement since.",
          desiredOutcome: "A firm new delivery date today, and delivery within two days.",
          requestExpedite: true,
          exceptionStatus: "pending",
          createdAt: at(1.5),
          updatedAt: at(1.5),
        },
        {
          ...base,
          orderId: late[1]?.id ?? null,
          category: "damaged_goods",
          severity: "P3",
          status: "in_progress",
          title: "Two cartons arrived crushed",
          description:
            "Two of six cartons were crushed on arrival; the contents of one are unusable. Photos are on file.",
          desiredOutcome: "Replacement of the damaged items with the next shipment.",
          assigneeStaffId: owner.id,
          assigneeFirstName: first(owner),
          firstResponseAt: at(26),
          createdAt: at(28),
          updatedAt: at(20),
        },
        {
          ...base,
          category: "documentation",
          severity: "P4",
          status: "awaiting_customer",
          title: "Certificate of conformity missing",
          description: "The certificate of conformity was not included with last week's delivery.",
          desiredOutcome: "Send the certificate by e-mail.",
          assigneeStaffId: owner.id,
          assigneeFirstName: first(owner),
          firstResponseAt: at(46),
          slaPauses: [pause(at(44), null, "awaiting_customer")],
          createdAt: at(48),
          updatedAt: at(44),
        },
        {
          ...base,
          orderId: late[2]?.id ?? null,
          category: "billing",
          severity: "P3",
          status: "resolved",
          title: "Invoice shows the wrong unit price",
          description: "The invoice charges list price instead of our contract price on two lines.",
          desiredOutcome: "A corrected invoice, and a credit for the difference.",
          requestCreditAmount: resolvedCredit.toFixed(2),
          exceptionStatus: "approved",
          assigneeStaffId: owner.id,
          assigneeFirstName: first(owner),
          firstResponseAt: at(70),
          resolvedAt: at(30),
          slaPauses: [pause(at(30), null, "resolved")],
          createdAt: at(72),
          updatedAt: at(30),
        },
        {
          ...base,
          category: "wrong_items",
          severity: "P3",
          status: "closed",
          title: "Wrong colour delivered",
          description: "We ordered the navy variant and received grey.",
          desiredOutcome: "Exchange for the right variant.",
          assigneeStaffId: owner.id,
          assigneeFirstName: first(owner),
          firstResponseAt: at(200),
          resolvedAt: at(150),
          closedAt: at(140),
          slaPauses: [pause(at(150), null, "resolved")],
          createdAt: at(204),
          updatedAt: at(140),
        },
      ])
      .returning({ id: escalations.id, number: escalations.number, status: escalations.status });
    const [fresh, working, waiting, resolved, closed] = rows;
    const ownerLabel = `${owner.name} (staff)`;
    await handle.db.insert(escalationComments).values([
      {
        tenantId: tenant.id,
        escalationId: working.id,
        authorUserId: owner.id,
        authorName: owner.name,
        authorKind: "staff",
        visibility: "public",
        body: "Sorry about this. We have opened a claim with the carrier and are preparing replacements.",
        createdAt: at(26),
      },
      {
        tenantId: tenant.id,
        escalationId: working.id,
        authorUserId: owner.id,
        authorName: owner.name,
        authorKind: "staff",
        visibility: "internal",
        body: "Carrier claim opened; second damage report for this lane this month. Watch the packaging spec.",
        createdAt: at(25),
      },
      {
        tenantId: tenant.id,
        escalationId: waiting.id,
        authorUserId: owner.id,
        authorName: owner.name,
        authorKind: "staff",
        visibility: "public",
        body: "Could you tell us the delivery note number, so we can find the right certificate?",
        createdAt: at(44),
      },
      {
        tenantId: tenant.id,
        escalationId: resolved.id,
        authorUserId: owner.id,
        authorName: owner.name,
        authorKind: "staff",
        visibility: "public",
        body: "A corrected invoice is on its way, and the credit was approved.",
        createdAt: at(30),
      },
      {
        tenantId: tenant.id,
        escalationId: closed.id,
        authorUserId: owner.id,
        authorName: owner.name,
        authorKind: "staff",
        visibility: "public",
        body: "Sorry for the mix-up. The navy variant ships today; the carrier collects the grey ones on delivery.",
        createdAt: at(200),
      },
      {
        tenantId: tenant.id,
        escalationId: closed.id,
        authorUserId: raiser.id,
        authorName: raiser.name,
        authorKind: "customer",
        visibility: "public",
        body: "Navy ones arrived and the grey ones went back. Thank you.",
        createdAt: at(151),
      },
      {
        tenantId: tenant.id,
        escalationId: closed.id,
        authorUserId: owner.id,
        authorName: owner.name,
        authorKind: "staff",
        visibility: "public",
        body: "Glad it is sorted. We will close this in a few days unless anything else comes up.",
        createdAt: at(150),
      },
    ]);
    // Who must decide each exception request: the approval rows and their audit entries agree.
    const freshApprover = tenant.tier === "standard" ? "support_lead" : "support_agent";
    const resolvedApprover = tenant.tier === "strategic" ? "support_agent" : "support_lead";
    // Why each needs approval, as the rule gives it (stored as facts, worded for each reader: 0055).
    const freshReasons = requiredApprover(tenant.tier, {
      expedite: true,
      creditAmount: null,
      policyOverride: null,
    }).reasons.map(storedApprovalReason);
    const resolvedReasons = requiredApprover(tenant.tier, {
      expedite: false,
      creditAmount: resolvedCredit,
      policyOverride: null,
    }).reasons.map(storedApprovalReason);
    const currency = tenant.currency;
    const freshRequest = { requiredRole: freshApprover, reasons: freshReasons, expedite: true, currency };
    const resolvedRequest = {
      requiredRole: resolvedApprover,
      reasons: resolvedReasons,
      creditAmount: resolvedCredit,
      currency,
    };
    await handle.db.insert(escalationApprovals).values([
      {
        tenantId: tenant.id,
        escalationId: fresh.id,
        request: { expedite: true, creditAmount: null, policyOverride: null, currency: tenant.currency },
        requiredRole: freshApprover,
        reasonFacts: freshReasons,
        createdAt: at(1.5),
      },
      {
        tenantId: tenant.id,
        escalationId: resolved.id,
        request: {
          expedite: false,
          creditAmount: resolvedCredit,
          policyOverride: null,
          currency: tenant.currency,
        },
        requiredRole: resolvedApprover,
        reasonFacts: resolvedReasons,
        decision: "approved",
        reason: "Contract price confirmed; credit the difference.",
        decidedByUserId: lead.id,
        decidedByName: lead.name,
        decidedAt: at(40),
        createdAt: at(72),
      },
    ]);
    // The acting user's id, when the label is one of the seeded people: staff entries are shown
    // to customers by first name and role, looked up by this id (0010_audit_customer_fields.sql).
    const actorIds = new Map<string, string | null>([
      [raiser.name, raiser.id],
      [ownerLabel, owner.id],
      [`${lead.name} (staff)`, lead.id],
    ]);
    const audit = (id: string, action: string, hoursAgo: number, actor: string, detail: Record<string, unknown>) => ({
      tenantId: tenant.id,
      actorUserId: actorIds.get(actor) ?? null,
      actorLabel: actor,
      action: `escalation.${action}`,
      targetType: "escalation",
      targetId: id,
      detail: { ...detail, seeded: true },
      at: at(hoursAgo),
    });
    await handle.db
      .insert(auditLog)
      .values([
        audit(fresh.id, "created", 1.5, raiser.name, { severity: "P2", category: "late_delivery" }),
        audit(fresh.id, "approval_requested", 1.5, raiser.name, freshRequest),
        audit(working.id, "created", 28, raiser.name, { severity: "P3", category: "damaged_goods" }),
        audit(working.id, "assigned", 26, ownerLabel, { assigneeFirstName: first(owner) }),
        audit(working.id, "status_changed", 26, ownerLabel, { from: "open", to: "acknowledged" }),
        audit(working.id, "reply_added", 26, ownerLabel, {}),
        audit(working.id, "note_added", 25, ownerLabel, {}),
        audit(working.id, "status_changed", 25, ownerLabel, { from: "acknowledged", to: "in_progress" }),
        audit(waiting.id, "created", 48, raiser.name, { severity: "P4", category: "documentation" }),
        audit(waiting.id, "assigned", 46, ownerLabel, { assigneeFirstName: first(owner) }),
        audit(waiting.id, "status_changed", 46, ownerLabel, { from: "open", to: "acknowledged" }),
        audit(waiting.id, "status_changed", 45, ownerLabel, { from: "acknowledged", to: "in_progress" }),
        audit(waiting.id, "reply_added", 44, ownerLabel, {}),
        audit(waiting.id, "status_changed", 44, ownerLabel, { from: "in_progress", to: "awaiting_customer" }),
        audit(waiting.id, "sla_paused", 44, ownerLabel, { reason: "awaiting_customer" }),
        audit(resolved.id, "created", 72, raiser.name, { severity: "P3", category: "billing" }),
        audit(resolved.id, "approval_requested", 72, raiser.name, resolvedRequest),
        audit(resolved.id, "assigned", 70, ownerLabel, { assigneeFirstName: first(owner) }),
        audit(resolved.id, "status_changed", 70, ownerLabel, { from: "open", to: "acknowledged" }),
        audit(resolved.id, "status_changed", 69, ownerLabel, { from: "acknowledged", to: "in_progress" }),
        audit(resolved.id, "approval_decided", 40, `${lead.name} (staff)`, { decision: "approved" }),
        audit(resolved.id, "reply_added", 30, ownerLabel, {}),
        audit(resolved.id, "status_changed", 30, ownerLabel, { from: "in_progress", to: "resolved" }),
        audit(resolved.id, "sla_paused", 30, ownerLabel, { reason: "resolved" }),
        audit(closed.id, "created", 204, raiser.name, { severity: "P3", category: "wrong_items" }),
        audit(closed.id, "assigned", 201, ownerLabel, { assigneeFirstName: first(owner) }),
        audit(closed.id, "status_changed", 200, ownerLabel, { from: "open", to: "acknowledged" }),
        audit(closed.id, "reply_added", 200, ownerLabel, {}),
        audit(closed.id, "status_changed", 199, ownerLabel, { from: "acknowledged", to: "in_progress" }),
        audit(closed.id, "reply_added", 151, raiser.name, {}),
        audit(closed.id, "reply_added", 150, ownerLabel, {}),
        audit(closed.id, "status_changed", 150, ownerLabel, { from: "in_progress", to: "resolved" }),
        audit(closed.id, "sla_paused", 150, ownerLabel, { reason: "resolved" }),
        audit(closed.id, "status_changed", 140, ownerLabel, { from: "resolved", to: "closed" }),
      ]);
  }

  // Contract overrides: the strategic account's P2 first response is tighter than the tier default.
  const strategic = tenants.find((t) => t.tier === "strategic");
  if (strategic) {
    await handle.db.insert(escalationSlaTargets).values({
      tenantId: strategic.id,
      severity: "P2",
      firstResponseMinutes: 45,
      resolutionMinutes: 480,
      twentyFourSeven: false,
      updatedBy: "seed",
    });
  }
}
