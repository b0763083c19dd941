// SIGTERM under load, against the real cluster (`node server.mjs`, WEB_CONCURRENCY=2 on one
// PostgreSQL database): while four clients ingest order and event batches and six widget-like
// clients hold event streams (spread over both workers by the cluster's round robin), one worker
// receives SIGTERM. It drains — stops accepting, finishes what it accepted, closes its streams with
// a short retry — and exits 0 within its 10 s; the primary starts another. Every acknowledged batch
// is stored whole, no batch is half applied, a refused one left nothing, and every stream client,
// reconnecting with Last-Event-ID to whichever worker answers, has every event exactly once, in
// order, with no gap. HARDENING_DRAIN_BATCHES: acknowledged batches before and after the SIGTERM
// (default 12 each).
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "#db/seed/seed";
import { createTestDb, postgresReachable, reportSkip, type TestDb } from "../support/db";
import { freePort, processAlive, serverMode, startServer, type ServerProcess } from "../support/server-process";
import {
  batchViolations,
  EMBED_ORIGIN,
  eventItem,
  ingest,
  mintEmbedToken,
  orderItem,
  ResumingStream,
  sequenceFaults,
  sleep,
  stored,
  summary,
  until,
  type Batch,
} from "./load-clients";

const PG = await postgresReachable();
if (!PG) reportSkip("drain: SIGTERM to a cluster worker under load (needs PostgreSQL for two workers)");

const BATCHES = Number(process.env.HARDENING_DRAIN_BATCHES ?? 12);
const BATCH_SIZE = 10;
const PRODUCERS = 4;
const STREAMS = 6;

