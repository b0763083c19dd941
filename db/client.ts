// One database handle, two drivers: embedded PGlite when DATABASE_URL is unset, `pg` otherwise.
// Everything above this file uses the same Drizzle API and the same SQL migrations.
// Each driver is imported when a database of its kind is opened: a process loads one of them,
// not both (a start of the portal pays for the driver it uses only).
import type { PGlite } from "@electric-sql/pglite";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type pg from "pg";
import * as schema from "./schema/index";

export type Schema = typeof schema;
/**
 * Both drivers return `{ rows }` from execute(); the node-postgres type describes that for both,
 * so the rest of the code has one database type.
 */
export type Db = NodePgDatabase<Schema>;
/** A transaction handle (same query API as the database); services get one from withTenant. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface DbHandle {
  kind: "pglite" | "postgres";
  db: Db;
  /** Runs a script of several statements (migrations, seeding helpers). Owner rights. */
  exec(script: string): Promise<void>;
  /**
   * Subscribes to NOTIFY on a channel; returns an unsubscribe function. On PostgreSQL a lost
   * LISTEN connection is re-established (with back-off) until unsubscribed; notifications sent
   * while it was down are gone, so `onReconnect` runs after each re-established LISTEN for the
   * subscriber to catch up.
   */
  listen(channel: string, onPayload: (payload: string) => void, opts?: ListenOptions): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** PGlite only: the data directory as an uncompressed tarball (tests snapshot a migrated database). */
  dumpDataDir?(): Promise<Blob>;
}

export interface ListenOptions {
  onReconnect?: () => void;
}

export interface DbOptions {
  /** postgres:// URL; when absent, PGlite is used. */
  url?: string;
  /** PGlite data directory; absent means in-memory (tests). */
  pgliteDir?: string;
  /**
   * PGlite: start from this dumped data directory (`dumpDataDir`) instead of running initdb
   * (tests load a migrated snapshot, tests/support/pglite-snapshot.ts).
   */
  pgliteSnapshot?: Blob;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /**
   * A direct PostgreSQL URL for what a transaction-pooling proxy (PgBouncer) cannot carry:
   * LISTEN connections and `exec` scripts (migrations). Absent: `url` serves everything.
   */
  directUrl?: string;
  /**
   * Told how long each round trip to the database took (ms), in the caller's async context, so
   * the server can add it up per request (the access log's `dbMs`). PGlite: time inside the
   * engine; PostgreSQL: from sending a query to its answer. Not called for LISTEN connections.
   */
  onQueryTime?: (ms: number) => void;
  /**
   * PostgreSQL only: how long a statement may take before it is given up (ms). The server cancels
   * it (`statement_timeout`, error 57014), and the client stops waiting for an answer
   * `DEADLINE_GRACE_MS` later (`query_timeout`) and drops the connection — a network that silently
   * lost the database (no reset, no answer) fails the request instead of hanging it. A transaction
   * left idle for six deadlines is ended by the server (`idle_in_transaction_session_timeout`), so
   * a client cut off mid-transaction does not hold its locks. Absent: no deadline (migrations, seed
   * and bench tools). `exec` scripts (migrations) never have one. Behind a pooler (`directUrl`) only
   * the client's part applies (see serverDeadlines).
   */
  statementTimeoutMs?: number;
  /** PostgreSQL only: how long a query waits for a connection (a new one, or a free one of a busy pool). Default 5,000. */
  connectTimeoutMs?: number;
}

/** How much longer than the server's statement deadline the client waits for an answer. */
export const DEADLINE_GRACE_MS = 1_000;

/** What the client says when its own deadline passed with no answer from the server. */
const READ_TIMEOUT = "Query read timeout";

export async function openDb(options: DbOptions): Promise<DbHandle> {
  return options.url
    ? openPostgres(options.url, options)
    : openPglite(options.pgliteDir, options.pgliteSnapshot, options.onQueryTime);
}

/** PGlite runs every protocol exchange synchronously in its engine: timing it is exact. */
function timePglite(client: PGlite, onQueryTime: (ms: number) => void): void {
  const run = client.execProtocolRawSync.bind(client);
  client.execProtocolRawSync = (message: Uint8Array) => {
    const started = performance.now();
    try {
      return run(message);
    } finally {
      onQueryTime(performance.now() - started);
    }
  };
}

/**
 * Wraps `client.query` in both its forms (promise, and the callback form pg's pool uses): times
 * each round trip, and drops the connection when the client's own deadline passed without an
 * answer. pg leaves such a client looking healthy with the unanswered query still on it, so the
 * pool would hand it out again and the next query would wait behind it; destroyed, it is
 * discarded on release (as pg-pool does with a connection attempt that timed out).
 */
