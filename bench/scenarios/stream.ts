// Real-time fan-out: 5,000 hub subscribers over 100 tenants in one process (quick: 1,000 over
// 20 on PGlite). Events are ingested through the ingestion service (one batch = one commit =
// one NOTIFY); we measure ingest-call start -> delivery to every subscriber of the tenant,
// order_events reads per event (counted by the hub), and heap per subscriber.
// Runs on its own throw-away database so the shared order data set is not modified.
import { randomBytes } from "node:crypto";
import v8 from "node:v8";
import vm from "node:vm";
import pg from "pg";
import { setDb } from "#app/server/db.server";
import { ingestEvents, ingestOrders } from "#app/server/ingest/ingest.server";
import type { IngestPrincipal } from "#app/server/ingest/keys.server";
import { getHub } from "#app/server/realtime/hub.server";
import { orderInput, eventInput } from "#app/domain/orders/ingest-schema";
import { openDb, type DbHandle } from "#db/client";
import { migrate } from "#db/migrate";
import { ingestKeys, sites, tenants, organization } from "#db/schema/index";
import { ADMIN_URL, postgresAvailable } from "../lib/dataset";
import { round, summarize } from "../lib/stats";
import type { ScenarioOptions, ScenarioResult } from "../lib/types";

export interface ScratchDb {
  handle: DbHandle;
  kind: "postgres" | "pglite";
  drop(): Promise<void>;
}

