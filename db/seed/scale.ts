// The benchmark's data set written by the database itself: accounts, sites and ingest keys come
// from the same code as the demo (a few hundred rows), and the orders with their lines,
// shipments and event timelines are generated set-based in SQL (generate_series, INSERT …
// SELECT), following the rules of db/seed/orders.ts: lead times by priority, holds, backorders
// (always late), cancellations, short shipments, exceptions, late deliveries by each account's
// on-time rate and its story (by promised day), damage, claims and document errors after
// delivery, only what has happened by `now` stored, status = the last status event.
// 1M orders took 1,782-2,585 s row by row through the JavaScript generator; this path exists so
// that the bench database can be built in minutes. Randomness is PostgreSQL's (setseed), so the
// rows are not those of the JavaScript generator, but their shape and rates are.
import { sql } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import type { DbHandle, Tx } from "../client";
import { DEFAULT_BACKORDER_RATE, DEMO_TENANTS } from "./demo-tenants";
import { DAMAGE, DOCUMENT_ERRORS, EXCEPTIONS, HOLD_REASONS, INTERNAL_NOTES } from "./orders";
import { createSeedTenant, scaleCounts, scaleProfile } from "./seed";
import { Rng, hashSeed } from "./random";

type Progress = (line: string) => void;

const HISTORY_DAYS = 548;
/** Promised dates run from HISTORY_DAYS + 4 weeks ago to ~4 weeks ahead; the story is tabulated over them. */
const STORY_FROM = -40;
const STORY_TO = HISTORY_DAYS + 40;

/** The tables an order's rows go to; their secondary indexes are built once, after the load. */
const LOADED = ["orders", "order_lines", "shipments", "order_events"];

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
const sqlArray = (items: readonly string[]) => `ARRAY[${items.map(sqlText).join(", ")}]::text[]`;

/** The notes of db/seed/orders.ts without its nulls; an index past the end gives NULL, as often. */
const NOTES = INTERNAL_NOTES.filter((note): note is string => note !== null);

interface Inputs {
  accounts: Record<string, unknown>[];
  sites: Record<string, unknown>[];
  carriers: Record<string, unknown>[];
  catalogue: Record<string, unknown>[];
  service: Record<string, unknown>[];
}

/**
 * Benchmark data like seedScale (same accounts, sizes and slugs), written set-based. Runs in one
 * transaction on one connection: triggers and foreign-key checks are off for it
 * (session_replication_role = replica), so it numbers the events and sets the perfect-order flags
 * and event counters itself, as the triggers would; secondary indexes are dropped and rebuilt.
 */
