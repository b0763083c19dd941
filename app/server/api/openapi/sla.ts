// OpenAPI paths and schemas for /api/v1/sla/scorecard (assembled by app/server/api/openapi.server.ts).
import { MEASURED_RULE, PERIOD_RULE } from "#app/domain/sla/definitions";
import { KPIS, KPI_IDS } from "#app/domain/sla/kpis";
import { LATE_BUCKETS } from "#app/domain/sla/misses";
import { MISS_REASONS } from "#app/domain/sla/order-facts";
import { GRANULARITIES } from "#app/domain/sla/periods";
import { orderSlaFactsSchema } from "#app/server/sla/order-facts-schema";
import { componentSchema } from "./zod";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
});
const nullableNumber = { type: ["number", "null"] };
const date = { type: "string", format: "date" };

const kpiDescription = KPI_IDS.map((id) => `- \`${id}\`: ${KPIS[id].definition}`).join("\n");

export const paths = {
  "/api/v1/sla/scorecard": {
    get: {
      operationId: "getSlaScorecard",
      tags: ["SLA"],
      summary: "The account's SLA scorecard for one fiscal period of its own calendar",
      description: `${PERIOD_RULE}\n\n${MEASURED_RULE}\n\nKPIs:\n${kpiDescription}\n\nEvery figure carries \`href\` / \`missedHref\`: the order list (\`/orders?...\`) filtered to exactly the orders behind it; the same query string works on \`GET /api/v1/orders\`.`,
      security: [{ session: [] }, { embedToken: ["sla:read"] }],
      parameters: [
        {
          name: "period",
          in: "query",
          description:
            "`this-` or `last-` + `week`, `period`, `quarter` or `year` (default `this-period`), or a fiscal key: `FY2026`, `FY2026-Q2`, `FY2026-P03`, `FY2026-W07`. Fiscal years, periods and weeks are those of the account's calendar.",
          schema: { type: "string", default: "this-period", example: "last-quarter" },
        },
        {
          name: "site",
          in: "query",
          description: "Only orders shipping to this site (id). Embed tokens pinned to sites are limited to them.",
          schema: { type: "string", format: "uuid" },
        },
      ],
      responses: {
        "200": {
          description: "The scorecard.",
          content: {
            "application/json": {
              schema: { type: "object", required: ["data"], properties: { data: ref("SlaScorecard") } },
            },
          },
        },
        "400": problem("The period or site is not valid."),
        "401": problem("Not signed in and no valid embed token."),
        "403": problem("The embed token does not allow sla:read."),
        "404": problem("The account's fiscal calendar has no such period."),
      },
    },
  },
};

