// SLA for stored escalations: targets (platform defaults merged with the tenant's overrides),
// the tenant's business clock, and a JSON-friendly view of both clocks.
import { and, asc, eq } from "drizzle-orm";
import { targetsOf } from "#app/domain/joint/protocol";
import {
  escalationProtocolVersions,
  escalations,
  escalationSlaTargets,
  tenants,
  type StoredPause,
} from "#db/schema/index";
import type { TenantTier } from "#db/schema/tenancy";
import type { Tier } from "#app/domain/escalations/approval";
import {
  activeClock,
  computeSla,
  DEFAULT_SLA_TARGETS,
  type ClockState,
  type PauseInterval,
  type SlaState,
  type SlaTarget,
} from "#app/domain/escalations/sla";
import type { EscalationStatus, Severity } from "#app/domain/escalations/workflow";
import type { BusinessClock } from "#app/domain/escalations/sla";
import type { Tx } from "../tenant-db.server";
import { clockOf, type TenantCalendarSource } from "../calendar/business-clock.server";
import { loadTenantCalendar } from "../calendar/tenant-calendar.server";

export type TargetsBySeverity = Record<Severity, SlaTarget>;

/**
 * The targets in effect: the agreed escalation protocol's (0082) when the account has one, else
 * the tier's defaults overridden per severity by escalation_sla_targets rows.
 */
export async function loadTargets(tx: Tx, tenantId: string, tier: Tier): Promise<TargetsBySeverity> {
  const agreed = await agreedTargets(tx, tenantId);
  return agreed.inEffect ?? (await tierTargets(tx, tenantId, tier));
}

/** The targets of every accepted protocol version, and of the one in effect (the highest). */
export async function agreedTargets(
  tx: Tx,
  tenantId: string,
): Promise<{
  byVersion: Map<number, TargetsBySeverity>;
  inEffect: TargetsBySeverity | null;
  inEffectVersion: number | null;
}> {
  const rows = await tx
    .select({ version: escalationProtocolVersions.version, terms: escalationProtocolVersions.terms })
    .from(escalationProtocolVersions)
    .where(and(eq(escalationProtocolVersions.tenantId, tenantId), eq(escalationProtocolVersions.status, "accepted")))
    .orderBy(asc(escalationProtocolVersions.version));
  const byVersion = new Map(rows.map((r) => [r.version, targetsOf(r.terms)]));
  const inEffectVersion = rows.length ? rows[rows.length - 1].version : null;
  return { byVersion, inEffect: inEffectVersion !== null ? byVersion.get(inEffectVersion)! : null, inEffectVersion };
}

/** Defaults for the tier, overridden per severity by escalation_sla_targets rows. */
export async function tierTargets(tx: Tx, tenantId: string, tier: Tier): Promise<TargetsBySeverity> {
  const rows = await tx
    .select({
      severity: escalationSlaTargets.severity,
      firstResponseMinutes: escalationSlaTargets.firstResponseMinutes,
      resolutionMinutes: escalationSlaTargets.resolutionMinutes,
      twentyFourSeven: escalationSlaTargets.twentyFourSeven,
    })
    .from(escalationSlaTargets)
    .where(eq(escalationSlaTargets.tenantId, tenantId));
  const out = { ...DEFAULT_SLA_TARGETS[tier] };
  for (const r of rows) {
    out[r.severity] = {
      firstResponseMinutes: r.firstResponseMinutes,
      resolutionMinutes: r.resolutionMinutes,
      twentyFourSeven: r.twentyFourSeven,
    };
  }
  return out;
}

/** What an escalation's clocks need from the database: targets and the business clock. */
export interface SlaContext {
  /** The targets in effect now (for escalations raised before any agreed protocol, too). */
  targets: TargetsBySeverity;
  /** Targets per accepted protocol version: an escalation keeps the version it was raised under. */
  byVersion: Map<number, TargetsBySeverity>;
  clock: BusinessClock;
  /** The calendar's zone and first weekday (1 = Monday): where "this week" starts for the account. */
  timeZone: string;
  weekStart: number;
}

export async function loadSlaContext(tx: Tx, tenant: TenantCalendarSource, tier: Tier): Promise<SlaContext> {
  const agreed = await agreedTargets(tx, tenant.id);
  const targets = agreed.inEffect ?? (await tierTargets(tx, tenant.id, tier));
  const cal = await loadTenantCalendar(tx, tenant);
  return {
    targets,
    byVersion: agreed.byVersion,
    clock: clockOf(cal.compiled),
    timeZone: cal.definition.timeZone,
    weekStart: cal.definition.weekStart,
  };
}

