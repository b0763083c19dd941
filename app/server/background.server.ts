// Long-running services started once per process (real-time hub, demo simulator, ...).
// Each start function returns its stop function so shutdown is clean.
import type { DbHandle } from "../../db/client";
import { escalationChecksService } from "./escalations/alerts.server";
import { simulatorService } from "./ingest/simulator.server";
import { orderDelayAlertsService } from "./orders/alerts.server";
import { realtimeHubService } from "./realtime/hub.server";
import { logger } from "./log.server";
import { metricJobsService } from "./sla/metrics.server";

const log = logger("background");

export type BackgroundService = { name: string; start: (handle: DbHandle) => Promise<() => Promise<void>> };

const SERVICES: BackgroundService[] = [
  escalationChecksService,
  metricJobsService,
  realtimeHubService,
  simulatorService,
  orderDelayAlertsService,
];

export async function startBackgroundServices(handle: DbHandle): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  for (const s of SERVICES) {
    stops.push(await s.start(handle));
    log.info({ service: s.name }, `${s.name} started`);
  }
  return async () => {
    for (const stop of stops.reverse())
      await stop().catch((err: unknown) => log.error({ err }, "stopping a background service failed"));
  };
}
