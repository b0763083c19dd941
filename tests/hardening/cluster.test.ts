// Two worker processes on one PostgreSQL database (`node server.mjs` with WEB_CONCURRENCY=2):
// both serve, a session and a rate limit hold whichever worker answers, every metric job runs
// once, and a job whose worker is SIGKILLed mid-job is finished by another process once its
// lease expires. Fresh TCP connections per request, so the cluster's round-robin spreads them.
import http from "node:http";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { DEMO_PASSWORD, seedDemo } from "#db/seed/seed";
import { createTestDb, postgresReachable, type TestDb } from "../support/db";
import { freePort, startServer, type ServerProcess } from "../support/server-process";

const pgUp = await postgresReachable();
if (!pgUp) console.log("[cluster] no PostgreSQL at TEST_PG_ADMIN_URL: the cluster tests cannot run");

/** One request on its own TCP connection (no keep-alive), so each may land on another worker. */
function fresh(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? "GET", headers: init.headers, agent: false }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

/** leaseOwner → pid, from each worker's "background lease owner" log line. */
function leaseOwners(log: string): Map<string, number> {
  const owners = new Map<string, number>();
  for (const m of log.matchAll(/"pid":(\d+)[^\n]*"leaseOwner":"([0-9a-f-]+)"/g)) owners.set(m[2], Number(m[1]));
  return owners;
}

describe.runIf(pgUp)("two workers on one PostgreSQL database", () => {
  let db: TestDb;
  let server: ServerProcess;

  beforeAll(async () => {
    db = await createTestDb("postgres");
    await seedDemo(db, { ordersPerTenant: 40, progress: () => undefined });
    server = await startServer({
      port: await freePort(),
      databaseUrl: db.url,
      workers: 2,
      env: {
        ...(db.directUrl ? { DATABASE_DIRECT_URL: db.directUrl } : {}),
        SIGHTLINE_JOB_LEASE_MS: "2000",
        SIGHTLINE_JOB_POLL_MS: "300",
        LOG_FORMAT: "json",
      },
    });
    // Both workers up: the second starts once the first serves.
    const deadline = Date.now() + 90_000;
    while (leaseOwners(server.log()).size < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  }, 240_000);

  afterAll(async () => {
    await server?.kill("SIGKILL");
    await db?.close();
  });

  it("answers from both workers, each naming itself in /healthz", async () => {
    const pids = new Set<number>();
    for (let i = 0; i < 8; i++)
      pids.add((JSON.parse((await fresh(`${server.url}/healthz`)).body) as { pid: number }).pid);
    expect(pids.size).toBe(2);
    const ready = await fresh(`${server.url}/healthz/ready`);
    expect(ready.status).toBe(200);
  });

  it("keeps a session signed in on one worker valid on every worker", async () => {
    const login = await fresh(`${server.url}/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
      body: new URLSearchParams({ email: "viewer@acme.example", password: DEMO_PASSWORD }).toString(),
    });
    expect(login.status).toBe(302);
    const cookie = (login.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
    for (let i = 0; i < 6; i++) {
      const page = await fresh(`${server.url}/orders`, { headers: { cookie } });
      expect(page.status, `request ${i}`).toBe(200);
    }
  }, 60_000);

  it("counts failed sign-ins on every worker towards one limit", async () => {
    const attempt = (password: string) =>
      fresh(`${server.url}/login`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
        body: new URLSearchParams({ email: "admin@nordwind.example", password }).toString(),
      });
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong-${i}`)).status).not.toBe(302);
    // The sixth try, right password, lands on whichever worker: the shared limit refuses it.
    const sixth = await attempt(DEMO_PASSWORD);
    expect(sixth.status).not.toBe(302);
  }, 60_000);

  it("runs every queued metric job once, and finishes the job of a worker SIGKILLed mid-job", async () => {
    const acme = DEMO_TENANTS.find((t) => t.slug === "acme")!;
    const jobId = randomUUID();
    // Hold one of Acme's order rows: the recompute claims the job, then waits on that row (mid-job).
    const blocker = new pg.Client({ connectionString: db.directUrl ?? db.url });
    await blocker.connect();
    await blocker.query("begin");
    await blocker.query("select id from orders where tenant_id = $1 order by id limit 1 for update", [acme.id]);
    await db.db.execute(sql`insert into metric_jobs (tenant_id, id, calendar_version, status)
      values (${acme.id}, ${jobId}, 0, 'queued')`);
    let holder: string | null = null;
    const deadline = Date.now() + 30_000;
    while (!holder && Date.now() < deadline) {
      const r = await db.db.execute<{ lease_owner: string | null }>(
        sql`select lease_owner from metric_jobs where id = ${jobId} and status = 'running'`,
      );
      holder = r.rows[0]?.lease_owner ?? null;
      if (!holder) await new Promise((r) => setTimeout(r, 100));
    }
    expect(holder, "a worker claimed the job").not.toBeNull();
    const pid = leaseOwners(server.log()).get(holder!);
    expect(pid, "the holder's pid is in the log").toBeDefined();
    process.kill(pid!, "SIGKILL");
    await blocker.query("rollback");
    await blocker.end();

    // Other tenants' jobs, queued meanwhile: each must run exactly once.
    const others = DEMO_TENANTS.filter((t) => t.slug !== "acme");
    for (const t of others) {
      await db.db.execute(sql`insert into metric_jobs (tenant_id, id, calendar_version, status)
        values (${t.id}, ${randomUUID()}, 0, 'queued')`);
    }
    const until = Date.now() + 60_000;
    for (;;) {
      const r = await db.db.execute<{ open: number }>(
        sql`select count(*)::int as open from metric_jobs where status in ('queued', 'running')`,
      );
      if (r.rows[0].open === 0 || Date.now() > until) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const job = await db.db.execute<{ status: string; lease_owner: string | null; done: number; total: number }>(
      sql`select status, lease_owner, done, total from metric_jobs where id = ${jobId}`,
    );
    expect(job.rows[0]).toMatchObject({ status: "done", lease_owner: null });
    expect(job.rows[0].done).toBe(job.rows[0].total);
    // Every job finished once: the recompute log lines of all workers add up to the jobs queued.
    const ran = [...server.log().matchAll(/"jobs":(\d+)[^\n]*SLA recompute done/g)].reduce(
      (n, m) => n + Number(m[1]),
      0,
    );
    expect(ran).toBe(others.length + 1);
    const finishedBy = [...server.log().matchAll(/"pid":(\d+)[^\n]*"jobs":[1-9]/g)].map((m) => Number(m[1]));
    expect(finishedBy).not.toContain(pid);
  }, 120_000);
});