/** A fresh migrated database for a scenario that writes (PostgreSQL when reachable unless quick). */
export async function scratchDb(preferPg: boolean): Promise<ScratchDb> {
  if (!preferPg || !(await postgresAvailable())) {
    const handle = await openDb({});
    await migrate(handle);
    return { handle, kind: "pglite", drop: () => handle.close() };
  }
  const name = `sightline_bench_rt_${randomBytes(4).toString("hex")}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    await c.query(q).finally(() => c.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = await openDb({ url: url.toString(), poolSize: 10 });
  await migrate(handle);
  return {
    handle,
    kind: "postgres",
    drop: async () => {
      await handle.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Tenants with one site and an ingest key each, written with the owner connection. */
export async function benchTenants(handle: DbHandle, count: number): Promise<IngestPrincipal[]> {
  const out: IngestPrincipal[] = [];
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    const slug = `rt-${i}-${randomBytes(2).toString("hex")}`;
    await handle.db.insert(tenants).values({
      id,
      slug,
      name: `Realtime ${i}`,
      tier: "standard",
      timeZone: "Europe/Berlin",
      country: "DE",
      region: null,
      shortCode: `RT${i}`,
    });
    await handle.db.insert(organization).values({ id, name: `Realtime ${i}`, slug });
    await handle.db.insert(sites).values({
      tenantId: id,
      code: "DC-1",
      name: "Main DC",
      city: "Berlin",
      country: "DE",
      timeZone: "Europe/Berlin",
    });
    const [key] = await handle.db
      .insert(ingestKeys)
      .values({ tenantId: id, name: "bench", prefix: "bench", secretHash: randomBytes(32).toString("hex") })
      .returning({ id: ingestKeys.id });
    out.push({ tenantId: id, keyId: key.id, keyName: "bench" });
  }
  return out;
}

export function benchOrder(externalId: string) {
  return orderInput.parse({
    source: "erp",
    externalId,
    version: 1,
    orderNumber: `SO-${externalId}`,
    siteCode: "DC-1",
    status: "confirmed",
    orderedAt: "2025-03-10T08:00:00Z",
    promisedDate: "2025-03-20",
    lines: [{ lineNo: 1, sku: "SKU-1", description: "Part", qtyOrdered: 5, unitPrice: 10 }],
  });
}

/** A gc() even without --expose-gc, so heap figures are not noise. */
function collectGarbage(): void {
  v8.setFlagsFromString("--expose_gc");
  (vm.runInNewContext("gc") as () => void)();
}

const TYPES = ["allocated", "picked", "packed", "shipped", "in_transit", "out_for_delivery", "delivered"] as const;

export async function run(opts: ScenarioOptions): Promise<ScenarioResult> {
  const tenantCount = opts.quick ? 20 : 100;
  const perTenant = 50;
  const events = opts.quick ? 100 : 400;
  const concurrency = 4;
  const db = await scratchDb(!opts.quick);
  try {
    setDb(db.handle);
    const principals = await benchTenants(db.handle, tenantCount);
    for (const p of principals) await ingestOrders(p, [benchOrder(`RT-${p.tenantId.slice(0, 8)}`)]);
    const hub = await getHub();

    // Subscribers count deliveries per (tenant, seq) and note when the last one arrived; the
    // delivery may beat the ingest call's return, so nothing depends on registering first.
    const received = new Map<string, { count: number; lastAt: number; waiter?: () => void }>();
    const onDelivery = (key: string) => {
      const r = received.get(key) ?? { count: 0, lastAt: 0 };
      r.count++;
      r.lastAt = performance.now();
      received.set(key, r);
      if (r.count === perTenant) r.waiter?.();
    };
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    const unsubs: (() => void)[] = [];
    for (const p of principals)
      for (let s = 0; s < perTenant; s++)
        unsubs.push(
          await hub.subscribe(p.tenantId, {
            // Half the subscribers carry a filter, as embed tokens pinned to a site do.
            filter: s % 2 === 0 ? (e) => e.siteCode === "DC-1" : undefined,
            onOrder: (e) => onDelivery(`${p.tenantId}:${e.seq}`),
          }),
        );
    collectGarbage();
    const heapPerSubscriber = (process.memoryUsage().heapUsed - heapBefore) / (tenantCount * perTenant);
    const readsBefore = hub.stats();

    const latencies: number[] = [];
    const ingestMs: number[] = [];
    const ackToDelivery: number[] = [];
    let n = 0;
    const worker = async () => {
      while (n < events) {
        const i = n++;
        const p = principals[i % principals.length];
        const item = eventInput.parse({
          source: "bench",
          eventId: `ev-${i}`,
          orderSource: "erp",
          orderExternalId: `RT-${p.tenantId.slice(0, 8)}`,
          type: TYPES[Math.floor(i / principals.length) % TYPES.length],
          occurredAt: new Date(Date.UTC(2025, 2, 11, 0, 0, i)).toISOString(),
        });
        const started = performance.now();
        const r = await ingestEvents(p, [item]);
        const acked = performance.now();
        ingestMs.push(acked - started);
        const key = `${p.tenantId}:${r.results[0].seq}`;
        const entry = received.get(key) ?? { count: 0, lastAt: 0 };
        received.set(key, entry);
        if (entry.count < perTenant) {
          const arrived = new Promise<boolean>((resolve) => {
            entry.waiter = () => resolve(true);
            setTimeout(() => resolve(false), 10_000);
          });
          if (!(await arrived)) {
            latencies.push(Number.NaN);
            continue;
          }
        }
        latencies.push(entry.lastAt - started);
        ackToDelivery.push(Math.max(0, entry.lastAt - acked));
        received.delete(key);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const after = hub.stats();
    for (const u of unsubs) u();
    const lost = latencies.filter((x) => Number.isNaN(x)).length;
    const lat = summarize(latencies.filter((x) => !Number.isNaN(x)));
    const ing = summarize(ingestMs);
    const ack = summarize(ackToDelivery);
    const readsPerEvent = (after.tailReads - readsBefore.tailReads) / events;
    return {
      name: "stream",
      metrics: [
        {
          label: `ingest -> delivery to all ${perTenant} subscribers of the tenant (${tenantCount * perTenant} subscribers)`,
          unit: "ms",
          median: round(lat.median),
          p95: round(lat.p95),
          p99: round(lat.p99),
          target: "p99 <= 250 ms",
          met: lat.p99 <= 250 && lost === 0,
        },
        {
          label: "commit acknowledged -> delivered to all subscribers of the tenant (0 when delivery came first)",
          unit: "ms",
          median: round(ack.median),
          p95: round(ack.p95),
          p99: round(ack.p99),
        },
        {
          label: "ingest call (one-event batch, commit included)",
          unit: "ms",
          median: round(ing.median),
          p95: round(ing.p95),
          p99: round(ing.p99),
        },
        {
          label: "order_events reads per event (hub tail)",
          unit: "reads",
          value: round(readsPerEvent),
          target: "~1 per event per tenant (not per subscriber)",
          met: readsPerEvent <= 1.1,
          issue17: "sse-reads-per-event",
        },
        { label: "heap per hub subscriber", unit: "bytes", value: Math.round(heapPerSubscriber) },
        { label: "events not delivered within 10 s", unit: "events", value: lost, target: "0", met: lost === 0 },
      ],
      notes: [
        `${db.kind}; ${tenantCount} tenants x ${perTenant} subscribers (half with a site filter); ${events} events, ${concurrency} ingest calls in flight.`,
        "Latency runs from the start of the ingest call (transaction included) to the moment the last subscriber of that tenant received the event: an upper bound of commit -> delivery.",
        `Hub counters: ${after.tailReads - readsBefore.tailReads} tail reads, ${after.notifications - readsBefore.notifications} notifications, ${after.deliveries - readsBefore.deliveries} deliveries.`,
        "Subscribers are hub-level (what the SSE route wraps); per-connection HTTP/socket memory is not included.",
        "Heap measured after a forced gc() before and after subscribing.",
      ],
    };
  } finally {
    const hub = await getHub().catch(() => null);
    await hub?.stop();
    await db.drop();
  }
}
