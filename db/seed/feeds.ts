// Demo data for feed health: one demo account has a second source, its warehouse system, which
// sent every five minutes (a little jitter) until 50 minutes before the seed ran and then fell
// silent, so its pages carry the delay notice and its account team gets the alert. The demo
// simulator never feeds it: the simulator drives only keys created by "seed" (the ERP
// connectors), and this key's secret is random and never shown, so nothing can send on it.
// Owner connection; deterministic for a given `now` apart from the unusable secret.
import { createHash, randomBytes } from "node:crypto";
import type { Temporal } from "temporal-polyfill";
import type { DbHandle } from "../client";
import { feedSources, ingestKeys } from "../schema/index";
import type { TenantProfile } from "./demo-tenants";

export const SILENT_FEED = {
  slug: "southerncross",
  label: "Warehouse system",
  createdBy: "seed:silent-feed",
  minutesSilent: 50,
  /** Seconds between its deliveries, oldest first (median 300). */
  gapsS: [300, 295, 310, 300, 305, 290, 300, 315, 300, 285, 300, 305, 300, 295, 310, 300, 300, 290, 305, 300],
} as const;

export async function seedDemoFeeds(
  handle: DbHandle,
  profiles: readonly TenantProfile[],
  now: Temporal.Instant,
): Promise<void> {
  const profile = profiles.find((p) => p.slug === SILENT_FEED.slug);
  if (!profile) return;
  const secret = `sl_ingest_${profile.slug}_${randomBytes(32).toString("base64url")}`;
  const [key] = await handle.db
    .insert(ingestKeys)
    .values({
      tenantId: profile.id,
      name: SILENT_FEED.label,
      prefix: secret.slice(0, `sl_ingest_${profile.slug}_`.length + 4),
      secretHash: createHash("sha256").update(secret).digest("hex"),
      createdBy: SILENT_FEED.createdBy,
    })
    .returning({ id: ingestKeys.id });
  await handle.db.insert(feedSources).values({
    tenantId: profile.id,
    keyId: key.id,
    label: SILENT_FEED.label,
    lastArrivalAt: new Date(now.epochMilliseconds - SILENT_FEED.minutesSilent * 60_000),
    gapsS: [...SILENT_FEED.gapsS],
  });
}
