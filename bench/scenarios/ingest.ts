// Ingestion throughput with full 1,000-item batches through the service the API calls
// (validation, one transaction per batch, convergence, SLA metric recompute, audit entry).
// Runs on its own throw-away database (PostgreSQL when reachable; quick: PGlite).
import { eventInput } from "#app/domain/orders/ingest-schema";
import { setDb } from "#app/server/db.server";
import { ingestEvents, ingestOrders } from "#app/server/ingest/ingest.server";
import { round, summarize } from "../lib/stats";
import type { ScenarioOptions, ScenarioResult } from "../lib/types";
import { benchOrder, benchTenants, scratchDb } from "./stream";

const BATCH = 1_000;
const TYPES = ["allocated", "picked", "packed", "shipped", "in_transit", "out_for_delivery", "delivered"] as const;

export async function run(opts: ScenarioOptions): Promise<ScenarioResult> {
  const eventBatches = opts.quick ? 2 : 7;
  const db = await scratchDb(!opts.quick);
  try {
    setDb(db.handle);
    const [principal] = await benchTenants(db.handle, 1);
    const ids = Array.from({ length: BATCH }, (_, i) => `ING-${i}`);
    const orderStarted = performance.now();
    const created = await ingestOrders(
      principal,
      ids.map((id) => benchOrder(id)),
    );
    const orderSeconds = (performance.now() - orderStarted) / 1000;
    const batchMs: number[] = [];
    let stored = 0;
    for (let b = 0; b < eventBatches; b++) {
      // One event per order per batch, in shuffled order, so every batch touches 1,000 orders.
      const items = ids
        .map((id, i) =>
          eventInput.parse({
            source: "wms",
            eventId: `B${b}-${i}`,
            orderSource: "erp",
            orderExternalId: id,
            type: TYPES[b % TYPES.length],
            occurredAt: new Date(Date.UTC(2025, 2, 11 + b, 8, 0, i % 60)).toISOString(),
          }),
        )
        .sort(() => Math.random() - 0.5);
      const t = performance.now();
      const r = await ingestEvents(principal, items);
      batchMs.push(performance.now() - t);
      stored += r.counts.created;
    }
    const s = summarize(batchMs);
    const total = batchMs.reduce((a, x) => a + x, 0) / 1000;
    return {
      name: "ingest",
      metrics: [
        { label: "events ingested per second (1,000-item batches)", unit: "events/s", value: round(stored / total) },
        { label: "1,000-event batch", unit: "ms", median: round(s.median), p95: round(s.p95), p99: round(s.p99) },
        {
          label: "orders ingested per second (one 1,000-order batch, 1 line each)",
          unit: "orders/s",
          value: round(created.counts.created / orderSeconds),
        },
      ],
      notes: [
        `${db.kind}; ${eventBatches} event batches of ${BATCH} (shuffled), each touching ${BATCH} orders; all ${stored} events stored.`,
        "Each batch: validation, one transaction, one INSERT for the events (one NOTIFY), convergence of the touched orders, SLA metric recompute (H2), one audit entry.",
      ],
    };
  } finally {
    await db.drop();
  }
}
