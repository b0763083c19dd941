// One database handle, two drivers: embedded PGlite when DATABASE_URL is unset, `pg` otherwise.
// Everything above this file uses the same Drizzle API and the same SQL migrations.
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
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
}

export async function openDb(options: DbOptions): Promise<DbHandle> {
  return options.url
    ? openPostgres(options.url, options.poolSize ?? 10, options.directUrl, options.onQueryTime)
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

/** Times `client.query` in both its forms (promise, and the callback form pg's pool uses). */
function timePgClient(client: pg.PoolClient, onQueryTime: (ms: number) => void): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const timed = (...args: unknown[]): unknown => {
    const started = performance.now();
    const done = () => onQueryTime(performance.now() - started);
    const last = args.at(-1);
    if (typeof last === "function") {
      const callback = last as (...results: unknown[]) => void;
      return query(...args.slice(0, -1), (...results: unknown[]) => {
        done();
        callback(...results);
      });
    }
    const result = query(...args);
    if (result instanceof Promise) return result.finally(done);
    return result; // a submittable (cursor, stream): not timed
  };
  // The overloads of pg's query cannot be restated by a wrapper; the call shapes are passed through.
  client.query = timed as typeof client.query;
}

async function openPglite(
  dir: string | undefined,
  snapshot: Blob | undefined,
  onQueryTime?: (ms: number) => void,
): Promise<DbHandle> {
  const client = new PGlite({ dataDir: dir, loadDataDir: snapshot });
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

async function openPostgres(
  url: string,
  poolSize: number,
  directUrl?: string,
  onQueryTime?: (ms: number) => void,
): Promise<DbHandle> {
  const listenUrl = directUrl ?? url;
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // A request waits at most this long for a connection (a new one, or a free one of a busy
    // pool); then it fails and is answered 503 instead of hanging.
    connectionTimeoutMillis: 5_000,
    // Peers that vanish without a reset (a cut network) are noticed by TCP keepalive.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // An idle client that loses its server must not crash the process; the pool replaces it.
  pool.on("error", (err) => console.error("[db] idle client error:", err.message));
  // A client that loses its server while checked out (mid-transaction) emits 'error' too, and
  // the pool listens only to idle ones: unhandled, that event would kill the process. The
  // query in flight already rejects with the same error and release() discards the client,
  // so there is nothing more to do here.
  pool.on("connect", (client) => {
    client.on("error", () => undefined);
    if (onQueryTime) timePgClient(client, onQueryTime);
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const subscriptions = new Set<() => Promise<void>>();

  const listen = async (channel: string, onPayload: (payload: string) => void, opts: ListenOptions = {}) => {
    let current: pg.Client | null = null;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let delay = LISTEN_RETRY_MS.first;

    const connect = async () => {
      const client = new pg.Client({ connectionString: listenUrl, connectionTimeoutMillis: 5_000, keepAlive: true });
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
      else current = client;
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
      if (!directUrl) {
        await pool.query(script);
        return;
      }
      // Scripts may hold session state (migrations); through a pooler they need their own session.
      const client = new pg.Client({ connectionString: directUrl, connectionTimeoutMillis: 5_000 });
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