function watchPgClient(client: pg.PoolClient, onQueryTime?: (ms: number) => void): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const dropIfUnanswered = (err: unknown) => {
    if (err instanceof Error && err.message === READ_TIMEOUT) client.connection.stream.destroy();
  };
  const timed = (...args: unknown[]): unknown => {
    const started = performance.now();
    const done = () => onQueryTime?.(performance.now() - started);
    const last = args.at(-1);
    if (typeof last === "function") {
      const callback = last as (...results: unknown[]) => void;
      return query(...args.slice(0, -1), (...results: unknown[]) => {
        done();
        dropIfUnanswered(results[0]);
        callback(...results);
      });
    }
    const result = query(...args);
    if (result instanceof Promise)
      return result.then(
        (value: unknown) => {
          done();
          return value;
        },
        (err: unknown) => {
          done();
          dropIfUnanswered(err);
          throw err;
        },
      );
    return result; // a submittable (cursor, stream): not timed
  };
  // The overloads of pg's query cannot be restated by a wrapper; the call shapes are passed through.
  client.query = timed as typeof client.query;
}

/**
 * PostgreSQL's memory settings inside PGlite. Its WebAssembly memory only grows and is never given
 * back to the system, and PGlite starts PostgreSQL with the server defaults: 128 MB of shared
 * buffers (which alone grew the WebAssembly memory from its initial 128 MB to 189 MB at start),
 * 64 MB per index build or ANALYZE. The embedded database is one process serving one portal (the
 * demo data is tens of MB); pages outside the buffers are read back from the data directory
 * through the OS's file cache, which is not the portal's memory (issue 17: RSS after use).
 */
const PGLITE_MEMORY = ["shared_buffers=32MB", "maintenance_work_mem=16MB", "temp_buffers=2MB", "work_mem=4MB"];

async function openPglite(
  dir: string | undefined,
  snapshot: Blob | undefined,
  onQueryTime?: (ms: number) => void,
): Promise<DbHandle> {
  const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
  ]);
  const client = new PGlite({
    dataDir: dir,
    loadDataDir: snapshot,
    startParams: [...PGlite.defaultStartParams, ...PGLITE_MEMORY.flatMap((setting) => ["-c", setting])],
  });
  await client.waitReady;
  if (onQueryTime) timePglite(client, onQueryTime);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    exec: async (script) => {
      await client.exec(script);
    },
    listen: async (channel, onPayload) => {
      const unsubscribe = await client.listen(channel, onPayload);
      return async () => unsubscribe();
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
    dumpDataDir: () => client.dumpDataDir("none"),
  };
}

/** Back-off between attempts to re-establish a lost LISTEN connection. */
const LISTEN_RETRY_MS = { first: 250, max: 5_000 };

/**
 * The server-side deadlines as a startup `options` string (`-c name=value`). Sent only when the
 * pool talks to PostgreSQL itself: a pooler (PgBouncer, configured with DATABASE_DIRECT_URL beside
 * it) refuses startup parameters it does not know, so behind one only the client's deadline
 * applies, unless the database role carries the settings (`ALTER ROLE … SET statement_timeout`).
 */
export function serverDeadlines(statementTimeoutMs: number): string {
  const ms = Math.round(statementTimeoutMs);
  return `-c statement_timeout=${ms} -c idle_in_transaction_session_timeout=${6 * ms}`;
}

