// Health probes. `/healthz`: the process serves (and names itself: `pid`). `/healthz/ready`: this
// process should get traffic — the database answers, every migration on disk is applied, and the
// process is not draining after SIGTERM.
import { sql } from "drizzle-orm";
import type { DbHandle } from "#db/client";
import { unappliedMigrations } from "#db/migrate";
import { isDraining } from "./drain.server";

const PROBE_TIMEOUT_MS = 2_000;

export interface Readiness {
  ready: boolean;
  pid: number;
  detail: string;
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref());
}

export async function readiness(handle: DbHandle): Promise<Readiness> {
  const pid = process.pid;
  if (isDraining()) return { ready: false, pid, detail: "draining (shutting down)" };
  try {
    const pending = await Promise.race([
      handle.db.execute(sql`select 1`).then(() => unappliedMigrations(handle)),
      timeout(PROBE_TIMEOUT_MS),
    ]);
    if (pending.length > 0) return { ready: false, pid, detail: `migrations not applied: ${pending.join(", ")}` };
    return { ready: true, pid, detail: "database answers, migrations applied" };
  } catch (err) {
    return { ready: false, pid, detail: `database unavailable: ${(err as Error).message}` };
  }
}
