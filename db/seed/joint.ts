// Demo data for joint operations: the customer's ratings of resolved escalations. Each demo
// account gets six earlier escalations, resolved and rated over the last half year (so the SLA
// page's satisfaction column has a history; three are about a late delivery and carry that order,
// so recovery time has figures), and its recently closed escalation is rated too;
// resolved escalations carry the root cause staff recorded (seedDemoRootCauses).
// Owner connection; deterministic for a given `now`.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Temporal } from "temporal-polyfill";
import type { DbHandle } from "../client";
import { auditLog, escalationComments, escalationRatings, escalations, type StoredPause } from "../schema/index";
import { FINISHED_STATUSES } from "#app/domain/escalations/workflow";
import type { RootCause } from "#app/domain/joint/root-causes";
import type { TenantProfile } from "./demo-tenants";

const HOUR = 3_600_000;

/** `late`: the complaint is about a delivery that came days late (the escalation carries that order). */
const HISTORY: {
  daysAgo: number;
  responseHours: number;
  score: number;
  comment: string | null;
  title: string;
  late?: boolean;
}[] = [
  {
    daysAgo: 170,
    responseHours: 1,
    score: 5,
    comment: "Quick and clear, thank you.",
    title: "Pallet label unreadable",
  },
  {
    daysAgo: 140,
    responseHours: 6,
    score: 2,
    comment: "Took two reminders to get an answer.",
    title: "Short shipment on two lines",
    late: true,
  },
  { daysAgo: 110, responseHours: 2, score: 4, comment: null, title: "Delivery slot missed", late: true },
  {
    daysAgo: 80,
    responseHours: 3,
    score: 3,
    comment: "Solved, but the credit note came late.",
    title: "Duplicate invoice",
  },
  {
    daysAgo: 50,
    responseHours: 1,
    score: 5,
    comment: "Replacement arrived the next morning.",
    title: "Damaged carton on arrival",
    late: true,
  },
  { daysAgo: 20, responseHours: 2, score: 4, comment: null, title: "Packing list missing" },
];

