// Shape of GET /api/v1/sla/scorecard, written once in zod: the scorecard service's result is typed
// by it (Scorecard and its parts in ./scorecard.server.ts are these types), the handler's answer
// too (./api.server.ts), and the OpenAPI document is generated from it (app/server/api/openapi/sla.ts).
import { z } from "zod";
import { KPI_IDS, type KpiId } from "#app/domain/sla/kpis";
import { LATE_BUCKETS, type LateBucket } from "#app/domain/sla/misses";
import { MISS_REASONS, type MissReason } from "#app/domain/sla/order-facts";
import { GRANULARITIES, parsePeriodSelection } from "#app/domain/sla/periods";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The query string of GET /api/v1/sla/scorecard, as the handler parses it. */
export const slaScorecardQuerySchema = z.object({
  period: z
    .string()
    .max(40)
    .default("this-period")
    .refine((v) => parsePeriodSelection(v) !== null, {
      message:
        "period is this-/last-week|period|quarter|year (e.g. last-quarter) or a fiscal key such as FY2026, FY2026-Q2, FY2026-P03, FY2026-W07.",
    })
    .describe(
      "`this-` or `last-` + `week`, `period`, `quarter` or `year` (default `this-period`), or a fiscal key: `FY2026`, `FY2026-Q2`, `FY2026-P03`, `FY2026-W07`. Fiscal years, periods and weeks are those of the account's calendar.",
    )
    .meta({ examples: ["last-quarter"] }),
  site: z
    .string()
    .regex(UUID_RE, "site is the id of one of your sites.")
    .meta({ format: "uuid" })
    .describe("Only orders shipping to this site (id). Embed tokens pinned to sites are limited to them.")
    .optional(),
});

const date = z.iso.date();
const instant = z.iso.datetime({ offset: true });
const count = z.int().min(0);
const percentOrNull = z.number().nullable();

export const slaKpiSchema = z.object({
  id: z.enum(KPI_IDS),
  label: z.string().meta({ examples: ["OTIF"] }),
  unit: z.enum(["%", "business hours"]),
  better: z.enum(["higher", "lower"]),
  definition: z.string().describe("How the figure is computed, in plain language."),
  value: percentOrNull.describe("Percent (0-100) or business hours; null when nothing was measured."),
  target: z.number().describe("The contracted target (the tier's default unless set for the account)."),
  met: z.boolean().nullable().describe("Whether the value meets the target; null when nothing was measured."),
  numerator: z.number().describe("e.g. OTIF orders, units shipped, or lead time hours summed."),
  denominator: z.number().describe("e.g. measured orders, units ordered, or orders with a lead time."),
  missedOrders: count.describe("Orders that missed: late, not in full, a line short, or over the lead time target."),
  href: z.string().meta({ examples: ["/orders?fiscal=FY2026-P03&measured=1"] }),
  missedHref: z.string().meta({ examples: ["/orders?fiscal=FY2026-P03&otif=missed"] }),
});

export const slaMissCountSchema = z.object({
  orders: count,
  link: z
    .string()
    .describe("The order list filtered to exactly these orders; the query string works on GET /api/v1/orders.")
    .meta({ examples: ["/orders?fiscal=FY2026-P03&ontime=missed&infull=met"] }),
});

export const slaMissReasonsSchema = z.object(
  Object.fromEntries(MISS_REASONS.map((r) => [r, slaMissCountSchema])) as Record<MissReason, typeof slaMissCountSchema>,
);

export const slaMissGroupSchema = z.object({
  key: z.string().describe('Site id, carrier name ("" for orders without a carrier) or priority.'),
  measured: count,
  missRate: percentOrNull.describe("Missed / measured in percent (two decimals)."),
  missed: slaMissCountSchema,
  reasons: slaMissReasonsSchema,
});

const lateBucketSchema = z.object({
  id: z.enum(LATE_BUCKETS.map((b) => b.id) as [LateBucket["id"], ...LateBucket["id"][]]),
  overMinutes: z.int().nullable().describe("Late by more than this (null: from 0)."),
  upToMinutes: z.int().nullable().describe("Late by at most this (null: no limit)."),
});

const siteSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const slaMissBreakdownSchema = z
  .object({
    measured: count,
    missed: slaMissCountSchema,
    reasons: slaMissReasonsSchema,
    lateBy: z.array(slaMissCountSchema.extend({ bucket: lateBucketSchema })),
    lateUnrecorded: count.describe("Late orders without a stored lateness (before a recompute)."),
    bySite: z.array(slaMissGroupSchema),
    byCarrier: z.array(slaMissGroupSchema),
    byPriority: z.array(slaMissGroupSchema),
    sites: z.array(siteSchema),
  })
  .describe(
    "Why the period's measured orders missed OTIF: late only (not on time, in full), short only (on time, not in full) or both; late orders by business hours late; and by site, carrier and priority with each group's miss rate. Every count links to exactly its orders.",
  );

export const slaSiteRowSchema = z.object({
  siteId: z.uuid(),
  code: z.string(),
  name: z.string(),
  measured: count,
  kpis: z.array(slaKpiSchema.pick({ id: true, value: true, met: true, missedOrders: true, missedHref: true })),
  href: z.string(),
});

