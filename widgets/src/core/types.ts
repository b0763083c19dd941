// The slice of the Sightline API the widgets read (see /api/v1/openapi.json).
import type { OrderStatus } from "../../../app/domain/orders/statuses";

export type { OrderStatus };

export interface OrderSummary {
  id: string;
  orderNumber: string;
  customerPo?: string | null;
  status: OrderStatus;
  statusAt?: string | null;
  requestedDate?: string | null;
  promisedDate?: string | null;
  predictedDate?: string | null;
  late?: boolean;
  /** Which kind of late: "open" (late now: open, past the promise) or "delivered" (delivered late). */
  lateState?: "open" | "delivered" | null;
  atRisk?: boolean;
}

/** GET /api/v1/orders */
export interface OrderPage {
  data: OrderSummary[];
  page: { next: string | null; prev: string | null; limit?: number };
  /** The customer's IANA time zone. */
  timeZone?: string;
}

/** GET /api/v1/feed-health: one data source of the account (by name) and how fresh it is. */
export interface FeedSource {
  label: string;
  status: "live" | "silent" | "learning";
  lastArrivalAt: string;
  silentSince: string | null;
}

export interface OrderEventView {
  seq?: number;
  type: string;
  occurredAt: string;
  location?: string | null;
}

export interface OrderDetail extends OrderSummary {
  orderedAt?: string | null;
  shippedAt?: string | null;
  deliveredAt?: string | null;
  carrier?: string | null;
  trackingNumber?: string | null;
  events?: OrderEventView[];
}

/** GET /api/v1/orders/{id} */
export interface OrderDetailResponse {
  data: OrderDetail;
  timeZone?: string;
}

export interface ScorecardKpi {
  id: string;
  label: string;
  /** "%" (0–100) or "business hours". */
  unit: string;
  value: number | null;
  target: number | null;
  met: boolean | null;
}

export interface ScorecardTrendPoint {
  id: string;
  label: string;
  otif: number | null;
  onTime: number | null;
  inFull: number | null;
}

/** GET /api/v1/sla/scorecard */
export interface ScorecardResponse {
  data: {
    tenant?: { timeZone?: string };
    period: { id: string; label: string };
    kpis: ScorecardKpi[];
    trend: ScorecardTrendPoint[];
    orders?: { measured: number };
  };
}

export interface EscalationCreated {
  id: string;
  number?: number;
}

/** Events the widgets fire (bubbling, composed). */
export interface SightlineEventMap {
  "sightline-order-select": { orderId: string; orderNumber: string };
  "sightline-escalation-created": { escalationId: string; number: number | null; orderId: string | null };
}