async function openPostgres(url: string, options: DbOptions): Promise<DbHandle> {
  const { poolSize = 10, directUrl, onQueryTime, statementTimeoutMs, connectTimeoutMs = 5_000 } = options;
  const [{ default: pg }, { drizzle: drizzlePg }] = await Promise.all([
    import("pg"),
    import("drizzle-orm/node-postgres"),
  ]);
  const listenUrl = directUrl ?? url;
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // A request waits at most this long for a connection (a new one, or a free one of a busy
    // pool); then it fails and is answered 503 instead of hanging.
    connectionTimeoutMillis: connectTimeoutMs,
    // A statement that outlives its deadline is cancelled by the server; one whose answer never
    // comes (the network dropped it silently) is given up by the client (see DbOptions).
    ...(statementTimeoutMs ? { query_timeout: statementTimeoutMs + DEADLINE_GRACE_MS } : {}),
    ...(statementTimeoutMs && !directUrl ? { options: serverDeadlines(statementTimeoutMs) } : {}),
    // Peers that vanish without a reset (a cut network) are noticed by TCP keepalive while idle.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // An idle client that loses its server must not crash the process; the pool replaces it.
  pool.on("error", (err) => console.error("[db] idle client error:", err.message));
  // A client that loses its server while checked out (mid-transaction, or given up by its
  // deadline) emits 'error' too, and the pool listens only to idle ones: unhandled, that event
  // would kill the process. The query in flight already rejects with the same error. The client
  // goes back to the pool at once, which discards it: Drizzle does not release a transaction's
  // client when its BEGIN fails, so each transaction begun on a lost connection would otherwise
  // keep its pool slot for good (and a silent network exhaust the pool). The holder's own
  // release afterwards does nothing.
  const checkedOut = new Set<pg.PoolClient>();
  pool.on("acquire", (client) => checkedOut.add(client));
  pool.on("release", (_err, client) => checkedOut.delete(client));
  pool.on("connect", (client) => {
    client.on("error", (err) => {
      if (!checkedOut.has(client)) return;
      const release = client.release;
      client.release = () => undefined;
      release(err);
    });
    watchPgClient(client, onQueryTime);
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const subscriptions = new Set<() => Promise<void>>();

  const listen = async (channel: string, onPayload: (payload: string) => void, opts: ListenOptions = {}) => {
    let current: pg.Client | null = null;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let delay = LISTEN_RETRY_MS.first;

    const connect = async () => {
      const client = new pg.Client({
        connectionString: listenUrl,
        connectionTimeoutMillis: connectTimeoutMs,
        keepAlive: true,
        ...(statementTimeoutMs ? { query_timeout: statementTimeoutMs + DEADLINE_GRACE_MS } : {}),
      });
      client.on("error", (err) => {
        console.error(`[db] LISTEN ${channel} connection lost: ${err.message}`);
        lost(client);
      });
      client.on("end", () => lost(client));
      client.on("notification", (msg) => {
        if (msg.channel === channel) onPayload(msg.payload ?? "");
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      } catch (err) {
        await client.end().catch(() => undefined);
        throw err;
      }
      if (stopped) await client.end().catch(() => undefined);
      else {
        current = client;
        if (statementTimeoutMs) checkAlive(client, statementTimeoutMs);
      }
    };
    // A LISTEN connection only receives: one whose network dropped silently would wait forever.
    // With a deadline, it is asked to answer once per deadline, within it, or is replaced.
    const checkAlive = (client: pg.Client, deadlineMs: number) => {
      const next = setTimeout(() => {
        if (current !== client) return;
        client.query("select 1").then(
          () => checkAlive(client, deadlineMs),
          (err: unknown) => {
            if (current !== client) return;
            console.error(`[db] LISTEN ${channel} connection did not answer: ${(err as Error).message}`);
            client.connection.stream.destroy();
            lost(client);
          },
        );
      }, deadlineMs);
      next.unref?.();
    };
    const lost = (client: pg.Client) => {
      if (current !== client) return; // a failed attempt, or already handled
      current = null;
      void client.end().catch(() => undefined);
      if (!stopped) reconnectLater();
    };
    const reconnectLater = () => {
      retry = setTimeout(() => {
        retry = null;
        connect().then(
          () => {
            if (stopped) return;
            console.log(`[db] LISTEN ${channel} re-established`);
            delay = LISTEN_RETRY_MS.first;
            opts.onReconnect?.();
          },
          () => {
            delay = Math.min(delay * 2, LISTEN_RETRY_MS.max);
            if (!stopped) reconnectLater();
          },
        );
      }, delay);
      retry.unref?.();
    };

    await connect(); // the first LISTEN fails loudly, as before
    const unsubscribe = async () => {
      stopped = true;
      subscriptions.delete(unsubscribe);
      if (retry) clearTimeout(retry);
      const client = current;
      current = null;
      await client?.end().catch(() => undefined);
    };
    subscriptions.add(unsubscribe);
    return unsubscribe;
  };

  return {
    kind: "postgres",
    db,
    exec: async (script) => {
      if (!directUrl && !statementTimeoutMs) {
        await pool.query(script);
        return;
      }
      // Scripts may hold session state (migrations); through a pooler they need their own session,
      // and they run without the pool's statement deadline (a migration may wait for another
      // process's migration lock, or rewrite a large table).
      const client = new pg.Client({ connectionString: directUrl ?? url, connectionTimeoutMillis: connectTimeoutMs });
      await client.connect();
      try {
        await client.query(script);
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    listen,
    close: async () => {
      await Promise.all([...subscriptions].map((unsubscribe) => unsubscribe()));
      await pool.end();
    },
  };
}
