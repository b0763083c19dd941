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

export interface DbHandle {
  kind: "pglite" | "postgres";
  db: Db;
  /** Runs a script of several statements (migrations, seeding helpers). Owner rights. */
  exec(script: string): Promise<void>;
  /** Subscribes to NOTIFY on a channel; returns an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres:// URL; when absent, PGlite is used. */
  url?: string;
  /** PGlite data directory; absent means in-memory (tests). */
  pgliteDir?: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

export async function openDb(options: DbOptions): Promise<DbHandle> {
  return options.url ? openPostgres(options.url, options.poolSize ?? 10) : openPglite(options.pgliteDir);
}

async function openPglite(dir: string | undefined): Promise<DbHandle> {
  const client = dir ? new PGlite(dir) : new PGlite();
  await client.waitReady;
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
  };
}

async function openPostgres(url: string, poolSize: number): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server must not crash the process; the pool replaces it.
  pool.on("error", (err) => console.error("[db] idle client error:", err.message));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const listeners = new Set<pg.Client>();
  return {
    kind: "postgres",
    db,
    exec: async (script) => {
      await pool.query(script);
    },
    listen: async (channel, onPayload) => {
      const client = new pg.Client({ connectionString: url });
      client.on("error", (err) => console.error("[db] listen connection error:", err.message));
      await client.connect();
      client.on("notification", (msg) => {
        if (msg.channel === channel) onPayload(msg.payload ?? "");
      });
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      listeners.add(client);
      return async () => {
        listeners.delete(client);
        await client.end().catch(() => undefined);
      };
    },
    close: async () => {
      await Promise.all([...listeners].map((c) => c.end().catch(() => undefined)));
      await pool.end();
    },
  };
}
