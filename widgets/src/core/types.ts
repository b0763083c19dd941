// The slice of the Sightline API the widgets read: every type is the generated one of
// ./api-schema.ts (`npm run openapi:types`, from /api/v1/openapi.json, which is generated from the
// zod schemas the server types its answers by), so a changed answer fails the widgets' type check.
import type { components } from "./api-schema";

type Schemas = components["schemas"];

export type OrderSummary = Schemas["OrderSummary"];
export type OrderStatus = OrderSummary["status"];

/** GET /api/v1/orders */
export type OrderPage = Schemas["OrderList"];

/** GET /api/v1/feed-health: one data source of the account (by name) and how fresh it is. */
export type FeedSource = Schemas["FeedHealth"]["sources"][number];

export type OrderEventView = Schemas["OrderEvent"];
export type OrderDetail = Schemas["Order"];

/** GET /api/v1/orders/{id} */
export type OrderDetailResponse = Schemas["OrderResponse"];

export type ScorecardKpi = Schemas["SlaKpi"];
export type ScorecardTrendPoint = Schemas["SlaScorecard"]["trend"][number];

/** GET /api/v1/sla/scorecard */
export type ScorecardResponse = Schemas["SlaScorecardResponse"];

/** POST /api/v1/escalations: the fields the form reports in its event. */
export type EscalationCreated = Pick<Schemas["Escalation"], "id" | "number">;

/** Events the widgets fire (bubbling, composed). */
export interface SightlineEventMap {
  "sightline-order-select": { orderId: string; orderNumber: string };
  "sightline-escalation-created": { escalationId: string; number: number | null; orderId: string | null };
}
