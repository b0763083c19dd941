// Replica lag, simulated on this machine (docs/scaling.md, "Read replicas"): a PostgreSQL 15
// primary and a streaming hot standby of it, both created here from /usr/lib/postgresql/15/bin
// under .data/replica (ports 5440 and 5441; the system cluster is not touched), the portal's
// migrations and a small demo data set on the primary, then, for each artificial apply delay
// (recovery_min_apply_delay):
//   - how long a committed write takes to become visible on the standby;
//   - how many reads on the standby right after the write's commit (what a page routed to a
//     replica would read after an ingest or an escalation reply) still see the old row;
//   - read-your-writes by LSN: the writer keeps its commit LSN, a replica read first waits up to
//     a budget for pg_last_wal_replay_lsn() to pass it, else the read goes to the primary;
//   - the order list's query as portal_customer under RLS (withTenant's statements) on both.
// It also shows what a standby refuses (LISTEN, writes). Everything is torn down at the end.
//
//   npx tsx bench/replica-lag.ts [--delays 0,200,1000] [--writes 40] [--keep]
//
// Needs the PostgreSQL 15 server binaries and, when run as root, the `postgres` OS user (initdb
// refuses to run as root). Prints a table; timings are from a shared machine.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openDb } from "#db/client";
import { migrate } from "#db/migrate";
import { seedDemo } from "#db/seed/seed";
import { round, summarize } from "./lib/stats";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = "/usr/lib/postgresql/15/bin";
const BASE = path.join(ROOT, ".data", "replica");
const PRIMARY = { dir: path.join(BASE, "primary"), port: 5440 };
const STANDBY = { dir: path.join(BASE, "standby"), port: 5441 };
const DB = "sightline_replica";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const DELAYS = arg("delays", "0,200,1000").split(",").map(Number);
const WRITES = Number(arg("writes", "40"));
const KEEP = process.argv.includes("--keep");
/** How long a replica read may wait for the standby to replay the writer's LSN. */
const RYW_BUDGET_MS = 100;

const asRoot = process.getuid?.() === 0;
/** Runs a PostgreSQL binary as the `postgres` OS user when we are root. */
function pgBin(cmd: string, args: string[]): string {
  const full = path.join(BIN, cmd);
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", full, ...args]] : [full, args];
  return execFileSync(file, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function url(port: number, db = DB): string {
  return `postgres://postgres@127.0.0.1:${port}/${db}`;
}

async function client(port: number, db = DB): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url(port, db) });
  await c.connect();
  return c;
}

function stopClusters(): void {
  for (const c of [STANDBY, PRIMARY]) {
    if (existsSync(path.join(c.dir, "postmaster.pid"))) {
      try {
        pgBin("pg_ctl", ["-D", c.dir, "-m", "fast", "-w", "stop"]);
      } catch {
        /* already stopped */
      }
    }
  }
}

