// Ingestion of orders and status events from backend systems (ERP/WMS/TMS).
//
// Atomicity, as documented for integrators (README, OpenAPI):
// - The batch is validated first. If any item is malformed (schema), nothing is written and the
//   answer is 422 with per-item reasons.
// - A well-formed batch is applied in ONE transaction (so one NOTIFY per committed batch). Items
//   that refer to something unknown (an order not yet sent, a site code the tenant lacks) are
//   rejected on their own; every other item is applied whole. Each order is written inside its
//   own savepoint, so an order is never half written.
// - Orders are idempotent on (source, externalId, version): an older version is ignored, the
//   same version is a no-op. Events are idempotent on (source, eventId).
// - Order status, hold reason, ship/delivery times, tracking and predicted date are then derived
//   from the order's whole event timeline (app/domain/orders/convergence.ts), so out-of-order
//   and duplicate delivery converge to the same state as in-order delivery.
import { and, eq, sql } from "drizzle-orm";
import { orderLines, orders, shipments, sites } from "#db/schema/index";
import { convergeEvents, type ConvergedFacts, type TimelineEvent } from "#app/domain/orders/convergence";
import {
  batchEnvelope,
  eventInput,
  itemProblems,
  MAX_BODY_BYTES,
  orderInput,
  validateItems,
  type EventInput,
  type OrderInput,
} from "#app/domain/orders/ingest-schema";
import type { OrderEventType } from "#app/domain/orders/statuses";
import { recordAudit } from "../audit.server";
import { recordFeedArrival } from "../feed-health/feed-health.server";
import { problem, problems, readJsonBody } from "../http/problem.server";
import { recomputeOrderMetrics } from "../sla/metrics.server";
import { withTenant, type Tx } from "../tenant-db.server";
import type { IngestPrincipal } from "./keys.server";
import { apiJson } from "../api/respond.server";
import { logger } from "../log.server";
import { ingestBatchResultSchema, type BatchResult, type ItemResult, type ItemStatus } from "./api-schema";

const log = logger("ingest");

export type { BatchResult, ItemResult, ItemStatus };

function countResults(results: ItemResult[]): Record<ItemStatus, number> {
  const counts: Record<ItemStatus, number> = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}

const rejected = (index: number, path: string, message: string): ItemResult => ({
  index,
  status: "rejected",
  reasons: [{ path, message }],
});

// ---------------------------------------------------------------------------------------------
// Derived order state

type EventRow = {
  order_id: string;
  source: string;
  event_id: string;
  type: OrderEventType;
  occurred_ms: number;
  detail: Record<string, unknown> | string;
};

/**
 * Re-derives the converged facts of the given orders from their whole timelines and writes the
 * ones that differ. Returns the ids of orders whose stored facts changed.
 */
