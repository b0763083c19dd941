// Fills every tenant table that the demo seed leaves empty for a tenant (saved views, alerts,
// notifications, per-account targets, embed keys, …), so that isolation tests have a row to
// leak in every table. Written as the owner, the way seeding writes. `emptyTenantTables` is
// the check that keeps this honest: a new tenant table that nothing fills is reported.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbHandle } from "#db/client";
import { DEFAULT_SLA_TARGETS } from "#app/domain/escalations/sla";
import { defaultTerms } from "#app/domain/joint/protocol";

/** Tenant tables (from the catalog: every public table with a tenant_id column). */
export async function tenantTables(handle: DbHandle): Promise<string[]> {
  const r = await handle.db.execute<{ name: string }>(
    sql`select c.relname as name from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
        order by 1`,
  );
  return r.rows.map((x) => x.name);
}

/** Tenant tables with no row of the given tenant. */
export async function emptyTenantTables(handle: DbHandle, tenantId: string): Promise<string[]> {
  const out: string[] = [];
  for (const t of await tenantTables(handle)) {
    const r = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(t)} where tenant_id = ${tenantId}`,
    );
    if (r.rows[0].n === 0) out.push(t);
  }
  return out;
}

/** Monday to Friday, 08:00-17:00 in Berlin: enough for a stored calendar row. */
const OFFICE_CALENDAR = {
  timeZone: "Europe/Berlin",
  weekStart: 1,
  weeklyHours: Object.fromEntries(
    ["1", "2", "3", "4", "5", "6", "7"].map((d) => [d, Number(d) <= 5 ? [{ start: "08:00", end: "17:00" }] : []]),
  ),
  holidays: null,
  closures: [],
  extraWorkingDays: [],
  fiscal: { kind: "calendar", startMonth: 1 },
};

export interface PopulateOptions {
  /** A customer user of the tenant (owner of the saved view, recipient of the notification). */
  userId: string;
  /** A staff user to assign to the tenant (not a support agent whose assignments a test relies on). */
  staffUserId: string;
}

/**
 * Adds one row to each tenant table that has none for this tenant. Needs the seeded basics
 * (orders, escalations). Returns the embed key's secret, since only its hash is stored.
 */
export async function populateTenant(
  handle: DbHandle,
  tenantId: string,
  opts: PopulateOptions,
): Promise<{ embedSecret: string | null }> {
  const empty = new Set(await emptyTenantTables(handle, tenantId));
  const run = (q: ReturnType<typeof sql>) => handle.db.execute(q);
  const one = async (q: ReturnType<typeof sql>) => (await handle.db.execute<{ id: string }>(q)).rows[0]?.id;
  const orderId = await one(
    sql`select id::text as id from orders where tenant_id = ${tenantId} order by external_id limit 1`,
  );
  let embedSecret: string | null = null;
  const tag = randomBytes(4).toString("hex");

  if (empty.has("tenant_calendars"))
    await run(sql`insert into tenant_calendars (tenant_id, version, definition, label, created_by)
      values (${tenantId}, 1, ${JSON.stringify(OFFICE_CALENDAR)}::jsonb, 'Populated calendar', 'test')`);
  if (empty.has("metric_jobs"))
    await run(sql`insert into metric_jobs (tenant_id, calendar_version, status) values (${tenantId}, 1, 'done')`);
  if (empty.has("ingest_keys"))
    await run(sql`insert into ingest_keys (tenant_id, name, prefix, secret_hash)
      values (${tenantId}, ${`Populated ERP ${tag}`}, 'sl_ingest_pop', ${createHash("sha256").update(tag).digest("hex")})`);
  if (empty.has("escalations"))
    await run(sql`insert into escalations (tenant_id, number, order_id, category, severity, status, title, description,
        desired_outcome, raised_by_name, request_credit_amount, exception_status)
      values (${tenantId}, 0, ${orderId ?? null}, 'late_delivery', 'P2', 'open', ${`Populated escalation ${tag}`},
        'Written by tests/support/populate.ts.', 'A fix.', 'Populated Customer', 2500, 'pending')`);
  const escalationId = await one(
    sql`select id::text as id from escalations where tenant_id = ${tenantId} order by created_at, id limit 1`,
  );
  if (empty.has("escalation_comments") && escalationId)
    await run(sql`insert into escalation_comments (tenant_id, escalation_id, author_user_id, author_name, author_kind, visibility, body)
      values (${tenantId}, ${escalationId}, ${opts.staffUserId}, 'Populated Agent', 'staff', 'internal', ${`Populated internal note ${tag}`}),
             (${tenantId}, ${escalationId}, ${opts.userId}, 'Populated Customer', 'customer', 'public', ${`Populated reply ${tag}`})`);
  if (empty.has("escalation_approvals") && escalationId)
    await run(sql`insert into escalation_approvals (tenant_id, escalation_id, request, required_role, reasons)
      values (${tenantId}, ${escalationId}, '{"creditAmount": 2500}'::jsonb, 'support_lead', '{credit}'::text[])`);

  if (empty.has("escalation_ratings")) {
    // Only a resolved escalation can be rated (0080's trigger), so rate one, adding it if none is.
    let resolvedId = await one(
      sql`select id::text as id from escalations where tenant_id = ${tenantId} and status in ('resolved', 'closed') limit 1`,
    );
    resolvedId ??=
      await one(sql`insert into escalations (tenant_id, number, category, severity, status, title, description,
        desired_outcome, raised_by_name, resolved_at)
      values (${tenantId}, (select coalesce(max(number), 0) + 1 from escalations where tenant_id = ${tenantId}),
        'other', 'P3', 'resolved', ${`Populated resolved escalation ${tag}`}, 'Written by tests/support/populate.ts.',
        'A fix.', 'Populated Customer', now())
      returning id::text as id`);
    await run(sql`insert into escalation_ratings (tenant_id, escalation_id, score, comment, rated_by_user_id, rated_by_name)
      values (${tenantId}, ${resolvedId}, 4, ${`Populated rating ${tag}`}, ${opts.userId}, 'Populated Customer')`);
  }

  if (empty.has("escalation_protocol_versions")) {
    const terms = JSON.stringify(defaultTerms(DEFAULT_SLA_TARGETS.key));
    await run(sql`insert into escalation_protocol_versions (tenant_id, version, terms, note, based_on, proposed_side, proposed_by_user_id,
        proposed_by_name, status, decided_side, decided_by_user_id, decided_by_name, decided_at)
      values (${tenantId}, 1, ${terms}::jsonb, ${`Populated protocol ${tag}`}, null, 'provider', ${opts.staffUserId}, 'Populated Lead',
        'accepted', 'customer', ${opts.userId}, 'Populated Customer', now()),
             (${tenantId}, 2, ${terms}::jsonb, ${`Populated proposal ${tag}`}, 1, 'customer', ${opts.userId}, 'Populated Customer',
        'pending', null, null, null, null)`);
  }
  if (empty.has("performance_alerts")) {
    // One internal alert and one with a published recovery plan (what customers may read).
    const evidence = JSON.stringify({
      periods: [{ id: "FY2026-P02", label: "P02", value: 90, measured: 10, missed: 1 }],
      missedOrders: orderId ? [{ id: orderId, orderNumber: `Populated ${tag}`, periodId: "FY2026-P02" }] : [],
      missedTotal: 1,
    });
    await run(sql`insert into performance_alerts (tenant_id, kpi, period_key, period_label, floor_pct, value_pct, evidence)
      values (${tenantId}, 'otif', 'FY2026-P02', ${`Populated period ${tag}`}, 92, 90, ${evidence}::jsonb)`);
    await run(sql`insert into performance_alerts (tenant_id, kpi, period_key, period_label, floor_pct, value_pct, evidence,
        status, acknowledged_at, acknowledged_by_name, recovery_plan, published_at, published_by_name)
      values (${tenantId}, 'fill_rate', 'FY2026-P02', ${`Populated period ${tag}`}, 95, 90, ${evidence}::jsonb,
        'acknowledged', now(), 'Populated Lead', ${`Populated recovery plan ${tag}`}, now(), 'Populated Lead')`);
  }
  if (empty.has("embed_keys")) {
    embedSecret = `sl_embed_${randomBytes(24).toString("base64url")}`;
    await run(sql`insert into embed_keys (tenant_id, name, prefix, secret_hash, allowed_origins, scopes, fixed_filters)
      values (${tenantId}, ${`Populated key ${tag}`}, ${embedSecret.slice(0, 15)},
        ${createHash("sha256").update(embedSecret).digest("hex")}, ${"{https://intranet.populated.example}"}::text[],
        ${"{orders:read,sla:read,escalations:write}"}::text[], '{}'::jsonb)`);
  }
  if (empty.has("escalation_alerts"))
    await run(sql`insert into escalation_alerts (tenant_id, kind, dedupe_key, escalation_id, message)
      values (${tenantId}, 'sla_near_breach', ${`populated-${tag}`}, ${escalationId ?? null}, ${`Populated alert ${tag}`})`);
  if (empty.has("escalation_notifications"))
    await run(sql`insert into escalation_notifications (tenant_id, recipient_user_id, recipient_kind, escalation_id, title, body, link)
      values (${tenantId}, ${opts.userId}, 'customer', ${escalationId ?? null}, ${`Populated notification ${tag}`},
        'A reply is waiting.', ${escalationId ? `/escalations/${escalationId}` : "/escalations"})`);
  if (empty.has("escalation_sla_targets"))
    await run(sql`insert into escalation_sla_targets (tenant_id, severity, first_response_minutes, resolution_minutes)
      values (${tenantId}, 'P2', 90, 900)`);
  if (empty.has("sla_targets"))
    await run(sql`insert into sla_targets (tenant_id, otif_pct, on_time_pct, in_full_pct, fill_rate_pct, lead_time_hours)
      values (${tenantId}, 91.5, 93.5, 96.5, 97.5, 41.5)`);
  if (empty.has("staff_assignments"))
    await run(sql`insert into staff_assignments (tenant_id, staff_user_id) values (${tenantId}, ${opts.staffUserId})`);
  if (empty.has("order_alert_cursors"))
    await run(sql`insert into order_alert_cursors (tenant_id, last_seq) values (${tenantId}, 0)`);
  let viewId = await one(sql`select id::text as id from order_views where tenant_id = ${tenantId} limit 1`);
  if (!viewId) {
    viewId = randomUUID();
    await run(sql`insert into order_views (tenant_id, id, user_id, name, query, alerts)
      values (${tenantId}, ${viewId}, ${opts.userId}, ${`Populated view ${tag}`}, 'status=late', true)`);
  }
  if (empty.has("order_alerts_sent") && orderId)
    await run(sql`insert into order_alerts_sent (tenant_id, view_id, order_id, dedupe_key)
      values (${tenantId}, ${viewId}, ${orderId}, ${`populated-${tag}`})`);
  if (empty.has("sla_digest_subscriptions"))
    await run(
      sql`insert into sla_digest_subscriptions (tenant_id, user_id, cadence) values (${tenantId}, ${opts.userId}, 'week')`,
    );
  if (empty.has("sla_digest_deliveries"))
    await run(sql`insert into sla_digest_deliveries (tenant_id, user_id, period_id, cadence, status, sent_at)
      values (${tenantId}, ${opts.userId}, 'FY2026-W01', 'week', 'sent', now())`);
  if (empty.has("feed_sources"))
    await run(sql`insert into feed_sources (tenant_id, key_id, label, last_arrival_at, gaps_s)
      select tenant_id, id, ${`Populated feed ${tag}`}, now(), '{300,300,300,300,300}' from ingest_keys
       where tenant_id = ${tenantId} limit 1`);
  return { embedSecret };
}
