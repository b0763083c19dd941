// Seeds the demo data into an empty database at start-up (skip with SIGHTLINE_SEED=none).
import { sql } from "drizzle-orm";
import type { DbHandle } from "#db/client";
import { isSeeded, seedDemo } from "#db/seed/seed";
import { env } from "./env.server";
import { logger } from "./log.server";

const log = logger("seed");

export async function ensureDemoData(handle: DbHandle): Promise<void> {
  if (env().SIGHTLINE_SEED === "none" || (await isSeeded(handle))) return;
  log.info("empty database: seeding demo data (about 30 s on the embedded database)...");
  const started = Date.now();
  await seedDemo(handle, { progress: (line) => log.info(line.trim()) });
  await handle.db.execute(sql`ANALYZE`);
  log.info({ durationMs: Date.now() - started }, "demo data ready");
}