async function convergeOrders(tx: Tx, tenantId: string, orderIds: string[]): Promise<string[]> {
  if (orderIds.length === 0) return [];
  const ids = JSON.stringify(orderIds);
  const r = await tx.execute<EventRow>(sql`
    select e.order_id, e.source, e.event_id, e.type, (extract(epoch from e.occurred_at) * 1000)::float8 as occurred_ms, e.detail
      from order_events e
     where e.tenant_id = ${tenantId}
       and e.order_id in (select value::uuid from jsonb_array_elements_text(${ids}::jsonb))
       and e.type <> 'note'`);
  const byOrder = new Map<string, TimelineEvent[]>();
  for (const row of r.rows) {
    const list = byOrder.get(row.order_id) ?? [];
    list.push({
      source: row.source,
      eventId: row.event_id,
      type: row.type,
      occurredAt: Number(row.occurred_ms),
      detail: typeof row.detail === "string" ? (JSON.parse(row.detail) as Record<string, unknown>) : row.detail,
    });
    byOrder.set(row.order_id, list);
  }
  const facts: (ConvergedFacts & { id: string })[] = [];
  for (const [id, events] of byOrder) facts.push({ id, ...convergeEvents(events) });
  if (facts.length === 0) return [];
  const payload = JSON.stringify(
    facts.map((f) => ({
      id: f.id,
      status: f.status,
      status_at: f.statusAt === null ? null : new Date(f.statusAt).toISOString(),
      hold_reason: f.holdReason,
      shipped_at: f.shippedAt === null ? null : new Date(f.shippedAt).toISOString(),
      delivered_at: f.deliveredAt === null ? null : new Date(f.deliveredAt).toISOString(),
      carrier: f.carrier,
      tracking_number: f.trackingNumber,
      predicted_date: f.predictedDate,
    })),
  );
  // Facts an order's events do not speak to (no status event, no shipment yet) keep the values
  // the order itself was sent with.
  const updated = await tx.execute<{ id: string }>(sql`
    update orders o set
      status = coalesce(v.status, o.status),
      status_at = coalesce(v.status_at, o.status_at),
      hold_reason = case when v.status is null then o.hold_reason
                         when v.status = 'on_hold' then coalesce(v.hold_reason, o.hold_reason) else null end,
      shipped_at = coalesce(v.shipped_at, o.shipped_at),
      delivered_at = coalesce(v.delivered_at, o.delivered_at),
      carrier = coalesce(v.carrier, o.carrier),
      tracking_number = coalesce(v.tracking_number, o.tracking_number),
      predicted_date = coalesce(v.predicted_date, o.predicted_date),
      updated_at = now()
    from jsonb_to_recordset(${payload}::jsonb) as v(id uuid, status text, status_at timestamptz, hold_reason text,
      shipped_at timestamptz, delivered_at timestamptz, carrier text, tracking_number text, predicted_date date)
    where o.tenant_id = ${tenantId} and o.id = v.id
      and (o.status, o.status_at, o.hold_reason, o.shipped_at, o.delivered_at, o.carrier, o.tracking_number, o.predicted_date)
          is distinct from
          (coalesce(v.status, o.status), coalesce(v.status_at, o.status_at),
           case when v.status is null then o.hold_reason
                when v.status = 'on_hold' then coalesce(v.hold_reason, o.hold_reason) else null end,
           coalesce(v.shipped_at, o.shipped_at), coalesce(v.delivered_at, o.delivered_at),
           coalesce(v.carrier, o.carrier), coalesce(v.tracking_number, o.tracking_number),
           coalesce(v.predicted_date, o.predicted_date))
    returning o.id`);
  return updated.rows.map((row) => row.id);
}

interface NewEvent {
  orderId: string;
  source: string;
  eventId: string;
  type: OrderEventType;
  occurredAt: string;
  location: string | null;
  detail: Record<string, unknown>;
}

/**
 * Inserts events in one statement (one statement-level NOTIFY, one counter lock), in occurredAt
 * order so the live timeline reads naturally. Runtime roles cannot name `seq`: the trigger
 * numbers the rows. A (source, eventId) that already exists is skipped and reported absent.
 */
async function insertEvents(tx: Tx, tenantId: string, events: NewEvent[]): Promise<Map<string, number>> {
  const inserted = new Map<string, number>();
  if (events.length === 0) return inserted;
  const sorted = [...events].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  const payload = JSON.stringify(
    sorted.map((e, n) => ({
      n,
      order_id: e.orderId,
      source: e.source,
      event_id: e.eventId,
      type: e.type,
      occurred_at: e.occurredAt,
      location: e.location,
      detail: e.detail,
    })),
  );
  const r = await tx.execute<{ seq: number | string; source: string; event_id: string }>(sql`
    insert into order_events (tenant_id, order_id, source, event_id, type, occurred_at, location, detail)
    select ${tenantId}::uuid, x.order_id, x.source, x.event_id, x.type, x.occurred_at, x.location, coalesce(x.detail, '{}'::jsonb)
      from jsonb_to_recordset(${payload}::jsonb) as x(n int, order_id uuid, source text, event_id text, type text,
           occurred_at timestamptz, location text, detail jsonb)
     order by x.n
    on conflict (tenant_id, source, event_id) do nothing
    returning seq, source, event_id`);
  for (const row of r.rows) inserted.set(`${row.source}\u0000${row.event_id}`, Number(row.seq));
  return inserted;
}

async function finishBatch(
  tx: Tx,
  principal: IngestPrincipal,
  kind: "orders" | "events",
  results: ItemResult[],
  touched: Set<string>,
): Promise<BatchResult> {
  const changed = await convergeOrders(tx, principal.tenantId, [...touched]);
  // Order facts changed -> the stored SLA metrics follow, in the same transaction (H2's contract).
  await recomputeOrderMetrics(tx, principal.tenantId, [...new Set([...touched, ...changed])]);
  const counts = countResults(results);
  // The source delivered: feed health learns its rhythm from these arrivals (0087).
  await recordFeedArrival(tx, { tenantId: principal.tenantId, keyId: principal.keyId, label: principal.keyName });
  await recordAudit(tx, {
    tenantId: principal.tenantId,
    actorUserId: null,
    actorLabel: `ingest key "${principal.keyName}"`,
    action: `ingest.${kind}`,
    targetType: "ingest_key",
    targetId: principal.keyId,
    detail: { items: results.length, ...counts },
  });
  return { results, counts };
}

