// Seeds the demo data into an empty database at start-up (skip with SIGHTLINE_SEED=none).
import { sql } from "drizzle-orm";
import type { DbHandle } from "../../db/client";
import { isSeeded, seedDemo } from "../../db/seed/seed";
import { env } from "./env.server";

export async function ensureDemoData(handle: DbHandle): Promise<void> {
  if (env().SIGHTLINE_SEED === "none" || (await isSeeded(handle))) return;
  console.log("[sightline] empty database: seeding demo data (about 30 s on the embedded database)...");
  const started = Date.now();
  await seedDemo(handle, { progress: (line) => console.log(`[seed]${line}`) });
  await handle.db.execute(sql`ANALYZE`);
  console.log(`[sightline] demo data ready in ${Math.round((Date.now() - started) / 1000)} s`);
}
