// Contracted SLA targets: the tenant's own row in sla_targets when a platform admin set one,
// otherwise the defaults of the tenant's tier. Tolerance changes alter per-order metrics, so
// they queue a recompute of the tenant's stored figures.
import { localized, type Localized } from "#app/i18n/localized";
import { asc, eq, sql } from "drizzle-orm";
import { metricJobs, slaTargets, tenants } from "#db/schema/index";
import { TIER_DEFAULT_TARGETS, type SlaTargets, type Tier } from "#app/domain/sla/targets";
import { recordAudit } from "../audit.server";
import type { StaffContext } from "../auth/guards.server";
import type { RequestInfo } from "../http/request-info.server";
import { withTenant, type Tx } from "../tenant-db.server";

export interface EffectiveTargets {
  targets: SlaTargets;
  source: "contract" | "tier";
  tier: Tier;
  updatedAt: Date | null;
}

type TargetRow = typeof slaTargets.$inferSelect;

function fromRow(r: TargetRow): SlaTargets {
  return {
    otifPct: Number(r.otifPct),
    onTimePct: Number(r.onTimePct),
    inFullPct: Number(r.inFullPct),
    fillRatePct: Number(r.fillRatePct),
    leadTimeHours: Number(r.leadTimeHours),
    onTimeToleranceDays: r.onTimeToleranceDays,
    inFullTolerancePct: Number(r.inFullTolerancePct),
  };
}

/** Within any tenant transaction whose role may read sla_targets (customer, staff, ingest). */
export async function loadTargets(tx: Tx, tenantId: string, tier: Tier): Promise<EffectiveTargets> {
  const [row] = await tx.select().from(slaTargets).where(eq(slaTargets.tenantId, tenantId));
  if (!row) return { targets: TIER_DEFAULT_TARGETS[tier], source: "tier", tier, updatedAt: null };
  return { targets: fromRow(row), source: "contract", tier, updatedAt: row.updatedAt };
}

export interface TenantTargetsRow extends EffectiveTargets {
  tenantId: string;
  name: string;
}

/** Every account the platform admin sees, with its effective targets. */
export async function listTenantTargets(staff: StaffContext): Promise<TenantTargetsRow[]> {
  return withTenant(staff.db, async (tx) => {
    const rows = await tx
      .select({ id: tenants.id, name: tenants.name, tier: tenants.tier, t: slaTargets })
      .from(tenants)
      .leftJoin(slaTargets, eq(slaTargets.tenantId, tenants.id))
      .orderBy(asc(tenants.name));
    return rows.map((r) => ({
      tenantId: r.id,
      name: r.name,
      tier: r.tier,
      source: r.t ? ("contract" as const) : ("tier" as const),
      targets: r.t ? fromRow(r.t) : TIER_DEFAULT_TARGETS[r.tier],
      updatedAt: r.t?.updatedAt ?? null,
    }));
  });
}

type Outcome = { ok: true; message: Localized; recompute: boolean } | { ok: false; message: Localized };

async function queueRecompute(tx: Tx, tenantId: string): Promise<void> {
  const [cal] = await tx
    .execute<{ v: number }>(
      sql`select coalesce(max(version), 0)::int as v from tenant_calendars where tenant_id = ${tenantId}`,
    )
    .then((r) => r.rows);
  await tx.insert(metricJobs).values({ tenantId, calendarVersion: cal.v, status: "queued" });
}

function tolerancesDiffer(a: SlaTargets, b: SlaTargets): boolean {
  return a.onTimeToleranceDays !== b.onTimeToleranceDays || a.inFullTolerancePct !== b.inFullTolerancePct;
}

/** Sets (or with `targets: null`, removes) a tenant's contracted targets. Platform admins only (route guard). */
export async function setTenantTargets(
  staff: StaffContext,
  info: RequestInfo,
  tenantId: string,
  targets: SlaTargets | null,
): Promise<Outcome> {
  return withTenant({ role: "portal_staff", tenantId, staffId: staff.user.id }, async (tx) => {
    const [tenant] = await tx
      .select({ id: tenants.id, name: tenants.name, tier: tenants.tier })
      .from(tenants)
      .where(eq(tenants.id, tenantId));
    if (!tenant) return { ok: false as const, message: localized("admin.slaTargets.notYours") };
    const before = await loadTargets(tx, tenantId, tenant.tier);
    if (targets === null) {
      await tx.delete(slaTargets).where(eq(slaTargets.tenantId, tenantId));
    } else {
      const values = {
        otifPct: String(targets.otifPct),
        onTimePct: String(targets.onTimePct),
        inFullPct: String(targets.inFullPct),
        fillRatePct: String(targets.fillRatePct),
        leadTimeHours: String(targets.leadTimeHours),
        onTimeToleranceDays: targets.onTimeToleranceDays,
        inFullTolerancePct: String(targets.inFullTolerancePct),
        updatedBy: staff.user.id,
        updatedAt: new Date(),
      };
      await tx
        .insert(slaTargets)
        .values({ tenantId, ...values })
        .onConflictDoUpdate({ target: slaTargets.tenantId, set: values });
    }
    const after = targets ?? TIER_DEFAULT_TARGETS[tenant.tier];
    const recompute = tolerancesDiffer(before.targets, after);
    if (recompute) await queueRecompute(tx, tenantId);
    await recordAudit(tx, {
      tenantId,
      actorUserId: staff.user.id,
      actorLabel: staff.user.email,
      action: targets === null ? "sla.targets.reset" : "sla.targets.set",
      targetType: "tenant",
      targetId: tenantId,
      detail: { before: before.targets, after },
      request: info,
    });
    const again = recompute ? "yes" : "no";
    return {
      ok: true as const,
      recompute,
      message:
        targets === null
          ? localized("admin.slaTargets.resetDone", { name: tenant.name, tier: tenant.tier, recompute: again })
          : localized("admin.slaTargets.saved", { name: tenant.name, recompute: again }),
    };
  });
}
