// `node bench/pglite-memory.mjs <pglite dir> [setting=value ...]`: PGlite's own memory on a data
// directory (e.g. the one `node bench/profile-orders.mjs` seeds), without the portal. Opens it
// with PGlite's start parameters plus `-c setting=value` for each argument (none: PGlite's
// defaults; db/client.ts's are `shared_buffers=32MB maintenance_work_mem=16MB temp_buffers=2MB
// work_mem=4MB`), prints the WebAssembly memory and the process RSS after opening and after
// reading every table twice (issue 17: memory after use).
import { PGlite } from "@electric-sql/pglite";

const [dir, ...settings] = process.argv.slice(2);
if (!dir) throw new Error("usage: node bench/pglite-memory.mjs <pglite dir> [setting=value ...]");
const db = new PGlite({
  dataDir: dir,
  ...(settings.length ? { startParams: [...PGlite.defaultStartParams, ...settings.flatMap((s) => ["-c", s])] } : {}),
});
await db.waitReady;
const mb = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;
// PGlite's Emscripten module is not part of its typed interface; its heap is the WebAssembly memory.
const memory = () => `WebAssembly memory ${mb(db.mod.HEAPU8.buffer.byteLength)}, RSS ${mb(process.memoryUsage().rss)}`;
const shared = (await db.query("show shared_buffers")).rows[0].shared_buffers;
console.log(`${settings.join(" ") || "PGlite defaults"} (shared_buffers ${shared}); opened: ${memory()}`);
const size = (await db.query("select pg_size_pretty(pg_database_size(current_database())) as s")).rows[0].s;
const tables = (
  await db.query(
    "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'",
  )
).rows.map((r) => r.relname);
for (let i = 0; i < 2; i++) for (const t of tables) await db.query(`select count(*) from "${t}"`);
console.log(`database ${size}; after reading every table twice: ${memory()}`);
await db.close();