/**
 * One SlaContext per account, loaded when first asked for: for jobs and lists whose rows span
 * accounts (the alerts job, the level-up check, the staff lead list).
 */
export function slaContextsByTenant(tx: Tx): (tenant: TenantCalendarSource, tier: Tier) => Promise<SlaContext> {
  const byTenant = new Map<string, SlaContext>();
  return async (tenant, tier) => {
    const known = byTenant.get(tenant.id);
    if (known) return known;
    const ctx = await loadSlaContext(tx, tenant, tier);
    byTenant.set(tenant.id, ctx);
    return ctx;
  };
}

/** The account columns an SlaContext is loaded from, to select beside escalations joined to tenants. */
export const TENANT_CLOCK_COLUMNS = {
  tier: tenants.tier,
  timeZone: tenants.timeZone,
  country: tenants.country,
  region: tenants.region,
};

/**
 * The escalation columns its SLA clock is computed from (SlaFactsRow, read by slaFor), to select
 * beside whatever else a query needs.
 */
export const ESCALATION_CLOCK_COLUMNS = {
  status: escalations.status,
  severity: escalations.severity,
  createdAt: escalations.createdAt,
  firstResponseAt: escalations.firstResponseAt,
  resolvedAt: escalations.resolvedAt,
  slaPauses: escalations.slaPauses,
  protocolVersion: escalations.protocolVersion,
};

/** The account and tier of a row that selected TENANT_CLOCK_COLUMNS, as slaContextsByTenant takes them. */
export function tenantClockOf(r: {
  tenantId: string;
  tier: string;
  timeZone: string;
  country: string;
  region: string | null;
}): [TenantCalendarSource, TenantTier] {
  return [{ id: r.tenantId, timeZone: r.timeZone, country: r.country, region: r.region }, r.tier as TenantTier];
}

export function toPauses(stored: readonly StoredPause[]): PauseInterval[] {
  return stored.map((p) => ({ start: new Date(p.start), end: p.end ? new Date(p.end) : null, reason: p.reason }));
}

export interface SlaFactsRow {
  status: EscalationStatus;
  severity: Severity;
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  slaPauses: StoredPause[];
  /** The protocol version it was raised under; absent or null: the targets in effect. */
  protocolVersion?: number | null;
}

/** The targets one escalation runs under: its protocol version's, else those in effect. */
export function targetsFor(row: Pick<SlaFactsRow, "protocolVersion">, ctx: SlaContext): TargetsBySeverity {
  return (row.protocolVersion != null ? ctx.byVersion.get(row.protocolVersion) : undefined) ?? ctx.targets;
}

export function slaFor(row: SlaFactsRow, ctx: SlaContext, now: Date): SlaState {
  return computeSla(
    {
      status: row.status,
      createdAt: row.createdAt,
      firstResponseAt: row.firstResponseAt,
      resolvedAt: row.resolvedAt,
      pauses: toPauses(row.slaPauses),
    },
    targetsFor(row, ctx)[row.severity],
    ctx.clock,
    now,
  );
}

/** Deadlines to store with the row (null when that clock is stopped or paused). */
export function dueTimes(sla: SlaState): { responseDueAt: Date | null; resolutionDueAt: Date | null } {
  return {
    responseDueAt: sla.firstResponse.stoppedAt ? null : sla.firstResponse.dueAt,
    resolutionDueAt: sla.resolution.stoppedAt ? null : sla.resolution.dueAt,
  };
}

export interface ClockView {
  targetMinutes: number;
  elapsedMinutes: number;
  remainingMinutes: number;
  dueAt: string | null;
  status: ClockState["status"];
  pausedSince: string | null;
  pauseReason: ClockState["pauseReason"];
  stoppedAt: string | null;
}

export interface SlaView {
  firstResponse: ClockView;
  resolution: ClockView;
  twentyFourSeven: boolean;
  /** Which clock counts now. */
  active: "firstResponse" | "resolution";
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function clockView(c: ClockState): ClockView {
  return {
    targetMinutes: c.targetMinutes,
    elapsedMinutes: Math.round(c.elapsedMinutes),
    remainingMinutes: Math.round(c.remainingMinutes),
    dueAt: iso(c.dueAt),
    status: c.status,
    pausedSince: iso(c.pausedSince),
    pauseReason: c.pauseReason,
    stoppedAt: iso(c.stoppedAt),
  };
}

export function slaView(sla: SlaState): SlaView {
  return {
    firstResponse: clockView(sla.firstResponse),
    resolution: clockView(sla.resolution),
    twentyFourSeven: sla.twentyFourSeven,
    active: activeClock(sla) === sla.firstResponse ? "firstResponse" : "resolution",
  };
}
