// The workload view for leads: every open (not closed) escalation the lead may see, counted per
// owner and per account. Counting reuses the queue's listing, so each number matches the queue
// it links to.
import { inArray } from "drizzle-orm";
import { emptyCounts, totalOf, workloadBy, type WorkloadCounts } from "#app/domain/escalations/workload";
import { escalations } from "../../../db/schema/index";
import { withTenant } from "../tenant-db.server";
import type { EscalationActor } from "./actor.server";
import { listEscalations } from "./list.server";
import { staffDirectory } from "./people.server";

export interface WorkloadLine {
  /** A staff id or an account id; null for the "unassigned" line. */
  id: string | null;
  name: string;
  counts: WorkloadCounts;
}

export interface Workload {
  byOwner: WorkloadLine[];
  byAccount: WorkloadLine[];
  total: WorkloadCounts;
}

const UNASSIGNED = "";

export async function workload(actor: EscalationActor & { kind: "staff" }): Promise<Workload> {
  const open = await listEscalations(actor, { status: "active", limit: 1000 });
  const ids = open.map((e) => e.id);
  // The owner's id is a staff column the public summary leaves out.
  const owners = new Map<string, string | null>();
  if (ids.length) {
    const rows = await withTenant(actor.db, (tx) =>
      tx
        .select({ id: escalations.id, owner: escalations.assigneeStaffId })
        .from(escalations)
        .where(inArray(escalations.id, ids)),
    );
    for (const r of rows) owners.set(r.id, r.owner);
  }
  const people = await staffDirectory();
  const agents = people.filter((p) => p.role !== "platform_admin" || open.some((e) => owners.get(e.id) === p.id));
  const byOwner = workloadBy(open, (e) => owners.get(e.id) ?? UNASSIGNED, [UNASSIGNED, ...agents.map((a) => a.id)]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const byAccount = workloadBy(open, (e) => e.tenantId);
  const accountNames = new Map(open.map((e) => [e.tenantId, e.tenantName]));
  return {
    byOwner: [...byOwner].map(([id, counts]) => ({
      id: id === UNASSIGNED ? null : id,
      name: id === UNASSIGNED ? "" : (names.get(id) ?? ""),
      counts,
    })),
    byAccount: [...byAccount]
      .map(([id, counts]) => ({ id, name: accountNames.get(id) ?? "", counts }))
      .sort((a, b) => b.counts.open - a.counts.open || a.name.localeCompare(b.name)),
    total: open.length ? totalOf(byAccount.values()) : emptyCounts(),
  };
}
