// Escalation SLA targets per account: the tier's defaults, overridden per severity by platform
// admins (escalation_sla_targets; the policy lets only platform admins write). Audited.
import { and, eq } from "drizzle-orm";
import { escalationSlaTargets, tenants } from "#db/schema/index";
import { DEFAULT_SLA_TARGETS, type SlaTarget } from "#app/domain/escalations/sla";
import { ESCALATION_SEVERITIES, type Severity } from "#app/domain/escalations/workflow";
import { recordAudit } from "../audit.server";
import type { StaffContext } from "../auth/guards.server";
import type { RequestInfo } from "../http/request-info.server";
import { withTenant } from "../tenant-db.server";
import { EscalationError } from "./actor.server";
import { agreedTargets, loadTargets } from "./sla.server";

export interface TargetRow extends SlaTarget {
  severity: Severity;
  tierDefault: SlaTarget;
  overridden: boolean;
}

export interface AccountTargets {
  tenant: { id: string; name: string; tier: "strategic" | "key" | "standard" };
  rows: TargetRow[];
  /** The agreed escalation protocol version that sets the targets (0082); overrides apply only without one. */
  protocolVersion: number | null;
}

export async function accountTargets(staff: StaffContext, tenantId: string): Promise<AccountTargets> {
  if (!/^[0-9a-f-]{36}$/i.test(tenantId)) throw new EscalationError(404, "There is no such account.");
  return withTenant({ role: "portal_staff", tenantId, staffId: staff.user.id }, async (tx) => {
    const [tenant] = await tx
      .select({ id: tenants.id, name: tenants.name, tier: tenants.tier })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    if (!tenant) throw new EscalationError(404, "There is no such account.");
    const effective = await loadTargets(tx, tenantId, tenant.tier);
    const { inEffectVersion } = await agreedTargets(tx, tenantId);
    const overrides = await tx
      .select({ severity: escalationSlaTargets.severity })
      .from(escalationSlaTargets)
      .where(eq(escalationSlaTargets.tenantId, tenantId));
    const set = new Set(overrides.map((o) => o.severity));
    return {
      tenant,
      rows: ESCALATION_SEVERITIES.map((severity) => ({
        severity,
        ...effective[severity],
        tierDefault: DEFAULT_SLA_TARGETS[tenant.tier][severity],
        overridden: set.has(severity),
      })),
      protocolVersion: inEffectVersion,
    };
  });
}

export async function saveTarget(
  staff: StaffContext,
  request: RequestInfo,
  tenantId: string,
  severity: Severity,
  target: SlaTarget | null,
): Promise<void> {
  if (staff.staffRole !== "platform_admin") {
    throw new EscalationError(403, "Only platform admins can change an account's SLA targets.");
  }
  await withTenant({ role: "portal_staff", tenantId, staffId: staff.user.id }, async (tx) => {
    const [tenant] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenantId));
    if (!tenant) throw new EscalationError(404, "There is no such account.");
    if (target === null) {
      await tx
        .delete(escalationSlaTargets)
        .where(and(eq(escalationSlaTargets.tenantId, tenantId), eq(escalationSlaTargets.severity, severity)));
    } else {
      await tx
        .insert(escalationSlaTargets)
        .values({ tenantId, severity, ...target, updatedBy: staff.user.id, updatedAt: new Date() })
        .onConflictDoUpdate({
          target: [escalationSlaTargets.tenantId, escalationSlaTargets.severity],
          set: { ...target, updatedBy: staff.user.id, updatedAt: new Date() },
        });
    }
    await recordAudit(tx, {
      tenantId,
      actorUserId: staff.user.id,
      actorLabel: `${staff.user.name} (staff)`,
      action: target ? "escalation.sla_target_set" : "escalation.sla_target_reset",
      targetType: "escalation_sla_target",
      targetId: `${tenantId}:${severity}`,
      detail: { severity, ...(target ?? {}) },
      request,
    });
  });
}