function setUp(): void {
  stopClusters();
  rmSync(BASE, { recursive: true, force: true });
  mkdirSync(BASE, { recursive: true });
  if (asRoot) execFileSync("chown", ["postgres:postgres", BASE]);
  pgBin("initdb", ["-D", PRIMARY.dir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  writeFileSync(
    path.join(PRIMARY.dir, "postgresql.auto.conf"),
    [
      `port = ${PRIMARY.port}`,
      "listen_addresses = '127.0.0.1'",
      "unix_socket_directories = ''",
      "wal_level = replica",
      "max_wal_senders = 4",
      "hot_standby = on",
      "shared_buffers = '64MB'",
      "fsync = off", // a simulation: durability is not what is measured
      "",
    ].join("\n"),
  );
  if (asRoot) execFileSync("chown", ["postgres:postgres", path.join(PRIMARY.dir, "postgresql.auto.conf")]);
  pgBin("pg_ctl", ["-D", PRIMARY.dir, "-l", path.join(BASE, "primary.log"), "-w", "start"]);
}

function startStandby(): void {
  pgBin("pg_basebackup", [
    "-h",
    "127.0.0.1",
    "-p",
    String(PRIMARY.port),
    "-U",
    "postgres",
    "-D",
    STANDBY.dir,
    "-R",
    "-X",
    "stream",
  ]);
  const conf = path.join(STANDBY.dir, "postgresql.auto.conf");
  // -R wrote primary_conninfo here; the standby's own port is added to it.
  execFileSync(
    asRoot ? "runuser" : "sh",
    asRoot
      ? ["-u", "postgres", "--", "sh", "-c", `echo "port = ${STANDBY.port}" >> ${conf}`]
      : ["-c", `echo "port = ${STANDBY.port}" >> ${conf}`],
  );
  pgBin("pg_ctl", ["-D", STANDBY.dir, "-l", path.join(BASE, "standby.log"), "-w", "start"]);
}

async function setDelay(ms: number): Promise<void> {
  const c = await client(STANDBY.port, "postgres");
  try {
    await c.query(`ALTER SYSTEM SET recovery_min_apply_delay = '${ms}ms'`);
    await c.query("SELECT pg_reload_conf()");
  } finally {
    await c.end();
  }
  await new Promise((r) => setTimeout(r, 300));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The statements withTenant sends, then the order list's first page (newest first). */
async function orderListAs(c: pg.Client, tenantId: string, userId: string): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  await c.query("BEGIN");
  await c.query(
    "select set_config('role', 'portal_customer', true), set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.staff_id', '', true)",
    [tenantId, userId],
  );
  const r = await c.query(
    "select id, order_number, status, ordered_at from orders where tenant_id = $1 order by ordered_at desc, id desc limit 50",
    [tenantId],
  );
  await c.query("COMMIT");
  return { ms: performance.now() - started, rows: r.rowCount ?? 0 };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(BIN, "initdb"))) throw new Error(`no PostgreSQL 15 server binaries in ${BIN}`);
  const t0 = performance.now();
  setUp();
  const admin = await client(PRIMARY.port, "postgres");
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const handle = await openDb({ url: url(PRIMARY.port) });
  await migrate(handle);
  await seedDemo(handle, { ordersPerTenant: 40, progress: () => undefined });
  await handle.close();
  startStandby();
  console.log(
    `[replica] primary :${PRIMARY.port} and standby :${STANDBY.port} ready in ${round((performance.now() - t0) / 1000, 1)} s`,
  );

  const primary = await client(PRIMARY.port);
  const standby = await client(STANDBY.port);
  const standby2 = await client(STANDBY.port);
  const results: Record<string, unknown>[] = [];
  try {
    const { rows } = await primary.query<{ tenant_id: string; user_id: string; order_id: string }>(
      `select o.tenant_id::text, m.user_id, o.id::text as order_id from orders o
         join member m on m.organization_id = o.tenant_id::text
         order by o.ordered_at desc limit 1`,
    );
    const { tenant_id: tenantId, user_id: userId, order_id: orderId } = rows[0];

    // What a standby refuses.
    const refusals: string[] = [];
    for (const stmt of ["LISTEN order_events", "UPDATE orders SET customer_po = customer_po WHERE false"]) {
      try {
        await standby.query(stmt);
        refusals.push(`${stmt}: accepted`);
      } catch (err) {
        refusals.push(`${stmt.split(" ")[0]}: ${(err as Error).message}`);
      }
    }

    for (const delay of DELAYS) {
      await setDelay(delay);
      await sleep(delay + 200); // earlier writes applied
      const visible: number[] = [];
      let staleAtCommit = 0;
      const ryw = { replica: 0, primary: 0, waits: [] as number[] };
      for (let i = 0; i < WRITES; i++) {
        const marker = `replica-${delay}-${i}-${Date.now()}`;
        // The write: as an ingest or a reply would, one committed transaction on the primary.
        await primary.query("UPDATE orders SET customer_po = $1 WHERE id = $2", [marker, orderId]);
        const committed = performance.now();
        // The commit's LSN is only known after COMMIT: the position the session's WAL reached then
        // (an apply delay holds the commit record back, not the row change before it).
        const lsn = (await primary.query<{ lsn: string }>("select pg_current_wal_lsn()::text as lsn")).rows[0].lsn;
        const read = async () =>
          (await standby.query<{ po: string }>("select customer_po as po from orders where id = $1", [orderId])).rows[0]
            ?.po;
        // A page routed to the replica right after the write's acknowledgement.
        if ((await read()) !== marker) staleAtCommit++;
        // Read-your-writes: wait up to the budget for the standby to replay the writer's LSN.
        const waitStarted = performance.now();
        let replayed = false;
        while (performance.now() - waitStarted < RYW_BUDGET_MS) {
          const r = await standby2.query<{ ok: boolean }>("select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok", [lsn]);
          if (r.rows[0].ok) {
            replayed = true;
            break;
          }
          await sleep(2);
        }
        ryw.waits.push(performance.now() - waitStarted);
        if (replayed) ryw.replica++;
        else ryw.primary++;
        // Time until the write is visible on the standby at all.
        while ((await read()) !== marker) await sleep(2);
        visible.push(performance.now() - committed);
      }
      const list = { primary: [] as number[], standby: [] as number[] };
      let rowsPrimary = 0;
      let rowsStandby = 0;
      for (let i = 0; i < 30; i++) {
        const p = await orderListAs(primary, tenantId, userId);
        const s = await orderListAs(standby, tenantId, userId);
        list.primary.push(p.ms);
        list.standby.push(s.ms);
        rowsPrimary = p.rows;
        rowsStandby = s.rows;
      }
      const v = summarize(visible);
      const waits = summarize(ryw.waits);
      results.push({
        delayMs: delay,
        writes: WRITES,
        visibleMedianMs: round(v.median),
        visibleP95Ms: round(v.p95),
        staleReadsAtCommit: staleAtCommit,
        rywServedByReplica: ryw.replica,
        rywSentToPrimary: ryw.primary,
        rywWaitMedianMs: round(waits.median),
        rywWaitP95Ms: round(waits.p95),
        orderListPrimaryMedianMs: round(summarize(list.primary).median),
        orderListStandbyMedianMs: round(summarize(list.standby).median),
        orderListRows: `${rowsPrimary}/${rowsStandby}`,
      });
    }
    console.log(
      `[replica] ${WRITES} single-row writes per delay on the primary; read-your-writes budget ${RYW_BUDGET_MS} ms`,
    );
    console.table(results);
    for (const r of refusals) console.log(`[replica] standby refuses ${r}`);
  } finally {
    await Promise.all([primary.end(), standby.end(), standby2.end()]);
    if (!KEEP) {
      stopClusters();
      rmSync(BASE, { recursive: true, force: true });
      console.log("[replica] clusters stopped and removed");
    } else console.log(`[replica] kept: ${BASE} (stop with pg_ctl -D <dir> stop)`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    if (!KEEP) stopClusters();
    process.exit(1);
  },
);
