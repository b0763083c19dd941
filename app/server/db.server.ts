// The process-wide database handle. Production has one module graph (server.mjs starts the
// portal from the build), but the handle stays on globalThis for the two places that still see
// two copies of this file: Vite's module reloads in development, and in-process tests, whose
// Vitest graph installs the handle (setDb) that the routes served through Vite must use.
import { mkdir } from "node:fs/promises";
import { openDb, type DbHandle } from "#db/client";
import { migrate } from "#db/migrate";
import { env } from "./env.server";
import { noteDbTime } from "./log.server";

const KEY = Symbol.for("sightline.db");
type Holder = { [KEY]?: Promise<DbHandle> };

/** Opens (once) and migrates the database named by the environment. */
export function getDb(): Promise<DbHandle> {
  const holder = globalThis as Holder;
  holder[KEY] ??= (async () => {
    const e = env();
    if (!e.DATABASE_URL) await mkdir(e.PGLITE_DIR, { recursive: true });
    const handle = await openDb({
      url: e.DATABASE_URL,
      directUrl: e.DATABASE_DIRECT_URL,
      pgliteDir: e.DATABASE_URL ? undefined : e.PGLITE_DIR,
      onQueryTime: noteDbTime,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
    });
    await migrate(handle);
    return handle;
  })();
  return holder[KEY];
}

/** Lets tests and tools install a handle they opened themselves (e.g. an in-memory PGlite). */
export function setDb(handle: DbHandle): void {
  (globalThis as Holder)[KEY] = Promise.resolve(handle);
}
