// The workload view for leads: every open (not closed) escalation the lead may see, counted per
// owner and per account. Counting reuses the queue's listing, so each number matches the queue
// it links to.
import { emptyCounts, totalOf, workloadBy, type WorkloadCounts } from "#app/domain/escalations/workload";
import { emptyFigures, leadFigures, leadFiguresBy, type LeadFigures } from "#app/domain/escalations/lead-metrics";
import type { EscalationActor } from "./actor.server";
import { listLeadRows } from "./list.server";
import { staffDirectory } from "./people.server";

export interface WorkloadLine {
  /** A staff id or an account id; null for the "unassigned" line. */
  id: string | null;
  name: string;
  counts: WorkloadCounts;
  /** Breaches this week and median first response (business minutes), by owner or account. */
  figures: LeadFigures;
}

export interface Workload {
  byOwner: WorkloadLine[];
  byAccount: WorkloadLine[];
  total: WorkloadCounts;
  totalFigures: LeadFigures;
}

const UNASSIGNED = "";

export async function workload(actor: EscalationActor & { kind: "staff" }, now: Date = new Date()): Promise<Workload> {
  // Every escalation, closed ones too: a closed one may have breached or been answered this week.
  const rows = await listLeadRows(actor, { status: "all", limit: 1000 }, now);
  const all = rows.map((r) => ({ ...r.summary, ...r.lead, owner: r.assigneeStaffId ?? UNASSIGNED }));
  const open = all.filter((e) => e.status !== "closed");
  const people = await staffDirectory();
  const agents = people.filter((p) => p.role !== "platform_admin" || all.some((e) => e.owner === p.id));
  const ownerKeys = [UNASSIGNED, ...agents.map((a) => a.id)];
  const byOwner = workloadBy(open, (e) => e.owner, ownerKeys);
  const ownerFigures = leadFiguresBy(all, (e) => e.owner, now, ownerKeys);
  for (const k of ownerFigures.keys()) if (!byOwner.has(k)) byOwner.set(k, emptyCounts());
  const names = new Map(people.map((p) => [p.id, p.name]));
  const byAccount = workloadBy(open, (e) => e.tenantId);
  const accountFigures = leadFiguresBy(all, (e) => e.tenantId, now, [...byAccount.keys()]);
  for (const k of accountFigures.keys()) if (!byAccount.has(k)) byAccount.set(k, emptyCounts());
  const accountNames = new Map(all.map((e) => [e.tenantId, e.tenantName]));
  return {
    byOwner: [...byOwner].map(([id, counts]) => ({
      id: id === UNASSIGNED ? null : id,
      name: id === UNASSIGNED ? "" : (names.get(id) ?? ""),
      counts,
      figures: ownerFigures.get(id) ?? emptyFigures(),
    })),
    byAccount: [...byAccount]
      .map(([id, counts]) => ({
        id,
        name: accountNames.get(id) ?? "",
        counts,
        figures: accountFigures.get(id) ?? emptyFigures(),
      }))
      .sort((a, b) => b.counts.open - a.counts.open || a.name.localeCompare(b.name)),
    total: open.length ? totalOf(byAccount.values()) : emptyCounts(),
    totalFigures: leadFigures(all, now),
  };
}
