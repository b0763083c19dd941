// OpenAPI paths and schemas for /api/v1/sla/scorecard (assembled by app/server/api/openapi.server.ts),
// generated from the zod schemas of app/server/sla/api-schema.ts.
import { MEASURED_RULE, PERIOD_RULE } from "#app/domain/sla/definitions";
import { KPIS, KPI_IDS } from "#app/domain/sla/kpis";
import {
  slaKpiSchema,
  slaMissBreakdownSchema,
  slaMissCountSchema,
  slaMissGroupSchema,
  slaMissReasonsSchema,
  slaScorecardQuerySchema,
  slaScorecardResponseSchema,
  slaScorecardSchema,
} from "#app/server/sla/api-schema";
import { orderSlaFactsSchema } from "#app/server/sla/order-facts-schema";
import { jsonResponse, problem, queryParameters } from "./zod";

const kpiDescription = KPI_IDS.map((id) => `- \`${id}\`: ${KPIS[id].definition}`).join("\n");

export const paths = {
  "/api/v1/sla/scorecard": {
    get: {
      operationId: "getSlaScorecard",
      tags: ["SLA"],
      summary: "The account's SLA scorecard for one fiscal period of its own calendar",
      description: `${PERIOD_RULE}\n\n${MEASURED_RULE}\n\nKPIs:\n${kpiDescription}\n\nEvery figure carries \`href\` / \`missedHref\`: the order list (\`/orders?...\`) filtered to exactly the orders behind it; the same query string works on \`GET /api/v1/orders\`.`,
      security: [{ session: [] }, { embedToken: ["sla:read"] }],
      parameters: queryParameters(slaScorecardQuerySchema),
      responses: {
        "200": jsonResponse("The scorecard.", "SlaScorecardResponse"),
        "400": problem("The period or site is not valid."),
        "401": problem("Not signed in and no valid embed token."),
        "403": problem("The embed token does not allow sla:read."),
        "404": problem("The account's fiscal calendar has no such period."),
      },
    },
  },
};

export const schemas = {
  OrderSlaFacts: orderSlaFactsSchema,
  SlaScorecardResponse: slaScorecardResponseSchema,
  SlaScorecard: slaScorecardSchema,
  SlaKpi: slaKpiSchema,
  SlaMissCount: slaMissCountSchema,
  SlaMissGroup: slaMissGroupSchema,
  SlaMissReasons: slaMissReasonsSchema,
  SlaMissBreakdown: slaMissBreakdownSchema,
};
