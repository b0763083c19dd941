// Satisfaction for staff: ratings given in a recent window, summed per account and per agent
// (the escalation's assignee), with the latest ratings and their comments. Runs as portal_staff,
// so an agent sees the accounts assigned to them and leads see every account (RLS).
import { and, desc, eq, gte } from "drizzle-orm";
import { summarize, type ReportWindow, type SatisfactionSummary } from "#app/domain/joint/satisfaction";
import { escalationKey } from "#app/domain/escalations/keys";
import { escalationRatings, escalations, tenants } from "#db/schema/index";
import type { StaffContext } from "../auth/guards.server";
import { peopleByIds } from "../escalations/people.server";
import { withTenant } from "../tenant-db.server";

export interface RatedEscalation {
  escalationId: string;
  key: string;
  title: string;
  tenantId: string;
  tenantName: string;
  agentName: string | null;
  score: number;
  comment: string | null;
  ratedByName: string;
  ratedAt: string;
}

export interface RatingsReport {
  days: ReportWindow;
  tenantId: string | null;
  accounts: ({ tenantId: string; name: string } & SatisfactionSummary)[];
  agents: ({ staffId: string | null; name: string | null } & SatisfactionSummary)[];
  recent: RatedEscalation[];
}

const RECENT = 50;

function groupScores<T extends { score: number }, K>(rows: readonly T[], keyOf: (r: T) => K): Map<K, number[]> {
  const out = new Map<K, number[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = out.get(k);
    if (list) list.push(r.score);
    else out.set(k, [r.score]);
  }
  return out;
}

export async function ratingsReport(
  staff: StaffContext,
  opts: { days: ReportWindow; tenantId: string | null },
  now = new Date(),
): Promise<RatingsReport> {
  const since = new Date(now.getTime() - opts.days * 86_400_000);
  const rows = await withTenant(staff.db, (tx) =>
    tx
      .select({
        escalationId: escalations.id,
        number: escalations.number,
        title: escalations.title,
        assigneeStaffId: escalations.assigneeStaffId,
        tenantId: tenants.id,
        tenantName: tenants.name,
        shortCode: tenants.shortCode,
        score: escalationRatings.score,
        comment: escalationRatings.comment,
        ratedByName: escalationRatings.ratedByName,
        updatedAt: escalationRatings.updatedAt,
      })
      .from(escalationRatings)
      .innerJoin(
        escalations,
        and(eq(escalations.tenantId, escalationRatings.tenantId), eq(escalations.id, escalationRatings.escalationId)),
      )
      .innerJoin(tenants, eq(tenants.id, escalationRatings.tenantId))
      .where(gte(escalationRatings.createdAt, since))
      .orderBy(desc(escalationRatings.updatedAt)),
  );
  const accounts = [...groupScores(rows, (r) => r.tenantId)]
    .map(([tenantId, scores]) => ({
      tenantId,
      name: rows.find((r) => r.tenantId === tenantId)!.tenantName,
      ...summarize(scores),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const scoped = opts.tenantId ? rows.filter((r) => r.tenantId === opts.tenantId) : rows;
  const names = new Map((await peopleByIds(scoped.flatMap((r) => r.assigneeStaffId ?? []))).map((p) => [p.id, p.name]));
  const agents = [...groupScores(scoped, (r) => r.assigneeStaffId)]
    .map(([staffId, scores]) => ({
      staffId,
      name: staffId ? (names.get(staffId) ?? null) : null,
      ...summarize(scores),
    }))
    .sort((a, b) => (a.name ?? "\uffff").localeCompare(b.name ?? "\uffff"));
  const recent = scoped.slice(0, RECENT).map((r) => ({
    escalationId: r.escalationId,
    key: escalationKey(r.shortCode, r.number),
    title: r.title,
    tenantId: r.tenantId,
    tenantName: r.tenantName,
    agentName: r.assigneeStaffId ? (names.get(r.assigneeStaffId) ?? null) : null,
    score: r.score,
    comment: r.comment,
    ratedByName: r.ratedByName,
    ratedAt: r.updatedAt.toISOString(),
  }));
  return { days: opts.days, tenantId: opts.tenantId, accounts, agents, recent };
}