export const schemas = {
  OrderSlaFacts: componentSchema(orderSlaFactsSchema),
  SlaKpi: {
    type: "object",
    required: [
      "id",
      "label",
      "unit",
      "better",
      "definition",
      "value",
      "target",
      "met",
      "numerator",
      "denominator",
      "missedOrders",
      "href",
      "missedHref",
    ],
    properties: {
      id: { type: "string", enum: [...KPI_IDS] },
      label: { type: "string", example: "OTIF" },
      unit: { type: "string", enum: ["%", "business hours"] },
      better: { type: "string", enum: ["higher", "lower"] },
      definition: { type: "string", description: "How the figure is computed, in plain language." },
      value: { ...nullableNumber, description: "Percent (0-100) or business hours; null when nothing was measured." },
      target: { type: "number", description: "The contracted target (the tier's default unless set for the account)." },
      met: {
        type: ["boolean", "null"],
        description: "Whether the value meets the target; null when nothing was measured.",
      },
      numerator: { type: "number", description: "e.g. OTIF orders, units shipped, or lead time hours summed." },
      denominator: { type: "number", description: "e.g. measured orders, units ordered, or orders with a lead time." },
      missedOrders: {
        type: "integer",
        description: "Orders that missed: late, not in full, a line short, or over the lead time target.",
      },
      href: { type: "string", example: "/orders?fiscal=FY2026-P03&measured=1" },
      missedHref: { type: "string", example: "/orders?fiscal=FY2026-P03&otif=missed" },
    },
  },
  SlaScorecard: {
    type: "object",
    required: [
      "tenant",
      "period",
      "calendar",
      "targets",
      "orders",
      "kpis",
      "sites",
      "trend",
      "misses",
      "perfectOrder",
      "recoveryTime",
      "rules",
    ],
    properties: {
      tenant: {
        type: "object",
        properties: { id: { type: "string", format: "uuid" }, name: { type: "string" }, timeZone: { type: "string" } },
      },
      period: {
        type: "object",
        required: ["id", "label", "granularity", "start", "end"],
        properties: {
          id: { type: "string", example: "FY2026-P03" },
          label: { type: "string", example: "FY2026 P03 (Mar)" },
          granularity: { type: "string", enum: [...GRANULARITIES] },
          start: { ...date, description: "First local date of the period." },
          end: { ...date, description: "Last local date of the period (inclusive)." },
        },
      },
      site: {
        type: ["object", "null"],
        properties: { id: { type: "string", format: "uuid" }, code: { type: "string" }, name: { type: "string" } },
      },
      calendar: {
        type: "object",
        required: ["version", "label", "timeZone"],
        properties: {
          version: { type: "integer", description: "Calendar version the figures use; 0 = the default calendar." },
          label: { type: "string" },
          timeZone: { type: "string", example: "America/Chicago" },
          savedAt: { type: ["string", "null"], format: "date-time" },
          lastRecomputedAt: { type: ["string", "null"], format: "date-time" },
          recompute: {
            type: ["object", "null"],
            description: "A recompute in progress after a calendar or tolerance change.",
            properties: {
              status: { type: "string", enum: ["queued", "running"] },
              done: { type: "integer" },
              total: { type: "integer" },
            },
          },
        },
      },
      targets: {
        type: "object",
        properties: {
          otifPct: { type: "number" },
          onTimePct: { type: "number" },
          inFullPct: { type: "number" },
          fillRatePct: { type: "number" },
          leadTimeHours: { type: "number" },
          onTimeToleranceDays: { type: "integer" },
          inFullTolerancePct: { type: "number" },
          source: { type: "string", enum: ["contract", "tier"] },
          tier: { type: "string", enum: ["strategic", "key", "standard"] },
        },
      },
      orders: {
        type: "object",
        required: ["promised", "measured", "href", "measuredHref"],
        properties: {
          promised: { type: "integer", description: "Orders promised in the period." },
          measured: { type: "integer", description: "Of those, measured orders." },
          href: { type: "string" },
          measuredHref: { type: "string" },
        },
      },
      kpis: { type: "array", items: ref("SlaKpi") },
      sites: {
        type: "array",
        items: {
          type: "object",
          properties: {
            siteId: { type: "string", format: "uuid" },
            code: { type: "string" },
            name: { type: "string" },
            measured: { type: "integer" },
            href: { type: "string" },
            kpis: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  id: { type: "string", enum: [...KPI_IDS] },
                  value: nullableNumber,
                  met: { type: ["boolean", "null"] },
                  missedOrders: { type: "integer" },
                  missedHref: { type: "string" },
                },
              },
            },
          },
        },
      },
      trend: {
        type: "array",
        description:
          "Oldest first: for a week, the 12 fiscal weeks ending with it; otherwise the 12 fiscal periods ending with the selected period's last one.",
        items: {
          type: "object",
          required: [
            "id",
            "label",
            "granularity",
            "start",
            "end",
            "measured",
            "otif",
            "onTime",
            "inFull",
            "fillRateUnits",
            "fillRateLines",
            "leadTime",
            "otifMet",
            "href",
          ],
          properties: {
            id: { type: "string", example: "FY2026-P03" },
            label: { type: "string" },
            granularity: { type: "string", enum: ["period", "week"] },
            start: date,
            end: date,
            measured: { type: "integer" },
            otif: nullableNumber,
            onTime: nullableNumber,
            inFull: nullableNumber,
            fillRateUnits: nullableNumber,
            fillRateLines: nullableNumber,
            leadTime: { ...nullableNumber, description: "Average lead time, business hours." },
            otifMet: { type: ["boolean", "null"] },
            perfectOrder: { ...nullableNumber, description: "Perfect order %, as in `perfectOrder.value`." },
            recoveryTime: {
              ...nullableNumber,
              description: "Average recovery time, business hours, as in `recoveryTime.value`.",
            },
            href: { type: "string" },
          },
        },
      },
      misses: ref("SlaMissBreakdown"),
      recoveryTime: {
        type: "object",
        required: ["value", "recovered", "unresolved", "definition"],
        description:
          "Recovery time of the period: for measured orders that missed OTIF and were escalated, the business time from the first escalation being raised to the last one being resolved (duplicates left out), averaged over the recovered orders.",
        properties: {
          value: { ...nullableNumber, description: "Business hours, two decimals; null when no order recovered." },
          recovered: { type: "integer", description: "Failed orders whose escalations are all resolved." },
          unresolved: { type: "integer", description: "Failed orders with an escalation still unresolved." },
          definition: { type: "string" },
        },
      },
      perfectOrder: {
        type: "object",
        required: ["value", "perfect", "measured", "damaged", "documentErrors", "definition"],
        description:
          "Perfect order % of the period: measured orders on time, in full, undamaged and with correct documents. Damage and documentation errors come from `damaged`, `claim_filed` and `document_error` events (POST /api/v1/ingest/events); an order without them is perfect when it is OTIF.",
        properties: {
          value: { ...nullableNumber, description: "Percent, two decimals; null when nothing was measured." },
          perfect: { type: "integer", description: "Measured orders that were perfect." },
          measured: { type: "integer" },
          damaged: { type: "integer", description: "Measured orders with a `damaged` or `claim_filed` event." },
          documentErrors: { type: "integer", description: "Measured orders with a `document_error` event." },
          definition: { type: "string" },
        },
      },
      rules: {
        type: "object",
        required: ["period", "measured", "rounding", "tolerance"],
        properties: {
          period: { type: "string", description: "Which fiscal period an order counts in." },
          measured: { type: "string", description: "Which orders are measured." },
          rounding: { type: "string", description: "Every rounding rule behind the figures." },
          tolerance: { type: "string", description: "The on-time and in-full tolerances in force." },
        },
      },
    },
  },
  SlaMissCount: {
    type: "object",
    required: ["orders", "link"],
    properties: {
      orders: { type: "integer" },
      link: {
        type: "string",
        description: "The order list filtered to exactly these orders; the query string works on GET /api/v1/orders.",
        example: "/orders?fiscal=FY2026-P03&ontime=missed&infull=met",
      },
    },
  },
  SlaMissGroup: {
    type: "object",
    required: ["key", "measured", "missRate", "missed", "reasons"],
    properties: {
      key: { type: "string", description: 'Site id, carrier name ("" for orders without a carrier) or priority.' },
      measured: { type: "integer" },
      missRate: { ...nullableNumber, description: "Missed / measured in percent (two decimals)." },
      missed: ref("SlaMissCount"),
      reasons: ref("SlaMissReasons"),
    },
  },
  SlaMissReasons: {
    type: "object",
    required: [...MISS_REASONS],
    properties: Object.fromEntries(MISS_REASONS.map((r) => [r, ref("SlaMissCount")])),
  },
  SlaMissBreakdown: {
    type: "object",
    description:
      "Why the period's measured orders missed OTIF: late only (not on time, in full), short only (on time, not in full) or both; late orders by business hours late; and by site, carrier and priority with each group's miss rate. Every count links to exactly its orders.",
    required: [
      "measured",
      "missed",
      "reasons",
      "lateBy",
      "lateUnrecorded",
      "bySite",
      "byCarrier",
      "byPriority",
      "sites",
    ],
    properties: {
      measured: { type: "integer" },
      missed: ref("SlaMissCount"),
      reasons: ref("SlaMissReasons"),
      lateBy: {
        type: "array",
        items: {
          type: "object",
          required: ["bucket", "orders", "link"],
          properties: {
            bucket: {
              type: "object",
              properties: {
                id: { type: "string", enum: LATE_BUCKETS.map((b) => b.id) },
                overMinutes: { type: ["integer", "null"], description: "Late by more than this (null: from 0)." },
                upToMinutes: { type: ["integer", "null"], description: "Late by at most this (null: no limit)." },
              },
            },
            orders: { type: "integer" },
            link: { type: "string" },
          },
        },
      },
      lateUnrecorded: { type: "integer", description: "Late orders without a stored lateness (before a recompute)." },
      bySite: { type: "array", items: ref("SlaMissGroup") },
      byCarrier: { type: "array", items: ref("SlaMissGroup") },
      byPriority: { type: "array", items: ref("SlaMissGroup") },
      sites: {
        type: "array",
        items: {
          type: "object",
          properties: { id: { type: "string", format: "uuid" }, code: { type: "string" }, name: { type: "string" } },
        },
      },
    },
  },
};
