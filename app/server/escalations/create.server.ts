// Raise an escalation: the row, its exception request, audit entries and the staff who hear of it,
// in one transaction; e-mails go out after commit.
import {
  hasException,
  requiredApprover,
  storedApprovalReason,
  type ApproverRole,
} from "#app/domain/escalations/approval";
import type { NewEscalationInput } from "#app/forms/escalations";
import { and, eq } from "drizzle-orm";
import { escalationApprovals, escalations, orders, tenants } from "#db/schema/index";
import { withTenant } from "../tenant-db.server";
import { type EscalationActor, EscalationError, actorUserId } from "./actor.server";
import { mailNotices, noticeMessage, notifyInApp, type Notice } from "./notify.server";
import { staffForTenant } from "./people.server";
import { audit, staffLink, staffRef, tenantColumns } from "./row.server";
import { dueTimes, loadSlaContext, slaFor } from "./sla.server";

export interface Created {
  id: string;
  number: number;
  requiredApprover: ApproverRole | null;
}

export async function createEscalation(actor: EscalationActor, input: NewEscalationInput): Promise<Created> {
  const tenantId = actor.kind === "customer" ? actor.tenantId : actor.db.tenantId;
  if (!tenantId) throw new EscalationError(400, "Open the customer account first, then raise the escalation there.");
  const now = new Date();
  let mail: Notice[] = [];
  // Owner-connection lookups happen before the transaction: PGlite has one connection, so a
  // query outside the open transaction would wait for it forever.
  const [assignedStaff, approvers] = [
    await staffForTenant(tenantId, { agents: true }),
    await staffForTenant(tenantId, { leads: true, admins: true }),
  ];
  const created = await withTenant(actor.db, async (tx) => {
    const [tenant] = await tx
      .select({ id: tenants.id, name: tenants.name, ...tenantColumns })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    if (!tenant) throw new EscalationError(404, "That account does not exist or you cannot see it.");
    let orderNumber: string | null = null;
    // A credit is asked for in the order's currency; without an order the amount stands alone.
    let currency = "";
    if (input.orderId) {
      const [o] = await tx
        .select({ orderNumber: orders.orderNumber, currency: orders.currency })
        .from(orders)
        .where(and(eq(orders.tenantId, tenantId), eq(orders.id, input.orderId)));
      if (!o)
        throw new EscalationError(400, "That order was not found in your account.", {
          orderId: "That order was not found in your account.",
        });
      orderNumber = o.orderNumber;
      currency = o.currency;
    }
    const request = {
      expedite: input.requestExpedite,
      creditAmount: input.requestCreditAmount,
      policyOverride: input.requestPolicyOverride,
    };
    const wantsException = hasException(request);
    const approval = requiredApprover(tenant.tier, request);
    const slaCtx = await loadSlaContext(tx, tenant, tenant.tier);
    const sla = slaFor(
      {
        status: "open",
        severity: input.severity,
        createdAt: now,
        firstResponseAt: null,
        resolvedAt: null,
        slaPauses: [],
      },
      slaCtx,
      now,
    );
    const [row] = await tx
      .insert(escalations)
      .values({
        tenantId,
        number: 0, // assigned by the escalations_number trigger
        orderId: input.orderId,
        category: input.category,
        severity: input.severity,
        title: input.title,
        description: input.description,
        desiredOutcome: input.desiredOutcome,
        requestExpedite: input.requestExpedite,
        requestCreditAmount: input.requestCreditAmount === null ? null : input.requestCreditAmount.toFixed(2),
        requestPolicyOverride: input.requestPolicyOverride,
        exceptionStatus: wantsException ? "pending" : "none",
        raisedByUserId: actorUserId(actor),
        raisedByName: actor.name,
        createdAt: now,
        updatedAt: now,
        ...dueTimes(sla),
      })
      .returning({ id: escalations.id, number: escalations.number });
    const key = { tenantId, id: row.id };
    await audit(tx, actor, key, "created", {
      number: row.number,
      severity: input.severity,
      category: input.category,
      orderNumber,
      exceptionRequested: wantsException,
    });
    if (wantsException) {
      const requiredRole = approval.requiredRole ?? "support_agent";
      // Kept as facts and worded for each reader where shown (0055, app/i18n/approval-reason.ts).
      const reasons = approval.reasons.map(storedApprovalReason);
      await tx.insert(escalationApprovals).values({
        tenantId,
        escalationId: row.id,
        request: { ...request, currency },
        requiredRole,
        reasonFacts: reasons,
      });
      await audit(tx, actor, key, "approval_requested", { requiredRole, reasons, ...request, currency });
    }
    const needed = approval.requiredRole;
    const agents = [
      ...assignedStaff,
      ...approvers.filter(
        (s) =>
          needed !== null &&
          (s.role === "support_lead" || (needed === "platform_admin" && s.role === "platform_admin")),
      ),
    ].filter((s, i, all) => all.findIndex((o) => o.id === s.id) === i);
    const notices: Notice[] = agents
      .filter((s) => s.id !== actorUserId(actor))
      .map((s) => ({
        tenantId,
        recipientUserId: s.id,
        recipientKind: "staff" as const,
        escalationId: row.id,
        ...noticeMessage("notifications.escalation.raised", {
          key: staffRef({ shortCode: tenant.shortCode, number: row.number }),
          account: tenant.name,
          title: input.title,
          severity: input.severity,
          category: input.category,
          order: orderNumber ?? "none",
          approver:
            approval.requiredRole && (s.role === "support_lead" || s.role === "platform_admin")
              ? approval.requiredRole
              : "none",
        }),
        link: staffLink(row.id),
      }));
    mail = await notifyInApp(tx, notices);
    return { id: row.id, number: row.number, requiredApprover: approval.requiredRole };
  });
  await mailNotices(mail);
  return created;
}