export async function seedScaleSql(
  handle: DbHandle,
  opts: { tenants: number; orders: number; now?: Temporal.Instant; progress?: Progress },
): Promise<{ largestTenantId: string; largestOrders: number }> {
  const now = opts.now ?? Temporal.Now.instant();
  const progress = opts.progress ?? ((l: string) => console.log(l));
  const counts = scaleCounts(opts.tenants, opts.orders);
  const inputs: Inputs = { accounts: [], sites: [], carriers: [], catalogue: [], service: [] };
  const storyDone = new Set<string>();
  for (let i = 0; i < opts.tenants; i++) {
    const profile = scaleProfile(i, counts[i]);
    const siteIds = await createSeedTenant(handle, profile, new Rng(hashSeed(profile.slug)));
    const base = String(i % DEMO_TENANTS.length);
    inputs.accounts.push({
      tenant_id: profile.id,
      slug: profile.slug,
      zone: profile.timeZone,
      currency: profile.currency,
      n: counts[i],
      story: base,
      short_rate: profile.shortShipRate,
      n_items: profile.catalogue.length,
    });
    profile.sites.forEach((s, k) =>
      inputs.sites.push({
        tenant_id: profile.id,
        site_no: k,
        site_id: siteIds[k],
        code: s.code,
        zone: s.timeZone,
        city: s.city,
        short_rate: s.shortShipRate ?? null,
        n_sites: profile.sites.length,
      }),
    );
    profile.carriers.forEach((c) => inputs.carriers.push({ tenant_id: profile.id, name: c.name, url: c.url }));
    profile.catalogue.forEach((c, k) =>
      inputs.catalogue.push({
        tenant_id: profile.id,
        item_no: k,
        sku: c.sku,
        description: c.description,
        price: c.price,
      }),
    );
    // The story by promised day, tabulated once per demo profile (the copies share its zone).
    if (!storyDone.has(base)) {
      storyDone.add(base);
      const today = now.toZonedDateTimeISO(profile.timeZone).toPlainDate();
      for (let daysAgo = STORY_FROM; daysAgo <= STORY_TO; daysAgo++) {
        const promised = today.subtract({ days: daysAgo });
        const s = profile.story?.({ daysAgo, month: promised.month }) ?? {};
        const fallback = s.onTimeRate ?? profile.onTimeRate;
        const shares = s.carriers?.length
          ? s.carriers
          : profile.carriers.map((c) => ({ name: c.name, share: 1, onTimeRate: undefined }));
        const total = shares.reduce((sum, c) => sum + c.share, 0);
        let cum = 0;
        inputs.service.push({
          story: base,
          days_ago: daysAgo,
          short_rate: s.shortShipRate ?? null,
          site_short: s.siteShortShipRate ?? null,
          backorder_rate: s.backorderRate ?? DEFAULT_BACKORDER_RATE,
          carriers: shares.map((c) => {
            cum += c.share / total;
            return { name: c.name, cum: Math.min(1, cum), on_time: c.onTimeRate ?? fallback };
          }),
        });
      }
    }
  }
  progress(`[seed] ${opts.tenants} accounts created; generating ${opts.orders} orders in SQL`);
  await handle.db.transaction(async (tx) => {
    await generate(tx, handle.kind, inputs, new Date(now.epochMilliseconds).toISOString(), progress);
  });
  const largest = await handle.db.execute<{ id: string; n: number }>(
    sql`select tenant_id as id, count(*)::int as n from orders group by tenant_id order by n desc limit 1`,
  );
  return { largestTenantId: largest.rows[0].id, largestOrders: largest.rows[0].n };
}