// ---------------------------------------------------------------------------------------------
// Orders

type ExistingOrder = {
  id: string;
  source: string;
  external_id: string;
  version: number;
  status: string;
  status_ms: number;
  predicted_date: string | null;
};

/** SQLSTATE class 22 (data exception) or 23 (integrity constraint): the item's data, not the system. */
function isDataError(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^2[23]/.test(code)) return true;
  }
  return false;
}

const orderKey = (source: string, externalId: string) => `${source}\u0000${externalId}`;

/** Applies a validated batch of orders for the key's tenant. */
export async function ingestOrders(principal: IngestPrincipal, items: OrderInput[]): Promise<BatchResult> {
  const { tenantId } = principal;
  return withTenant({ role: "portal_ingest", tenantId, keyId: principal.keyId }, async (tx) => {
    const siteRows = await tx
      .select({ id: sites.id, code: sites.code })
      .from(sites)
      .where(eq(sites.tenantId, tenantId));
    const siteByCode = new Map(siteRows.map((s) => [s.code, s.id]));
    const keys = JSON.stringify(items.map((i) => ({ s: i.source, e: i.externalId })));
    const existingRows = await tx.execute<ExistingOrder>(sql`
      select o.id, o.source, o.external_id, o.version, o.status,
             (extract(epoch from o.status_at) * 1000)::float8 as status_ms, o.predicted_date::text as predicted_date
        from orders o
       where o.tenant_id = ${tenantId}
         and (o.source, o.external_id) in (select k.s, k.e from jsonb_to_recordset(${keys}::jsonb) as k(s text, e text))`);
    const existing = new Map(
      existingRows.rows.map((o) => [orderKey(o.source, o.external_id), { ...o, status_ms: Number(o.status_ms) }]),
    );

    const results: ItemResult[] = [];
    const touched = new Set<string>();
    for (const [index, item] of items.entries()) {
      const siteId = siteByCode.get(item.siteCode);
      if (!siteId) {
        results.push(rejected(index, "siteCode", `No site with code "${item.siteCode}" exists for this account.`));
        continue;
      }
      const key = orderKey(item.source, item.externalId);
      const current = existing.get(key);
      if (current && item.version < current.version) {
        results.push({
          index,
          status: "unchanged",
          orderId: current.id,
          note: `Older than stored version ${current.version}; ignored.`,
        });
        continue;
      }
      if (current && item.version === current.version) {
        results.push({ index, status: "unchanged", orderId: current.id, note: "Same version as stored; no change." });
        continue;
      }
      const statusAt = item.statusAt ?? item.orderedAt;
      const columns = {
        version: item.version,
        orderNumber: item.orderNumber,
        customerPo: item.customerPo ?? null,
        siteId,
        priority: item.priority,
        orderedAt: new Date(item.orderedAt),
        requestedDate: item.requestedDate ?? null,
        promisedDate: item.promisedDate ?? null,
        currency: item.currency,
        value: item.value.toFixed(2),
        cost: item.cost === undefined || item.cost === null ? null : item.cost.toFixed(2),
        margin: item.margin === undefined || item.margin === null ? null : item.margin.toFixed(2),
        internalNotes: item.internalNotes ?? null,
      };
      // One savepoint per order: an order is written whole or not at all.
      const orderId = await tx
        .transaction(async (sp) => {
          let id: string;
          if (!current) {
            const [row] = await sp
              .insert(orders)
              .values({
                tenantId,
                source: item.source,
                externalId: item.externalId,
                ...columns,
                status: item.status,
                statusAt: new Date(statusAt),
                holdReason: item.status === "on_hold" ? (item.holdReason ?? null) : null,
                predictedDate: item.predictedDate ?? null,
              })
              .returning({ id: orders.id });
            id = row.id;
          } else {
            id = current.id;
            await sp
              .update(orders)
              .set({ ...columns, updatedAt: new Date() })
              .where(and(eq(orders.tenantId, tenantId), eq(orders.id, id)));
            await sp.delete(orderLines).where(and(eq(orderLines.tenantId, tenantId), eq(orderLines.orderId, id)));
          }
          await sp.insert(orderLines).values(
            item.lines.map((l) => ({
              tenantId,
              orderId: id,
              lineNo: l.lineNo,
              sku: l.sku,
              description: l.description,
              qtyOrdered: l.qtyOrdered.toFixed(2),
              qtyShipped: l.qtyShipped.toFixed(2),
              unitPrice: l.unitPrice.toFixed(4),
              unitCost: l.unitCost === undefined || l.unitCost === null ? null : l.unitCost.toFixed(4),
            })),
          );
          for (const s of item.shipments) {
            const values = {
              carrier: s.carrier,
              trackingNumber: s.trackingNumber ?? null,
              trackingUrl: s.trackingUrl ?? null,
              status: s.status,
              shippedAt: s.shippedAt ? new Date(s.shippedAt) : null,
              deliveredAt: s.deliveredAt ? new Date(s.deliveredAt) : null,
            };
            await sp
              .insert(shipments)
              .values({ tenantId, orderId: id, externalId: s.externalId, ...values })
              .onConflictDoUpdate({
                target: [shipments.tenantId, shipments.orderId, shipments.externalId],
                set: values,
              });
          }
          // The order's own status joins its timeline as an event, so status always follows the
          // timeline's convergence rule, whichever of order and events arrived first.
          const events: NewEvent[] = [];
          const statusMs = Date.parse(statusAt);
          if (!current || current.status !== item.status || current.status_ms !== statusMs) {
            events.push({
              orderId: id,
              source: item.source,
              eventId: `order:${item.externalId}:v${item.version}`,
              type: item.status,
              occurredAt: statusAt,
              location: null,
              detail: item.status === "on_hold" && item.holdReason ? { reason: item.holdReason } : {},
            });
          }
          if (current && item.predictedDate && item.predictedDate !== current.predicted_date) {
            events.push({
              orderId: id,
              source: item.source,
              eventId: `order:${item.externalId}:v${item.version}:eta`,
              type: "eta_changed",
              occurredAt: new Date().toISOString(),
              location: null,
              detail: { predictedDate: item.predictedDate },
            });
          }
          await insertEvents(sp, tenantId, events);
          return id;
        })
        .catch((err: unknown) => {
          // The savepoint rolled this order back whole; data the database refuses (e.g. a
          // number that overflows its column after rounding) rejects this item only.
          if (!isDataError(err)) throw err;
          return null;
        });
      if (orderId === null) {
        results.push(rejected(index, "", "The database refused this order's values (out of range or inconsistent)."));
        continue;
      }
      existing.set(key, {
        id: orderId,
        source: item.source,
        external_id: item.externalId,
        version: item.version,
        status: item.status,
        status_ms: Date.parse(statusAt),
        predicted_date: item.predictedDate ?? current?.predicted_date ?? null,
      });
      touched.add(orderId);
      results.push({ index, status: current ? "updated" : "created", orderId });
    }
    return finishBatch(tx, principal, "orders", results, touched);
  });
}

