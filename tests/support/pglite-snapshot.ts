// A migrated PGlite data directory, dumped once and loaded by every in-memory test database.
// PGlite's initdb costs 3–6 s of CPU per database on the 2-core CI machine and the migrations
// another second; loading the dump costs under one. The dump is keyed by the PGlite version and
// the migration files' names and contents, so a changed or added migration makes a new one; it
// lives in node_modules/.cache (never committed) and is built by the first test process that
// needs it (global-setup.ts builds the current one up front, before the test processes start).
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { openDb } from "#db/client";
import { migrate, MIGRATIONS_DIR } from "#db/migrate";
import { projectRoot } from "#db/root";

const CACHE_DIR = path.join(projectRoot(), "node_modules/.cache/sightline-tests");
/** Snapshots not used for this long are removed (each is about 40 MB). */
const STALE_MS = 2 * 24 * 3600_000;

const loaded = new Map<string, Promise<Blob>>();

async function snapshotKey(dir: string): Promise<string> {
  const hash = createHash("sha256");
  const pglite = JSON.parse(
    await readFile(path.join(projectRoot(), "node_modules/@electric-sql/pglite/package.json"), "utf8"),
  ) as { version: string };
  hash.update(`pglite ${pglite.version}\n`);
  // The files migrate() applies, in its order.
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  for (const file of files) hash.update(`${file}\n`).update(await readFile(path.join(dir, file)));
  return hash.digest("hex").slice(0, 16);
}

async function build(dir: string, file: string): Promise<void> {
  const handle = await openDb({});
  try {
    await migrate(handle, dir);
    const dump = await handle.dumpDataDir!();
    await mkdir(CACHE_DIR, { recursive: true });
    // Written aside and renamed: a test process that reads it never sees half a file.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
  } finally {
    await handle.close();
  }
}

async function prune(keep: string): Promise<void> {
  const names = await readdir(CACHE_DIR).catch(() => [] as string[]);
  for (const name of names) {
    const file = path.join(CACHE_DIR, name);
    if (file === keep) continue;
    const info = await stat(file).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > STALE_MS) await rm(file, { force: true });
  }
}

async function load(dir: string): Promise<Blob> {
  const file = path.join(CACHE_DIR, `pglite-${await snapshotKey(dir)}.tar`);
  const existing = await readFile(file).catch(() => undefined);
  if (existing) {
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined); // marks it in use for prune()
    return new Blob([existing]);
  }
  await build(dir, file);
  await prune(file);
  return new Blob([await readFile(file)]);
}

/**
 * The data directory of a PGlite database with the migrations of `dir` applied (db/migrations by
 * default), for `openDb({ pgliteSnapshot })`. Read once per process.
 */
export function migratedSnapshot(dir: string = MIGRATIONS_DIR): Promise<Blob> {
  let snapshot = loaded.get(dir);
  if (!snapshot) {
    snapshot = load(dir);
    loaded.set(dir, snapshot);
    snapshot.catch(() => loaded.delete(dir));
  }
  return snapshot;
}
