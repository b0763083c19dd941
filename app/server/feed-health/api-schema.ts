// Response shape of GET /api/v1/feed-health, written once in zod: the service's answer is typed by
// it (apiJson), the OpenAPI document is generated from it (app/server/api/openapi/feed-health.ts)
// and the tests parse answers with it.
import { z } from "zod";

export const feedSourceSchema = z.object({
  label: z.string().describe("The source's name (an ingest connection of the account); never a key or secret."),
  status: z
    .enum(["live", "silent", "learning"])
    .describe(
      "`silent`: nothing has arrived for well over the source's usual interval (3 intervals, at least the interval plus 10 minutes); `learning`: too few deliveries yet to know its interval.",
    ),
  lastArrivalAt: z.iso.datetime({ offset: true }).describe("When the source's latest batch arrived."),
  expectedIntervalSeconds: z
    .int()
    .positive()
    .nullable()
    .describe("The usual time between deliveries: the median of the recent gaps, or configured; null while learning."),
  silentSince: z.iso
    .datetime({ offset: true })
    .nullable()
    .describe("When the delivery that did not come was due; null unless `silent`."),
});

export const feedHealthSchema = z.object({
  sources: z.array(feedSourceSchema).describe("Silent sources first, then by name."),
});

export const feedHealthResponseSchema = z.object({ data: feedHealthSchema });

export type FeedHealthAnswer = z.infer<typeof feedHealthSchema>;
