// Long-running services started once per process (real-time hub, demo simulator, ...).
// Each start function returns its stop function so shutdown is clean.
import type { DbHandle } from "../../db/client";
import { escalationChecksService } from "./escalations/alerts.server";

export type BackgroundService = { name: string; start: (handle: DbHandle) => Promise<() => Promise<void>> };

const SERVICES: BackgroundService[] = [escalationChecksService];

export async function startBackgroundServices(handle: DbHandle): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  for (const s of SERVICES) {
    stops.push(await s.start(handle));
    console.log(`[sightline] ${s.name} started`);
  }
  return async () => {
    for (const stop of stops.reverse()) await stop().catch((err: unknown) => console.error(err));
  };
}
