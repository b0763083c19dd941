// Entry of the widget bundle: importing it registers all four elements.
import type { SightlineEventMap } from "./core/types";

export { SightlineOrderList } from "./components/order-list/order-list";
export { SightlineOrderTracker } from "./components/order-tracker/order-tracker";
export { SightlineSlaScorecard } from "./components/sla-scorecard/sla-scorecard";
export { SightlineEscalationForm } from "./components/escalation-form/escalation-form";
export type { SightlineEventMap } from "./core/types";
export type { FetchToken, TokenResult } from "./core/token";
// The API's types, generated from /api/v1/openapi.json: `createClient<paths>()` with openapi-fetch.
export type { paths, components } from "./core/api-schema";

declare global {
  interface HTMLElementEventMap {
    "sightline-order-select": CustomEvent<SightlineEventMap["sightline-order-select"]>;
    "sightline-escalation-created": CustomEvent<SightlineEventMap["sightline-escalation-created"]>;
  }
}