/** The pid of the worker that answers /healthz on a new TCP connection (round robin: each call may differ). */
function workerPid(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}/healthz`, { agent: false }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve((JSON.parse(body) as { pid: number }).pid));
    });
    req.on("error", reject);
  });
}

describe.runIf(PG)("SIGTERM to one of two workers under load (PostgreSQL)", () => {
  let db: TestDb;
  let server: ServerProcess;

  beforeAll(async () => {
    // Development mode runs one process whatever WEB_CONCURRENCY says (server.mjs).
    const mode = serverMode();
    if (mode.dev) throw new Error(`the cluster needs the production build: run \`npm run build\` (${mode.reason})`);
    db = await createTestDb("postgres");
    await seedDemo(db, { ordersPerTenant: 3, progress: () => undefined });
    server = await startServer({
      port: await freePort(),
      databaseUrl: db.url,
      workers: 2,
      env: { ...(db.directUrl ? { DATABASE_DIRECT_URL: db.directUrl } : {}), LOG_FORMAT: "json" },
    });
    // Both workers serve (the second starts once the first does).
    const pids = new Set<number>();
    const deadline = Date.now() + 90_000;
    while (pids.size < 2) {
      if (Date.now() > deadline) throw new Error(`only workers ${[...pids].join(", ")} answered:\n${server.log()}`);
      pids.add(await workerPid(server.url));
      await sleep(100);
    }
  }, 240_000);

  afterAll(async () => {
    await server?.kill("SIGKILL");
    await db?.close();
  });

  it("loses no acknowledged write, and every stream client resumes with Last-Event-ID without a gap", async () => {
    const tag = `D${Date.now().toString(36)}`;
    const orders = [0, 1, 2].map((i) => `${tag}-O${i}`);
    expect((await ingest(server.url, "orders", orders.map(orderItem))).status).toBe(200);
    const token = await mintEmbedToken(server.url);

    // Streams first, each on its own connection: round robin puts half of them on each worker.
    const streams = Array.from(
      { length: STREAMS },
      () => new ResumingStream(server.url, { authorization: `Bearer ${token}`, origin: EMBED_ORIGIN }, 0),
    );
    for (const s of streams) {
      s.start();
      await until("the stream to connect", () => s.connections === 1, 30_000);
    }

    // Producers: order and event batches back to back, recording what each client was told.
    const batches: Batch[] = [];
    const ackedSeqs: number[] = [];
    let producing = true;
    let inFlight = 0;
    let next = 0;
    const acknowledged = () => batches.filter((b) => b.outcome === "acknowledged").length;
    const producer = async () => {
      while (producing) {
        const b = next++;
        const kind = b % 3 === 0 ? "orders" : "events";
        const ids = Array.from({ length: BATCH_SIZE }, (_, i) => `${tag}-${kind === "orders" ? "O" : "E"}${b}-${i}`);
        const items =
          kind === "orders"
            ? ids.map(orderItem)
            : ids.map((id, i) => eventItem(id, orders[(b + i) % orders.length], i));
        const batch: Batch = { kind, ids, outcome: "pending" };
        batches.push(batch);
        inFlight++;
        try {
          const answer = await ingest(server.url, kind, items);
          batch.status = answer.status;
          batch.outcome = answer.status >= 200 && answer.status < 300 ? "acknowledged" : "refused";
          if (batch.outcome === "acknowledged" && kind === "events")
            for (const r of answer.results ?? []) if (r.seq !== undefined) ackedSeqs.push(r.seq);
        } catch {
          batch.outcome = "unknown"; // the connection ended without an answer
        } finally {
          inFlight--;
        }
      }
    };
    const running = Array.from({ length: PRODUCERS }, producer);

    try {
      await until(
        `${BATCHES} acknowledged batches with 2 in flight`,
        () => acknowledged() >= BATCHES && inFlight >= 2,
        120_000,
      );
      const victim = await workerPid(server.url);
      const before = acknowledged();
      process.kill(victim, "SIGTERM");
      await until(`worker ${victim} to exit`, () => !processAlive(victim), 15_000);
      await until(
        `${BATCHES} more acknowledged batches after the drain`,
        () => acknowledged() >= before + BATCHES,
        120_000,
      );
      producing = false;
      await Promise.all(running);

      // A last acknowledged batch: every event committed before it has a smaller seq.
      const last = await ingest(server.url, "events", [eventItem(`${tag}-last`, orders[0], 0)]);
      expect(last.status).toBe(200);
      const lastSeq = last.results![0].seq!;
      for (const s of streams) await until(`every stream to reach seq ${lastSeq}`, () => s.lastId >= lastSeq, 30_000);
      await Promise.all(streams.map((s) => s.stop()));

      const rows = await stored(db, tag);
      const log = server.log();
      console.log(
        `[drain] worker ${victim}: ${JSON.stringify(summary(batches))} batches (${ackedSeqs.length} events acknowledged); ` +
          `stream connections ${streams.map((s) => s.connections).join(", ")}; answers other than 200 on reconnect: ${JSON.stringify(streams.flatMap((s) => s.refusals))}`,
      );
      // The worker drained and left on its own (exit 0), and the primary replaced it.
      expect(log).toMatch(new RegExp(`worker ${victim} died \\(exit 0\\)`));
      expect(log).not.toMatch(/shutdown took longer than/);
      // No acknowledged write lost, nothing half applied, nothing stored for a refusal.
      expect(batchViolations(batches, rows)).toEqual([]);
      // The SIGTERM ended streams: at least one client was on the draining worker and reconnected.
      expect(streams.filter((s) => s.connections >= 2).length).toBeGreaterThan(0);
      for (const [i, s] of streams.entries()) {
        expect(sequenceFaults(s.received, lastSeq), `stream ${i}`).toEqual([]);
        const got = new Set(s.received);
        expect(
          ackedSeqs.filter((seq) => !got.has(seq)),
          `stream ${i}: acknowledged events never delivered`,
        ).toEqual([]);
      }
    } finally {
      producing = false;
      await Promise.all(running);
      await Promise.all(streams.map((s) => s.stop()));
    }
  }, 300_000);
});