export async function seedDemoRatings(
  handle: DbHandle,
  tenants: readonly TenantProfile[],
  now: Temporal.Instant,
): Promise<void> {
  const t0 = now.epochMilliseconds;
  const at = (hoursAgo: number) => new Date(t0 - hoursAgo * HOUR);
  for (const [i, tenant] of tenants.entries()) {
    const admin = await handle.db.execute<{ id: string; name: string }>(
      sql`select id, name from "user" where email = ${`admin@${tenant.emailDomain}`} limit 1`,
    );
    const rater = admin.rows[0];
    if (!rater) continue;
    // The assignee of the account's seeded cases (agent or lead), for the per-agent view.
    const [owner] = await handle.db
      .select({ id: escalations.assigneeStaffId, firstName: escalations.assigneeFirstName })
      .from(escalations)
      .where(and(eq(escalations.tenantId, tenant.id), eq(escalations.status, "closed")))
      .limit(1);
    const pause = (start: Date): StoredPause => ({ start: start.toISOString(), end: null, reason: "resolved" });
    // Complaints about a late delivery carry that order (delivered days late in the three weeks
    // before), so the SLA page's recovery time and the recurring failures by site and carrier
    // have demo figures: a failed order escalated and resolved.
    const orderOf = new Map<number, string>();
    for (const [k, h] of HISTORY.entries()) {
      if (!h.late) continue;
      const created = at(h.daysAgo * 24);
      const taken = [...orderOf.values()];
      const r = await handle.db.execute<{ id: string }>(sql`
        select id from orders
        where tenant_id = ${tenant.id}::uuid and status = 'delivered'
          and delivered_at < ${created.toISOString()}::timestamptz
          and delivered_at > ${new Date(created.getTime() - 21 * 24 * HOUR).toISOString()}::timestamptz
          and (delivered_at at time zone ${tenant.timeZone})::date >= promised_date + 3
          ${
            taken.length
              ? sql`and id not in (${sql.join(
                  taken.map((id) => sql`${id}::uuid`),
                  sql`, `,
                )})`
              : sql``
          }
        order by delivered_at desc, id limit 1`);
      if (r.rows[0]) orderOf.set(k, r.rows[0].id);
    }
    const history = await handle.db
      .insert(escalations)
      .values(
        HISTORY.map((h, k) => {
          const created = at(h.daysAgo * 24);
          const resolved = at(h.daysAgo * 24 - 30);
          return {
            tenantId: tenant.id,
            orderId: orderOf.get(k) ?? null,
            number: 0,
            category: "other" as const,
            severity: "P3" as const,
            status: "closed" as const,
            title: h.title,
            description: "Reported by the customer's receiving team.",
            desiredOutcome: "Put it right and tell us what changes.",
            raisedByUserId: rater.id,
            raisedByName: rater.name,
            assigneeStaffId: owner?.id ?? null,
            assigneeFirstName: owner?.firstName ?? null,
            // Accounts differ a little, so the staff view has something to compare.
            firstResponseAt: at(h.daysAgo * 24 - h.responseHours - (i % 3)),
            resolvedAt: resolved,
            closedAt: at(h.daysAgo * 24 - 40),
            slaPauses: [pause(resolved)],
            createdAt: created,
            updatedAt: at(h.daysAgo * 24 - 40),
          };
        }),
      )
      .returning({ id: escalations.id, resolvedAt: escalations.resolvedAt });
    // A believable history for each: raised, answered in public, resolved and confirmed.
    const staffName = owner?.id
      ? ((await handle.db.execute<{ name: string }>(sql`select name from "user" where id = ${owner.id} limit 1`))
          .rows[0]?.name ?? "Support")
      : "Support";
    await handle.db.insert(escalationComments).values(
      history.map((e, k) => ({
        tenantId: tenant.id,
        escalationId: e.id,
        authorUserId: owner?.id ?? null,
        authorName: staffName,
        authorKind: "staff" as const,
        visibility: "public" as const,
        body: "We found the cause and put it right; details are in the resolution note.",
        createdAt: at(HISTORY[k].daysAgo * 24 - HISTORY[k].responseHours - (i % 3)),
      })),
    );
    const entry = (id: string, action: string, when: Date, actor: string, actorId: string | null, detail: object) => ({
      tenantId: tenant.id,
      actorUserId: actorId,
      actorLabel: actor,
      action: `escalation.${action}`,
      targetType: "escalation",
      targetId: id,
      detail: { ...detail, seeded: true },
      at: when,
    });
    await handle.db.insert(auditLog).values(
      history.flatMap((e, k) => {
        const h = HISTORY[k].daysAgo * 24;
        return [
          entry(e.id, "created", at(h), rater.name, rater.id, { severity: "P3", category: "other" }),
          entry(e.id, "status_changed", at(h - 30), `${staffName} (staff)`, owner?.id ?? null, {
            from: "in_progress",
            to: "resolved",
          }),
          entry(e.id, "status_changed", at(h - 40), rater.name, rater.id, { from: "resolved", to: "closed" }),
        ];
      }),
    );
    const [recent] = await handle.db
      .select({ id: escalations.id, resolvedAt: escalations.resolvedAt })
      .from(escalations)
      .where(and(eq(escalations.tenantId, tenant.id), eq(escalations.title, "Wrong colour delivered")))
      .limit(1);
    const rated = [
      ...history.map((e, k) => ({
        e,
        score: Math.max(1, HISTORY[k].score - ((k + i) % 2)),
        comment: HISTORY[k].comment,
      })),
      ...(recent ? [{ e: recent, score: 4, comment: "Exchanged within the week." }] : []),
    ];
    await handle.db.insert(escalationRatings).values(
      rated.map(({ e, score, comment }) => {
        const given = new Date((e.resolvedAt ?? at(0)).getTime() + 20 * HOUR);
        return {
          tenantId: tenant.id,
          escalationId: e.id,
          score,
          comment,
          ratedByUserId: rater.id,
          ratedByName: rater.name,
          createdAt: given,
          updatedAt: given,
        };
      }),
    );
  }
}

/**
 * Root causes on the demo's resolved escalations, as staff recorded them at resolution: what the
 * titles tell (a short shipment was a picking error, a crushed carton transit damage), so the
 * recurring-failures page has causes per account and period from the start.
 */
export const DEMO_ROOT_CAUSES: Record<string, RootCause> = {
  "Pallet label unreadable": "documentation_error",
  "Short shipment on two lines": "picking_error",
  "Delivery slot missed": "carrier_delay",
  "Duplicate invoice": "system_error",
  "Damaged carton on arrival": "transit_damage",
  "Packing list missing": "documentation_error",
  "Invoice shows the wrong unit price": "system_error",
  "Wrong colour delivered": "picking_error",
};

export async function seedDemoRootCauses(handle: DbHandle, tenants: readonly TenantProfile[]): Promise<void> {
  for (const [title, cause] of Object.entries(DEMO_ROOT_CAUSES)) {
    await handle.db
      .update(escalations)
      .set({ rootCause: cause })
      .where(
        and(
          inArray(
            escalations.tenantId,
            tenants.map((t) => t.id),
          ),
          eq(escalations.title, title),
          inArray(escalations.status, [...FINISHED_STATUSES]),
        ),
      );
  }
}
