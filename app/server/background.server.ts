// Long-running services started once per process (real-time hub, demo simulator, ...).
// Each start function returns its stop function so shutdown is clean. Every process starts all
// of them; work that must happen once across processes holds a lease (app/server/jobs/): metric
// jobs are claimed row by row, periodic tasks through exclusiveService. The hub is per process
// on purpose (each process fans out to its own subscribers).
import type { DbHandle } from "#db/client";
import { escalationChecksService } from "./escalations/alerts.server";
import { feedHealthService } from "./feed-health/feed-health.server";
import { simulatorService } from "./ingest/simulator.server";
import { LEASE_OWNER } from "./jobs/lease.server";
import type { BackgroundService } from "./jobs/service.server";
import { performanceAlertsService } from "./joint/performance-alerts.server";
import { orderDelayAlertsService } from "./orders/alerts.server";
import { realtimeHubService } from "./realtime/hub.server";
import { logger } from "./log.server";
import { slaDigestService } from "./sla/digest.server";
import { metricJobsService } from "./sla/metrics.server";

const log = logger("background");

const SERVICES: BackgroundService[] = [
  escalationChecksService,
  metricJobsService,
  realtimeHubService,
  simulatorService,
  orderDelayAlertsService,
  slaDigestService,
  performanceAlertsService,
  feedHealthService,
];

export async function startBackgroundServices(handle: DbHandle): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  log.info({ leaseOwner: LEASE_OWNER }, "background lease owner");
  for (const s of SERVICES) {
    stops.push(await s.start(handle));
    log.info({ service: s.name }, `${s.name} started`);
  }
  return async () => {
    for (const stop of stops.reverse())
      await stop().catch((err: unknown) => log.error({ err }, "stopping a background service failed"));
  };
}
