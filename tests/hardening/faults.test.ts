// Faults, against the real server process (`node server.mjs`, see
// tests/support/server-process.ts), never an in-process stand-in:
// - SIGKILL during concurrent ingestion, then a restart on the same database (a PGlite directory,
//   and PostgreSQL): every acknowledged batch is there whole, no batch is half applied, and a
//   batch answered 503 left nothing behind.
// - A stream client that resumes with Last-Event-ID across 10 SIGKILL/restart cycles, while
//   events keep arriving, receives every event exactly once, in sequence order, with no gap.
// - PostgreSQL taken away mid-request (a TCP proxy that stalls, then cuts and refuses): pages and
//   API answer 503 within a bound (problem+json for the API, the readable error page for pages),
//   the process stays up, and once the database is back the same requests succeed and the
//   real-time hub's LISTEN connection delivers again.
import { randomBytes } from "node:crypto";
import { cp, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "#db/client";
import { migrate } from "#db/migrate";
import { seedDemo } from "#db/seed/seed";
import { createTestDb, postgresReachable, reportSkip } from "../support/db";
import { freePort, ROOT, serverMode, startServer, type ServerProcess } from "../support/server-process";
import {
  acme,
  batchViolations,
  EMBED_ORIGIN,
  eventItem,
  ingest,
  mintEmbedToken,
  orderItem,
  probe,
  ResumingStream,
  sequenceFaults,
  sleep,
  stored,
  summary,
  until,
  type Batch,
  type Probe,
  type ProbeResult,
} from "./load-clients";
import {
  expectLiveDelivery,
  expectWidgetCors,
  healthyProbes,
  openLiveStream,
  probeUntilRecovered,
  startBehindProxy,
  type PortalBehindProxy,
} from "./behind-proxy";

const RUN = randomBytes(3).toString("hex");
const WORK_DIR = path.join(ROOT, ".data", `faults-${RUN}`);
const TEMPLATE_DIR = path.join(WORK_DIR, "template");

const PG = await postgresReachable();
if (!PG) reportSkip("faults: the PostgreSQL restart and connection-loss cases (PGlite cases still run)");

const servers = new Set<ServerProcess>();
async function start(opts: Parameters<typeof startServer>[0]): Promise<ServerProcess> {
  const s = await startServer(opts);
  servers.add(s);
  return s;
}

beforeAll(async () => {
  console.log(`[faults] server mode: ${serverMode().reason}`);
  // One seeded PGlite directory, copied for each PGlite case (initdb + seed cost ~10 s each).
  await mkdir(WORK_DIR, { recursive: true });
  const template = await openDb({ pgliteDir: TEMPLATE_DIR });
  await migrate(template);
  await seedDemo(template, { ordersPerTenant: 3, progress: () => undefined });
  await template.close();
}, 120_000);

afterAll(async () => {
  for (const s of servers) await s.kill("SIGKILL");
  await rm(WORK_DIR, { recursive: true, force: true });
});

async function pgliteCopy(name: string): Promise<string> {
  const dir = path.join(WORK_DIR, name);
  await cp(TEMPLATE_DIR, dir, { recursive: true });
  return dir;
}

// ---------------------------------------------------------------------------------------------
// 1 and 2: SIGKILL during ingestion

const BATCH_SIZE = 25;
const WORKERS = 4;

/**
 * Four clients push order and event batches until enough are acknowledged and several are in
 * flight, then the server is SIGKILLed. Returns every batch with what its client learned.
 */
async function ingestUntilKilled(server: ServerProcess, tag: string) {
  const batches: Batch[] = [];
  const ackedOrders: string[] = [];
  let killed = false;
  let inFlight = 0;
  let acknowledged = 0;
  let next = 0;
  const worker = async () => {
    while (!killed) {
      const b = next++;
      const kind = b % 2 === 0 || ackedOrders.length === 0 ? "orders" : "events";
      const ids = Array.from({ length: BATCH_SIZE }, (_, i) => `${tag}-${kind === "orders" ? "O" : "E"}${b}-${i}`);
      const items =
        kind === "orders"
          ? ids.map(orderItem)
          : ids.map((id, i) => eventItem(id, ackedOrders[(b * 7 + i) % ackedOrders.length], i));
      const batch: Batch = { kind, ids, outcome: "pending" };
      batches.push(batch);
      inFlight++;
      try {
        const answer = await ingest(server.url, kind, items);
        batch.status = answer.status;
        batch.outcome = answer.status >= 200 && answer.status < 300 ? "acknowledged" : "refused";
        if (batch.outcome === "acknowledged") {
          acknowledged++;
          if (kind === "orders") ackedOrders.push(...ids);
        }
      } catch {
        batch.outcome = "unknown"; // the connection died with the process: committed or not, nobody said
      } finally {
        inFlight--;
      }
    }
  };
  const running = Array.from({ length: WORKERS }, worker);
  await until("12 acknowledged batches with 3 in flight", () => acknowledged >= 12 && inFlight >= 3, 120_000);
  const inFlightAtKill = inFlight;
  killed = true;
  await server.kill("SIGKILL");
  await Promise.all(running);
  return { batches, inFlightAtKill };
}

describe("SIGKILL during ingestion, then a restart on the same database", () => {
  it("PGlite directory: every acknowledged batch is stored whole, no batch is half applied", async () => {
    const dir = await pgliteCopy("ingest");
    const port = await freePort();
    const tag = `K${RUN}p`;
    const first = await start({ port, pgliteDir: dir });
    const { batches, inFlightAtKill } = await ingestUntilKilled(first, tag);
    expect(first.exited()).toBe(true);

    const second = await start({ port, pgliteDir: dir });
    // The restarted server works on the recovered directory.
    expect((await ingest(second.url, "orders", [orderItem(`${tag}-after`, 0)])).status).toBe(200);
    // One process at a time may open a PGlite directory: stop the server, then look as the owner.
    await second.kill("SIGTERM");
    const owner = await openDb({ pgliteDir: dir });
    try {
      const db = await stored(owner, tag);
      console.log(
        `[faults] PGlite: ${JSON.stringify(summary(batches))} batches, ${inFlightAtKill} in flight at SIGKILL, restart in ${second.startMs} ms`,
      );
      expect(summary(batches).unknown, "the kill landed while batches were in flight").toBeGreaterThan(0);
      expect(batchViolations(batches, db)).toEqual([]);
      expect(db.orders.get(`${tag}-after`)).toBe(2);
    } finally {
      await owner.close();
    }
  });

  it.skipIf(!PG)("PostgreSQL: every acknowledged batch is stored whole, no batch is half applied", async () => {
    const db = await createTestDb("postgres");
    try {
      await seedDemo(db, { ordersPerTenant: 3, progress: () => undefined });
      const port = await freePort();
      const tag = `K${RUN}g`;
      const first = await start({ port, databaseUrl: db.url });
      const { batches, inFlightAtKill } = await ingestUntilKilled(first, tag);
      expect(first.exited()).toBe(true);

      const second = await start({ port, databaseUrl: db.url });
      expect((await ingest(second.url, "orders", [orderItem(`${tag}-after`, 0)])).status).toBe(200);
      const rows = await stored(db, tag);
      await second.kill("SIGKILL");
      console.log(
        `[faults] PostgreSQL: ${JSON.stringify(summary(batches))} batches, ${inFlightAtKill} in flight at SIGKILL, restart in ${second.startMs} ms`,
      );
      expect(summary(batches).unknown, "the kill landed while batches were in flight").toBeGreaterThan(0);
      expect(batchViolations(batches, rows)).toEqual([]);
      expect(rows.orders.get(`${tag}-after`)).toBe(2);
    } finally {
      await db.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// 3: stream continuity

describe("stream continuity across SIGKILL/restart cycles (PGlite directory)", () => {
  it("a client resuming with Last-Event-ID gets every event exactly once, in order, with no gap, across 10 kills", async () => {
    const dir = await pgliteCopy("stream");
    const port = await freePort();
    const tag = `S${RUN}`;
    let server = await start({ port, pgliteDir: dir });
    const orders = [0, 1, 2].map((i) => `${tag}-O${i}`);
    expect((await ingest(server.url, "orders", orders.map(orderItem))).status).toBe(200);
    const token = await mintEmbedToken(server.url);

    // Producer: small event batches, back to back, whatever happens to the server.
    const acked: number[] = [];
    let producing = true;
    let produced = 0;
    const producer = (async () => {
      while (producing) {
        const b = produced++;
        const items = [0, 1].map((i) => eventItem(`${tag}-E${b}-${i}`, orders[(b + i) % orders.length], b + i));
        try {
          const answer = await ingest(`http://127.0.0.1:${port}`, "events", items);
          if (answer.status === 200) for (const r of answer.results ?? []) if (r.seq !== undefined) acked.push(r.seq);
        } catch {
          // server down: keep going
        }
        await sleep(20);
      }
    })();

    // From the start of the tenant's history: the first connection replays it, then runs live.
    const stream = new ResumingStream(server.url, { authorization: `Bearer ${token}`, origin: EMBED_ORIGIN }, 0);
    stream.start();
    const restarts: number[] = [];
    // Live delivery on a connection the previous kill did not see (any extra reconnect is allowed).
    let connectionsSeen = 0;
    const delivering = (what: string) =>
      until(what, () => stream.connections > connectionsSeen && stream.onThisConnection >= 3, 60_000).then(() => {
        connectionsSeen = stream.connections;
      });
    try {
      for (let cycle = 1; cycle <= 10; cycle++) {
        await delivering(`events on a connection before kill ${cycle}`);
        await server.kill("SIGKILL");
        server = await start({ port, pgliteDir: dir });
        restarts.push(server.startMs);
      }
      await delivering("events on a connection after the last restart");
      producing = false;
      await producer;
      // A final acknowledged batch: every event committed before it has a smaller seq.
      const last = await ingest(server.url, "events", [eventItem(`${tag}-last`, orders[0], 0)]);
      expect(last.status).toBe(200);
      const lastSeq = last.results![0].seq!;
      await until(`the stream to reach seq ${lastSeq}`, () => stream.lastId >= lastSeq, 15_000);
      await stream.stop();

      console.log(
        `[faults] stream: ${stream.received.length} events over ${stream.connections} connections, ${acked.length} acknowledged by ingest; restarts ${Math.min(...restarts)}-${Math.max(...restarts)} ms; answers other than 200: ${JSON.stringify(stream.refusals)}`,
      );
      expect(stream.connections).toBeGreaterThanOrEqual(11);
      // The token minted before the first kill still opens the stream after every restart.
      expect(stream.refusals.filter((status) => status === 401 || status === 403)).toEqual([]);
      expect(sequenceFaults(stream.received, lastSeq)).toEqual([]);
      const got = new Set(stream.received);
      expect(acked.filter((s) => !got.has(s))).toEqual([]);

      // And the database agrees: nothing was committed that the stream did not deliver.
      await server.kill("SIGTERM");
      const owner = await openDb({ pgliteDir: dir });
      try {
        const r = await owner.db.execute<{ n: number; last: number }>(
          sql`select count(*)::int as n, max(seq)::int as last from order_events where tenant_id = ${acme.id}`,
        );
        expect(r.rows[0]).toEqual({ n: lastSeq, last: lastSeq });
      } finally {
        await owner.close();
      }
    } finally {
      producing = false;
      await stream.stop();
      await producer;
    }
  });
});

// ---------------------------------------------------------------------------------------------
// 4: database connection loss mid-request

/** 503 within the bound, with the right body for pages and API; readable lines for anything else. */
function unavailableFaults(probes: Probe[], results: ProbeResult[], boundMs: number): string[] {
  const out: string[] = [];
  for (const [i, r] of results.entries()) {
    const where = `${r.name} (${r.ms} ms)`;
    if (r.status !== 503) out.push(`${where}: ${r.status} instead of 503: ${r.body.slice(0, 200)}`);
    else if (probes[i].api && !r.type.includes("application/problem+json"))
      out.push(`${where}: ${r.type}, not problem+json`);
    else if (!probes[i].api && !(r.type.includes("text/html") && r.body.includes("Sightline is briefly unavailable")))
      out.push(`${where}: not the readable error page`);
    if (r.ms > boundMs) out.push(`${where}: slower than ${boundMs} ms`);
  }
  return out;
}

describe.skipIf(!PG)("PostgreSQL connection loss mid-request (TCP proxy between server and database)", () => {
  let portal: PortalBehindProxy;

  // No catch-up poll: only a LISTEN connection that came back can deliver the post-recovery event.
  beforeAll(async () => {
    portal = await startBehindProxy({ env: { SIGHTLINE_HUB_POLL_MS: "3600000" } });
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
  });

  it("answers 503 within a bound while the database is gone, stays up, and recovers when it returns", async () => {
    const { db, proxy, server } = portal;
    const tag = `C${RUN}`;
    const live = await openLiveStream(portal, tag);

    const { probes } = await healthyProbes(portal, tag, 30_000);

    // Stall the database under requests in flight, then cut every connection and refuse new ones.
    proxy.hold();
    let settled = 0;
    const inFlight = probes.map((p) => probe(p).finally(() => settled++));
    await sleep(500);
    expect(settled, "requests stalled on the database before the cut").toBe(0);
    await proxy.cut();
    const cutAt = Date.now();
    const midRequest = await Promise.all(inFlight);
    // Requests that arrive while the database refuses connections.
    const duringOutage = await Promise.all(probes.map(probe));
    const health = await fetch(`${server.url}/healthz`).catch((err: unknown) => err);
    const outageMs = Date.now() - cutAt;
    await sleep(Math.max(0, 3_000 - outageMs));
    expect(server.exited(), `the server process died:\n${server.log().slice(-3000)}`).toBe(false);
    expect(health instanceof Response && health.status).toBe(200);
    expect(unavailableFaults(probes, midRequest, 10_000)).toEqual([]);
    expect(unavailableFaults(probes, duringOutage, 10_000)).toEqual([]);
    expectWidgetCors(midRequest, duringOutage);
    // The ingest batch cut mid-request was answered 503: "nothing was written" must hold.
    const lost = await db.db.execute<{ n: number }>(
      sql`select count(*)::int as n from order_events where tenant_id = ${acme.id} and event_id like ${`${tag}-E%`}`,
    );
    expect(lost.rows[0].n).toBe(1); // only the batch acknowledged before the outage

    await proxy.restore();
    const recovered = Date.now();
    const after = await probeUntilRecovered(probes);
    expect(after.map((r) => `${r.name}: ${r.status}`)).toEqual(probes.map((p) => `${p.name}: 200`));

    await expectLiveDelivery(portal, live, tag);
    expect(live.connections, "the stream survived the outage on its first connection").toBe(1);
    await live.stop();
    console.log(
      `[faults] connection loss: mid-request ${midRequest.map((r) => `${r.status}/${r.ms}ms`).join(", ")}; during outage ${duringOutage.map((r) => `${r.status}/${r.ms}ms`).join(", ")}; recovered in ${Date.now() - recovered} ms`,
    );
  });
});