async function generate(
  tx: Tx,
  kind: DbHandle["kind"],
  inputs: Inputs,
  nowIso: string,
  progress: Progress,
): Promise<void> {
  const step = async (label: string, text: string) => {
    const started = Date.now();
    await tx.execute(sql.raw(text));
    progress(`[seed]   ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  const NOW = `${sqlText(nowIso)}::timestamptz`;
  const h = (x: string) => `((${x}) * interval '1 hour')`;
  await tx.execute(sql.raw(`SET LOCAL session_replication_role = replica`));
  // Sorts of millions of rows (event numbering) and the index rebuilds stay in memory.
  if (kind === "postgres") {
    await tx.execute(sql.raw(`SET LOCAL work_mem = '256MB'`));
    await tx.execute(sql.raw(`SET LOCAL maintenance_work_mem = '512MB'`));
  }
  await tx.execute(sql.raw(`SELECT setseed(0.17)`));
  const input = async (name: string, rows: Record<string, unknown>[], columns: string) =>
    tx.execute(
      sql`${sql.raw(`CREATE TEMP TABLE ${name} ON COMMIT DROP AS SELECT * FROM json_to_recordset(`)}${JSON.stringify(rows)}${sql.raw(`::json) AS x(${columns})`)}`,
    );
  await input(
    "scale_account",
    inputs.accounts,
    "tenant_id uuid, slug text, zone text, currency text, n int, story text, short_rate float8, n_items int",
  );
  await input(
    "scale_site",
    inputs.sites,
    "tenant_id uuid, site_no int, site_id uuid, code text, zone text, city text, short_rate float8, n_sites int",
  );
  await input("scale_carrier", inputs.carriers, "tenant_id uuid, name text, url text");
  await input("scale_item", inputs.catalogue, "tenant_id uuid, item_no int, sku text, description text, price float8");
  await input(
    "scale_story",
    inputs.service,
    "story text, days_ago int, short_rate float8, site_short jsonb, backorder_rate float8, carriers jsonb",
  );

  // Secondary indexes: dropped now, rebuilt after the load (their definitions as the migrations left them).
  const idx = await tx.execute<{ name: string; def: string }>(
    sql.raw(`SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename IN (${LOADED.map(sqlText).join(", ")})
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`),
  );
  for (const r of idx.rows) await tx.execute(sql.raw(`DROP INDEX ${quoteIdent(r.name)}`));

  // One row per order with every random draw and every planned instant (null: did not happen).
  await step(
    "order plan",
    `CREATE TEMP TABLE scale_plan ON COMMIT DROP AS
    WITH d AS (
      SELECT a.tenant_id, a.slug, a.zone, a.currency, a.story, a.short_rate AS account_short, a.n_items,
             (${NOW} AT TIME ZONE a.zone)::date AS today,
             (${NOW} AT TIME ZONE a.zone)::date - floor(random() * ${HISTORY_DAYS + 1})::int AS day0,
             random() AS r_weekend
      FROM scale_account a CROSS JOIN LATERAL generate_series(1, a.n)
    ), o AS (
      SELECT d.*, d.day0 + CASE WHEN extract(isodow FROM d.day0) >= 6 AND d.r_weekend < 0.8
                                THEN 8 - extract(isodow FROM d.day0)::int ELSE 0 END AS order_day
      FROM d
    ), o2 AS (
      SELECT o.*,
        (o.order_day + make_time(7 + floor(random() * 11)::int, floor(random() * 60)::int, 0)) AT TIME ZONE o.zone AS ordered_at,
        CASE WHEN random() < 0.06 THEN 'critical' WHEN random() < 0.15 THEN 'expedited' ELSE 'standard' END AS priority,
        random() AS r_lead, random() AS r_promise, random() AS r_promise_d, random() AS r_site, random() AS r_lines,
        random() AS r_item, random() AS r_carrier
      FROM o
    ), o3 AS (
      SELECT o2.*,
        o2.order_day + CASE o2.priority WHEN 'critical' THEN 2 + floor(o2.r_lead * 3)::int
          WHEN 'expedited' THEN 3 + floor(o2.r_lead * 6)::int ELSE 6 + floor(o2.r_lead * 16)::int END AS requested
      FROM o2 WHERE o2.ordered_at <= ${NOW}
    ), o4 AS (
      SELECT o3.*, o3.requested + CASE WHEN o3.r_promise < 0.25 THEN 1 + floor(o3.r_promise_d * 4)::int ELSE 0 END AS promised,
        1 + floor(o3.r_lines * 6)::int AS line_count
      FROM o3
    )
    SELECT o4.*, gen_random_uuid() AS order_id,
      row_number() OVER (PARTITION BY o4.tenant_id ORDER BY o4.ordered_at) AS number,
      s.site_id, s.zone AS site_zone, s.city,
      coalesce((st.site_short ->> s.code)::float8, s.short_rate, st.short_rate, o4.account_short) AS short_rate,
      coalesce(st.backorder_rate, ${DEFAULT_BACKORDER_RATE}) AS backorder_rate,
      c.name AS carrier, c.on_time, cu.url AS carrier_url,
      floor(o4.r_item * o4.n_items)::int AS item0, i0.sku AS first_sku,
      random() AS r_conf, random() AS r_cancel, random() AS r_cancel_h, random() AS r_bo, random() AS r_bo_h,
      random() AS r_bo_d, random() AS r_alloc_h, random() AS r_hold, random() AS r_hold_h, random() AS r_hold_d,
      random() AS r_hold_reason, random() AS r_late, random() AS r_deliv_d, random() AS r_transit,
      random() AS r_ship_h, random() AS r_ship_m, random() AS r_pick, random() AS r_pack, random() AS r_short,
      random() AS r_short_line, random() AS r_short_bo, random() AS r_in_transit, random() AS r_dlv_h,
      random() AS r_dlv_m, random() AS r_exc, random() AS r_exc_reason, random() AS r_ofd, random() AS r_dmg,
      random() AS r_dmg_h, random() AS r_dmg_reason, random() AS r_claim, random() AS r_claim_h, random() AS r_doc,
      random() AS r_doc_h, random() AS r_doc_reason, random() AS r_track_a, random() AS r_track_b,
      random() AS r_notes
    FROM o4
    JOIN scale_site s ON s.tenant_id = o4.tenant_id AND s.site_no = floor(o4.r_site * s.n_sites)::int
    LEFT JOIN scale_story st ON st.story = o4.story
      AND st.days_ago = greatest(${STORY_FROM}, least(${STORY_TO}, o4.today - o4.promised))
    CROSS JOIN LATERAL (
      SELECT e ->> 'name' AS name, (e ->> 'on_time')::float8 AS on_time
      FROM jsonb_array_elements(st.carriers) e
      WHERE (e ->> 'cum')::float8 > o4.r_carrier OR (e ->> 'cum')::float8 >= 1
      ORDER BY (e ->> 'cum')::float8 LIMIT 1
    ) c
    JOIN scale_carrier cu ON cu.tenant_id = o4.tenant_id AND cu.name = c.name
    JOIN scale_item i0 ON i0.tenant_id = o4.tenant_id AND i0.item_no = floor(o4.r_item * o4.n_items)::int`,
  );

  // The order's life, as db/seed/orders.ts plans it.
  await step(
    "timelines",
    `CREATE TEMP TABLE scale_life ON COMMIT DROP AS
    WITH p1 AS (
      SELECT p.*, p.ordered_at + ${h("0.5 + p.r_conf * 5")} AS conf_at, p.r_cancel < 0.015 AS cancelled
      FROM scale_plan p
    ), p2 AS (
      SELECT p1.*, NOT p1.cancelled AND p1.r_bo < p1.backorder_rate AS backordered FROM p1
    ), p3 AS (
      SELECT p2.*,
        CASE WHEN p2.cancelled THEN p2.conf_at + ${h("2 + p2.r_cancel_h * 48")} END AS cancel_at,
        CASE WHEN p2.backordered THEN p2.conf_at + ${h("2 + p2.r_bo_h * 20")} END AS bo_at,
        CASE WHEN p2.cancelled THEN NULL
             WHEN p2.backordered THEN p2.conf_at + ${h("2 + p2.r_bo_h * 20")} + ${h("24 * (2 + floor(p2.r_bo_d * 5))")}
             ELSE p2.conf_at + ${h("3 + p2.r_alloc_h * 24")} END AS alloc_at,
        NOT p2.cancelled AND p2.r_hold < 0.04 AS held,
        (${sqlArray(HOLD_REASONS)})[1 + floor(p2.r_hold_reason * ${HOLD_REASONS.length})::int] AS hold_reason_text,
        (p2.r_late >= p2.on_time OR p2.backordered) AS late
      FROM p2
    ), p4 AS (
      SELECT p3.*,
        CASE WHEN p3.held THEN p3.alloc_at + ${h("1 + p3.r_hold_h * 6")} END AS hold_at,
        CASE WHEN p3.held THEN p3.alloc_at + ${h("1 + p3.r_hold_h * 6")} + ${h("24 * (1 + floor(p3.r_hold_d * 3))")} END AS realloc_at,
        CASE WHEN p3.late THEN p3.promised + 1 + floor(p3.r_deliv_d * 6)::int
             ELSE p3.promised - floor(p3.r_deliv_d * 3)::int END AS delivery_day
      FROM p3
    ), p5 AS (
      SELECT p4.*,
        greatest(p4.delivery_day - (1 + floor(p4.r_transit * 3)::int),
                 ((coalesce(p4.realloc_at, p4.alloc_at) + interval '6 hours') AT TIME ZONE p4.zone)::date) AS ship_day
      FROM p4
    ), p6 AS (
      SELECT p5.*,
        CASE WHEN NOT p5.cancelled THEN (p5.ship_day + make_time(13 + floor(p5.r_ship_h * 5)::int, floor(p5.r_ship_m * 60)::int, 0)) AT TIME ZONE p5.zone END AS ship_at,
        CASE WHEN NOT p5.cancelled THEN (CASE WHEN p5.delivery_day <= p5.ship_day THEN p5.ship_day + 1 ELSE p5.delivery_day END
          + make_time(9 + floor(p5.r_dlv_h * 8)::int, floor(p5.r_dlv_m * 60)::int, 0)) AT TIME ZONE p5.site_zone END AS deliver_at,
        CASE WHEN p5.cancelled THEN 0
             WHEN p5.r_short < p5.short_rate THEN 1 + floor(p5.r_short_line * p5.line_count)::int
             WHEN p5.backordered AND p5.r_short_bo < 0.5 THEN 1 ELSE 0 END AS short_line,
        CASE p5.carrier
          WHEN 'UPS' THEN '1Z' || lpad(floor(p5.r_track_a * 1e4)::bigint::text, 4, '0') || 'E' || lpad(floor(p5.r_track_b * 1e11)::bigint::text, 11, '0')
          WHEN 'DHL' THEN '00340434' || lpad(floor(p5.r_track_a * 1e6)::bigint::text, 6, '0') || lpad(floor(p5.r_track_b * 1e6)::bigint::text, 6, '0')
          ELSE upper(left(p5.carrier, 2)) || lpad(floor(p5.r_track_a * 1e6)::bigint::text, 6, '0') || lpad(floor(p5.r_track_b * 1e6)::bigint::text, 6, '0')
        END AS tracking
      FROM p5
    )
    SELECT p6.*,
      p6.ship_at - ${h("3 + p6.r_pick * 2")} AS picked_at,
      p6.ship_at - ${h("0.5 + p6.r_pack")} AS packed_at,
      p6.ship_at + ${h("2 + p6.r_in_transit * 4")} AS in_transit_at,
      CASE WHEN p6.r_exc < 0.025 THEN p6.deliver_at - interval '20 hours' END AS exception_at,
      p6.deliver_at - ${h("1 + p6.r_ofd * 3")} AS ofd_at,
      CASE WHEN p6.r_dmg < 0.015 THEN p6.deliver_at + ${h("1 + p6.r_dmg_h * 3")} END AS damaged_at,
      CASE WHEN p6.r_dmg < 0.015 AND p6.r_claim < 0.6 THEN p6.deliver_at + ${h("20 + p6.r_claim_h * 30")} END AS claim_at,
      CASE WHEN p6.r_doc < 0.01 THEN p6.deliver_at + ${h("2 + p6.r_doc_h * 6")} END AS doc_error_at
    FROM p6`,
  );

  // Every planned event (also those still in the future), numbered in the order they were planned.
  await step(
    "events planned",
    `CREATE TEMP TABLE scale_event ON COMMIT DROP AS
    SELECT l.tenant_id, l.order_id, l.slug, l.number, e.k, e.type, e.at, e.detail, e.location, (e.at <= ${NOW}) AS past
    FROM scale_life l CROSS JOIN LATERAL (VALUES
      (1, 'received', l.ordered_at, '{}'::jsonb, NULL::text),
      (2, 'confirmed', l.conf_at, '{}', NULL),
      (3, 'cancelled', l.cancel_at, '{"reason":"Cancelled at customer request"}', NULL),
      (4, 'backordered', l.bo_at, jsonb_build_object('sku', l.first_sku, 'expected', 'restock'), NULL),
      (5, 'allocated', l.alloc_at, '{}', NULL),
      (6, 'on_hold', l.hold_at, jsonb_build_object('reason', l.hold_reason_text), NULL),
      (7, 'allocated', l.realloc_at, '{"note":"Hold released"}', NULL),
      (8, 'picked', l.picked_at, '{}', NULL),
      (9, 'packed', l.packed_at, '{}', NULL),
      (10, 'shipped', l.ship_at, jsonb_build_object('carrier', l.carrier, 'trackingNumber', l.tracking), 'Warehouse'),
      (11, 'in_transit', l.in_transit_at, '{}', 'Carrier hub'),
      (12, 'exception', l.exception_at, jsonb_build_object('reason', (${sqlArray(EXCEPTIONS)})[1 + floor(l.r_exc_reason * ${EXCEPTIONS.length})::int]), l.city),
      (13, 'out_for_delivery', l.ofd_at, '{}', l.city),
      (14, 'delivered', l.deliver_at, '{"signedBy":"Receiving dock"}', l.city),
      (15, 'damaged', l.damaged_at, jsonb_build_object('reason', (${sqlArray(DAMAGE)})[1 + floor(l.r_dmg_reason * ${DAMAGE.length})::int]), l.city),
      (16, 'claim_filed', l.claim_at, '{"reason":"Carrier claim"}', NULL),
      (17, 'document_error', l.doc_error_at, jsonb_build_object('reason', (${sqlArray(DOCUMENT_ERRORS)})[1 + floor(l.r_doc_reason * ${DOCUMENT_ERRORS.length})::int]), NULL)
    ) AS e(k, type, at, detail, location)
    WHERE e.at IS NOT NULL`,
  );

  // What each order's stored events say: its status (the last past status event in plan order), version, flags.
  await step(
    "order facts",
    `CREATE TEMP TABLE scale_fact ON COMMIT DROP AS
    SELECT tenant_id, order_id,
      count(*) FILTER (WHERE past)::int AS version,
      (array_agg(type ORDER BY k DESC) FILTER (WHERE past AND type NOT IN ('damaged', 'claim_filed', 'document_error')))[1] AS status,
      (array_agg(at ORDER BY k DESC) FILTER (WHERE past AND type NOT IN ('damaged', 'claim_filed', 'document_error')))[1] AS status_at,
      min(at) FILTER (WHERE past AND type = 'shipped') AS shipped_at,
      min(at) FILTER (WHERE past AND type = 'delivered') AS delivered_at,
      min(at) FILTER (WHERE type = 'delivered') AS planned_delivery,
      coalesce(bool_or(past AND type IN ('damaged', 'claim_filed')), false) AS damaged,
      coalesce(bool_or(past AND type = 'document_error'), false) AS document_error
    FROM scale_event GROUP BY tenant_id, order_id`,
  );

  await step(
    "lines planned",
    `CREATE TEMP TABLE scale_line ON COMMIT DROP AS
    SELECT l.tenant_id, l.order_id, n.line_no, i.sku, i.description, i.price,
      q.qty, i.price * (0.55 + random() * 0.25) AS unit_cost,
      CASE WHEN f.shipped_at IS NULL THEN 0
           WHEN n.line_no = l.short_line THEN greatest(0, floor(q.qty * (0.5 + random() * 0.4)))
           ELSE q.qty END AS qty_shipped
    FROM scale_life l
    JOIN scale_fact f ON f.tenant_id = l.tenant_id AND f.order_id = l.order_id
    CROSS JOIN LATERAL generate_series(1, l.line_count) AS n(line_no)
    JOIN scale_item i ON i.tenant_id = l.tenant_id AND i.item_no = (l.item0 + n.line_no - 1) % l.n_items
    CROSS JOIN LATERAL (SELECT CASE WHEN i.price > 200 THEN 1 + floor(random() * 12) ELSE 5 + floor(random() * 396) END AS qty) q`,
  );

  await step(
    "orders",
    `INSERT INTO orders (tenant_id, id, source, external_id, version, order_number, customer_po, site_id, status,
        status_at, hold_reason, priority, ordered_at, requested_date, promised_date, predicted_date, shipped_at,
        delivered_at, carrier, tracking_number, currency, value, cost, margin, internal_notes, m_damaged, m_document_error)
    SELECT l.tenant_id, l.order_id, 'erp', upper(l.slug) || '-' || (100000 + l.number), f.version,
      'SO-' || (100000 + l.number), 'PO-' || upper(left(l.slug, 3)) || '-' || (20000 + l.number * 3), l.site_id,
      f.status, f.status_at, CASE WHEN f.status = 'on_hold' THEN l.hold_reason_text END, l.priority, l.ordered_at,
      l.requested, l.promised,
      CASE WHEN f.delivered_at IS NULL AND f.status <> 'cancelled' AND f.planned_delivery IS NOT NULL
           THEN (f.planned_delivery AT TIME ZONE l.zone)::date END,
      f.shipped_at, f.delivered_at,
      CASE WHEN f.shipped_at IS NOT NULL THEN l.carrier END, CASE WHEN f.shipped_at IS NOT NULL THEN l.tracking END,
      l.currency, round(v.value::numeric, 2), round(v.cost::numeric, 2), round((v.value - v.cost)::numeric, 2),
      (${sqlArray(NOTES)})[1 + floor(l.r_notes * ${INTERNAL_NOTES.length})::int],
      f.damaged, f.document_error
    FROM scale_life l
    JOIN scale_fact f ON f.tenant_id = l.tenant_id AND f.order_id = l.order_id
    JOIN (SELECT tenant_id, order_id, sum(qty * price) AS value, sum(qty * unit_cost) AS cost
          FROM scale_line GROUP BY tenant_id, order_id) v ON v.tenant_id = l.tenant_id AND v.order_id = l.order_id
    ORDER BY l.tenant_id, l.ordered_at`,
  );

  await step(
    "lines",
    `INSERT INTO order_lines (tenant_id, order_id, line_no, sku, description, qty_ordered, qty_shipped, unit_price, unit_cost)
    SELECT tenant_id, order_id, line_no, sku, description, qty, qty_shipped, price, round(unit_cost::numeric, 4)
    FROM scale_line ORDER BY tenant_id, order_id, line_no`,
  );

  await step(
    "shipments",
    `INSERT INTO shipments (tenant_id, id, order_id, external_id, carrier, tracking_number, tracking_url, status, shipped_at, delivered_at)
    SELECT l.tenant_id, gen_random_uuid(), l.order_id, 'SHP-' || upper(l.slug) || '-' || l.number || '-1',
      l.carrier, l.tracking, l.carrier_url || l.tracking,
      CASE WHEN f.delivered_at IS NOT NULL THEN 'delivered' ELSE 'in_transit' END, f.shipped_at, f.delivered_at
    FROM scale_life l JOIN scale_fact f ON f.tenant_id = l.tenant_id AND f.order_id = l.order_id
    WHERE f.shipped_at IS NOT NULL
    ORDER BY l.tenant_id, l.ordered_at`,
  );

  // Numbered per account in time order, as the seeder's batches numbered them; the counters follow.
  await step(
    "events",
    `INSERT INTO order_events (tenant_id, seq, order_id, source, event_id, type, occurred_at, location, detail)
    SELECT tenant_id, row_number() OVER (PARTITION BY tenant_id ORDER BY at, number, k), order_id,
      CASE WHEN type IN ('received', 'confirmed', 'cancelled', 'on_hold', 'eta_changed', 'claim_filed', 'document_error') THEN 'erp'
           WHEN type IN ('allocated', 'backordered', 'picked', 'packed') THEN 'wms' ELSE 'tms' END,
      slug || '-' || number || '-' || k, type, at, location, detail
    FROM scale_event WHERE past
    ORDER BY tenant_id, 2`,
  );
  await step(
    "event counters",
    `INSERT INTO tenant_event_counters (tenant_id, last_seq)
    SELECT tenant_id, max(seq) FROM order_events GROUP BY tenant_id
    ON CONFLICT (tenant_id) DO UPDATE SET last_seq = excluded.last_seq`,
  );
  for (const r of idx.rows) await step(`index ${r.name}`, r.def);
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
