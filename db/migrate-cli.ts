// `npm run db:migrate`: apply pending migrations to DATABASE_URL, or to the PGlite directory.
import { mkdirSync } from "node:fs";
import { openDb } from "./client";
import { migrate } from "./migrate";

const url = process.env.DATABASE_URL;
const dir = process.env.PGLITE_DIR ?? ".data/pglite";
if (!url) mkdirSync(dir, { recursive: true });
const handle = await openDb({ url, pgliteDir: url ? undefined : dir });
const applied = await migrate(handle);
console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
await handle.close();