/** Each KPI's value in a trend point, as SlaKpi.value (one property per KPI of the registry). */
const trendKpiValues = Object.fromEntries(KPI_IDS.map((id) => [id, percentOrNull])) as Record<
  KpiId,
  typeof percentOrNull
>;

export const slaTrendPointSchema = z.object({
  id: z.string().meta({ examples: ["FY2026-P03"] }),
  label: z.string(),
  granularity: z.enum(["period", "week"]).describe("The trend charts weeks in a week view, fiscal periods otherwise."),
  start: date,
  end: date,
  measured: count,
  ...trendKpiValues,
  otifMet: z.boolean().nullable(),
  perfectOrder: percentOrNull.describe("Perfect order %, as in `perfectOrder.value`."),
  recoveryTime: percentOrNull.describe("Average recovery time, business hours, as in `recoveryTime.value`."),
  href: z.string(),
});

export const slaPerfectOrderSchema = z
  .object({
    value: percentOrNull.describe("Percent, two decimals; null when nothing was measured."),
    perfect: count.describe("Measured orders that were perfect."),
    measured: count,
    damaged: count.describe("Measured orders with a `damaged` or `claim_filed` event."),
    documentErrors: count.describe("Measured orders with a `document_error` event."),
    definition: z.string(),
  })
  .describe(
    "Perfect order % of the period: measured orders on time, in full, undamaged and with correct documents. Damage and documentation errors come from `damaged`, `claim_filed` and `document_error` events (POST /api/v1/ingest/events); an order without them is perfect when it is OTIF.",
  );

export const slaRecoveryTimeSchema = z
  .object({
    value: percentOrNull.describe("Business hours, two decimals; null when no order recovered."),
    recovered: count.describe("Failed orders whose escalations are all resolved."),
    unresolved: count.describe("Failed orders with an escalation still unresolved."),
    definition: z.string(),
  })
  .describe(
    "Recovery time of the period: for measured orders that missed OTIF and were escalated, the business time from the first escalation being raised to the last one being resolved (duplicates left out), averaged over the recovered orders.",
  );

export const slaScorecardSchema = z.object({
  tenant: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() }),
  period: z.object({
    id: z.string().meta({ examples: ["FY2026-P03"] }),
    label: z.string().meta({ examples: ["FY2026 P03 (Mar)"] }),
    granularity: z.enum(GRANULARITIES),
    start: date.describe("First local date of the period."),
    end: date.describe("Last local date of the period (inclusive)."),
  }),
  site: siteSchema.nullable().describe("The site the scorecard is limited to; null for all sites."),
  calendar: z.object({
    version: z.int().min(0).describe("Calendar version the figures use; 0 = the default calendar."),
    label: z.string(),
    timeZone: z.string().meta({ examples: ["America/Chicago"] }),
    savedAt: instant.nullable(),
    lastRecomputedAt: instant.nullable(),
    recompute: z
      .object({ status: z.enum(["queued", "running"]), done: count, total: count })
      .nullable()
      .describe("A recompute in progress after a calendar or tolerance change."),
  }),
  targets: z.object({
    otifPct: z.number(),
    onTimePct: z.number(),
    inFullPct: z.number(),
    fillRatePct: z.number(),
    leadTimeHours: z.number(),
    onTimeToleranceDays: z.int(),
    inFullTolerancePct: z.number(),
    source: z.enum(["contract", "tier"]),
    tier: z.enum(["strategic", "key", "standard"]),
  }),
  orders: z.object({
    promised: count.describe("Orders promised in the period."),
    measured: count.describe("Of those, measured orders."),
    href: z.string(),
    measuredHref: z.string(),
  }),
  kpis: z.array(slaKpiSchema),
  sites: z.array(slaSiteRowSchema),
  trend: z
    .array(slaTrendPointSchema)
    .describe(
      "Oldest first: for a week, the 12 fiscal weeks ending with it; otherwise the 12 fiscal periods ending with the selected period's last one.",
    ),
  misses: slaMissBreakdownSchema,
  perfectOrder: slaPerfectOrderSchema,
  recoveryTime: slaRecoveryTimeSchema,
  rules: z.object({
    period: z.string().describe("Which fiscal period an order counts in."),
    measured: z.string().describe("Which orders are measured."),
    rounding: z.string().describe("Every rounding rule behind the figures."),
    tolerance: z.string().describe("The on-time and in-full tolerances in force."),
  }),
});

export const slaScorecardResponseSchema = z.object({ data: slaScorecardSchema });

export type Scorecard = z.infer<typeof slaScorecardSchema>;
export type KpiResult = z.infer<typeof slaKpiSchema>;
export type SiteRow = z.infer<typeof slaSiteRowSchema>;
export type TrendPoint = z.infer<typeof slaTrendPointSchema>;
export type PerfectOrderResult = z.infer<typeof slaPerfectOrderSchema>;
export type RecoveryTimeResult = z.infer<typeof slaRecoveryTimeSchema>;
export type MissBreakdown = z.infer<typeof slaMissBreakdownSchema>;