// ---------------------------------------------------------------------------------------------
// Events

/** Applies a validated batch of status events for the key's tenant. */
export async function ingestEvents(principal: IngestPrincipal, items: EventInput[]): Promise<BatchResult> {
  const { tenantId } = principal;
  return withTenant({ role: "portal_ingest", tenantId, keyId: principal.keyId }, async (tx) => {
    const orderKeys = JSON.stringify(items.map((i) => ({ s: i.orderSource ?? i.source, e: i.orderExternalId })));
    const orderRows = await tx.execute<{ id: string; source: string; external_id: string }>(sql`
      select o.id, o.source, o.external_id from orders o
       where o.tenant_id = ${tenantId}
         and (o.source, o.external_id) in (select k.s, k.e from jsonb_to_recordset(${orderKeys}::jsonb) as k(s text, e text))`);
    const orderByKey = new Map(orderRows.rows.map((o) => [orderKey(o.source, o.external_id), o.id]));
    const eventKeys = JSON.stringify(items.map((i) => ({ s: i.source, e: i.eventId })));
    const known = await tx.execute<{ source: string; event_id: string; order_id: string; seq: number | string }>(sql`
      select e.source, e.event_id, e.order_id, e.seq from order_events e
       where e.tenant_id = ${tenantId}
         and (e.source, e.event_id) in (select k.s, k.e from jsonb_to_recordset(${eventKeys}::jsonb) as k(s text, e text))`);
    const stored = new Map(known.rows.map((e) => [orderKey(e.source, e.event_id), e]));

    const results: ItemResult[] = [];
    const fresh: { index: number; event: NewEvent }[] = [];
    const inBatch = new Set<string>();
    for (const [index, item] of items.entries()) {
      const key = orderKey(item.source, item.eventId);
      const prior = stored.get(key);
      if (prior) {
        results.push({
          index,
          status: "unchanged",
          orderId: prior.order_id,
          seq: Number(prior.seq),
          note: "Already received.",
        });
        continue;
      }
      if (inBatch.has(key)) {
        results.push({ index, status: "unchanged", note: "Repeated in this batch; the first occurrence counts." });
        continue;
      }
      const orderSource = item.orderSource ?? item.source;
      const orderId = orderByKey.get(orderKey(orderSource, item.orderExternalId));
      if (!orderId) {
        results.push(
          rejected(
            index,
            "orderExternalId",
            `No order with source "${orderSource}" and externalId "${item.orderExternalId}"; send the order first, then retry the event.`,
          ),
        );
        continue;
      }
      inBatch.add(key);
      const detail: Record<string, unknown> = { ...item.detail };
      fresh.push({
        index,
        event: {
          orderId,
          source: item.source,
          eventId: item.eventId,
          type: item.type,
          occurredAt: item.occurredAt,
          location: item.location ?? null,
          detail,
        },
      });
      results.push({ index, status: "created", orderId });
    }
    const seqs = await insertEvents(
      tx,
      tenantId,
      fresh.map((f) => f.event),
    );
    const touched = new Set<string>();
    const byIndex = new Map(results.map((r) => [r.index, r]));
    for (const f of fresh) {
      const r = byIndex.get(f.index);
      const seq = seqs.get(orderKey(f.event.source, f.event.eventId));
      if (!r) continue;
      if (seq === undefined) {
        // Another batch stored the same event between our check and our insert.
        r.status = "unchanged";
        r.note = "Already received.";
      } else {
        r.seq = seq;
        touched.add(f.event.orderId);
      }
    }
    results.sort((a, b) => a.index - b.index);
    return finishBatch(tx, principal, "events", results, touched);
  });
}

