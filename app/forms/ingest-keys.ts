// Forms of the ingest key administration page (staff.admin.ingest-keys). Messages are catalogue
// ids, translated where the page shows them.
import { z } from "zod";

export const createIngestKeySchema = z.object({
  intent: z.literal("create"),
  tenantId: z.uuid("admin.ingestKeys.error.account"),
  name: z.string().trim().min(3, "admin.ingestKeys.error.nameShort").max(80, "admin.ingestKeys.error.nameLong"),
});

export const revokeIngestKeySchema = z.object({
  intent: z.literal("revoke"),
  tenantId: z.uuid(),
  keyId: z.uuid(),
});

/** The longest usual interval a source may be given: one day, in minutes. */
export const MAX_FEED_INTERVAL_MIN = 1440;

/**
 * A source's usual interval (feed health, 0087), in whole minutes between 1 and a day; empty
 * clears it, and the interval is learned from the source's deliveries again.
 */
export const feedIntervalSchema = z.object({
  intent: z.literal("interval"),
  tenantId: z.uuid(),
  keyId: z.uuid(),
  intervalMin: z
    .string()
    .trim()
    .regex(/^\d*$/, "admin.ingestKeys.error.intervalWhole")
    .transform((v) => (v === "" ? null : Number(v)))
    .refine((v) => v === null || (v >= 1 && v <= MAX_FEED_INTERVAL_MIN), "admin.ingestKeys.error.intervalRange"),
});
