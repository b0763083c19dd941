// The PostgreSQL pool's deadlines (db/client.ts, `statementTimeoutMs`; the portal sets it from
// DATABASE_STATEMENT_TIMEOUT_MS), on a real server, some of it behind a TCP proxy that swallows
// every byte without closing anything (a silently dropped network). The whole server process
// under such a network: tests/hardening/faults-blackhole.test.ts.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEADLINE_GRACE_MS, openDb, type DbHandle } from "#db/client";
import { isDatabaseUnavailable } from "#app/server/http/problem.server";
import { createTestDb, postgresReachable, reportSkip, type TestDb } from "../support/db";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

const WHAT = "the PostgreSQL pool's statement deadline and connection liveness";
const PG = await postgresReachable();
if (!PG) reportSkip(WHAT);

const DEADLINE_MS = 400;

/** The error a promise rejects with, and after how long. */
async function failure(p: Promise<unknown>): Promise<{ err: unknown; ms: number }> {
  const started = Date.now();
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  return { err, ms: Date.now() - started };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!PG)(WHAT, () => {
  let db: TestDb;
  let proxy: TcpProxy;
  const handles: DbHandle[] = [];

  /** A handle with the deadline, through the proxy (its LISTEN connection too). */
  async function viaProxy(poolSize = 1): Promise<DbHandle> {
    const url = new URL(db.directUrl!);
    url.hostname = "127.0.0.1";
    url.port = String(proxy.port);
    const h = await openDb({ url: url.toString(), poolSize, statementTimeoutMs: DEADLINE_MS, connectTimeoutMs: 500 });
    handles.push(h);
    return h;
  }

  beforeAll(async () => {
    db = await createTestDb("postgres", { label: "api" });
    const target = new URL(db.directUrl!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  }, 120_000);

  afterAll(async () => {
    await proxy?.restore();
    for (const h of handles) await h.close().catch(() => undefined);
    await proxy?.close();
    await db?.close();
  });

  it("cancels a statement that runs past the deadline on the server, and reads that as the database unavailable", async () => {
    const h = await viaProxy();
    const { err } = await failure(h.db.execute(sql`select pg_sleep(5)`));
    expect((err as { cause?: { code?: string } }).cause?.code).toBe("57014");
    expect(isDatabaseUnavailable(err)).toBe(true);
    // The connection stays usable: the server answered, only the statement was cancelled.
    expect((await h.db.execute(sql`select 1 as one`)).rows).toEqual([{ one: 1 }]);
  });

  it("gives up a query whose answer never comes after the deadline and its grace, as the database unavailable", async () => {
    const h = await viaProxy();
    await h.db.execute(sql`select 1`); // the pool's one connection is open
    proxy.hold();
    try {
      const { err, ms } = await failure(h.db.execute(sql`select 1`));
      expect(isDatabaseUnavailable(err), String(err)).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(DEADLINE_MS + DEADLINE_GRACE_MS - 50);
    } finally {
      await proxy.restore();
    }
  });

  it("gives back the connection of a transaction whose BEGIN got no answer: with a pool of one, the next query gets a new connection", async () => {
    const h = await viaProxy(1);
    await h.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
    });
    proxy.hold();
    const given = await failure(
      h.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
      }),
    );
    expect(isDatabaseUnavailable(given.err), String(given.err)).toBe(true);
    const accepted = proxy.accepted();
    await proxy.restore();
    // With one connection in the pool, a reused given-up connection would wait behind its lost
    // query and fail again; the query is answered, on a connection opened after the silence.
    expect((await h.db.execute(sql`select 1 as one`)).rows).toEqual([{ one: 1 }]);
    expect(proxy.accepted()).toBeGreaterThan(accepted);
  });

  it("runs scripts (migrations) without the deadline", async () => {
    const h = await viaProxy();
    await expect(h.exec(`select pg_sleep(${(2 * DEADLINE_MS) / 1000})`)).resolves.toBeUndefined();
  });

  it("replaces a LISTEN connection that stops answering, and catches up once it is back", async () => {
    const h = await viaProxy();
    const received: string[] = [];
    let reconnects = 0;
    const unlisten = await h.listen("api_deadline_test", (payload) => received.push(payload), {
      onReconnect: () => reconnects++,
    });
    try {
      const accepted = proxy.accepted();
      proxy.hold();
      // Its liveness check goes unanswered within a deadline and its grace; new attempts stall too.
      await sleep(3 * (DEADLINE_MS + DEADLINE_GRACE_MS));
      await proxy.restore();
      for (let i = 0; i < 50 && reconnects === 0; i++) await sleep(100);
      expect(reconnects).toBeGreaterThan(0);
      expect(proxy.accepted()).toBeGreaterThan(accepted);
      await db.db.execute(sql`select pg_notify('api_deadline_test', 'after')`);
      for (let i = 0; i < 50 && !received.includes("after"); i++) await sleep(100);
      expect(received).toContain("after");
    } finally {
      await unlisten();
    }
  });
});