// ---------------------------------------------------------------------------------------------
// HTTP edge shared by the two routes

/**
 * Reads and validates a batch (the caller has authenticated the key), applies it and shapes the answer:
 * 200 `{ results, counts }`; 400 invalid JSON or envelope; 401 key; 413 body or item count;
 * 415 content type; 422 malformed items (nothing written, per-item reasons).
 */
export async function handleIngestRequest(
  request: Request,
  principal: IngestPrincipal,
  kind: "orders" | "events",
): Promise<Response> {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
  const envelope = batchEnvelope.safeParse(body.value);
  if (!envelope.success) {
    const tooMany = envelope.error.issues.some((i) => i.code === "too_big" && i.path[0] === "items");
    if (tooMany)
      return problem({
        status: 413,
        title: "Payload too large",
        detail: "A batch holds at most 1000 items; split it into smaller batches.",
      });
    return problems.badRequest("The body must be a JSON object with an `items` array of 1 to 1000 items.", {
      errors: itemProblems(envelope.error),
    });
  }
  const items = envelope.data.items;
  const validated = kind === "orders" ? validateItems(orderInput, items) : validateItems(eventInput, items);
  const invalid = validated.filter((v) => !v.ok);
  if (invalid.length > 0) {
    const results: ItemResult[] = validated.map((v) =>
      v.ok
        ? {
            index: v.index,
            status: "rejected",
            reasons: [{ path: "", message: "Not applied: other items in this batch are malformed." }],
          }
        : { index: v.index, status: "rejected", reasons: v.problems },
    );
    return problem({
      status: 422,
      title: "Unprocessable batch",
      detail: `${invalid.length} of ${items.length} items are malformed; nothing was written. Fix them and resend the batch.`,
      extra: { results, counts: countResults(results) },
    });
  }
  try {
    const values = validated.flatMap((v) => (v.ok ? [v.value] : []));
    const result =
      kind === "orders"
        ? await ingestOrders(principal, values as OrderInput[])
        : await ingestEvents(principal, values as EventInput[]);
    return apiJson(ingestBatchResultSchema, result);
  } catch (err) {
    log.error({ err, kind }, `${kind} batch failed`);
    return problems.unavailable("The batch could not be stored and nothing was written; retry it shortly.");
  }
}
