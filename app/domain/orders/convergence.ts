// How an order's current state follows from its events, whatever order they arrive in.
//
// Rules (documented for integrators in the OpenAPI description and README):
// - Events are identified by (source, eventId); the first one stored wins, repeats are no-ops.
// - Status = the type of the *latest* status event by occurredAt. Ties on occurredAt go to the
//   status later in the lifecycle (ORDER_STATUSES order: ... shipped < in_transit < ... <
//   delivered < exception < cancelled), then to the larger source, then the larger eventId
//   (plain code-point comparison). This is a total order, so any arrival order converges.
// - holdReason = detail.reason of the winning event when it is on_hold.
// - shippedAt / deliveredAt = the earliest shipped / delivered event.
// - carrier / trackingNumber = from the latest shipped event that carries them.
// - predictedDate = detail.predictedDate of the latest eta_changed event (same tie-break).
// Every rule is a min or max over a total order, which is what makes the fold order-free.
import { isStatus, statusRank, type OrderEventType, type OrderStatus } from "./statuses";

export interface TimelineEvent {
  source: string;
  eventId: string;
  type: OrderEventType;
  /** Epoch milliseconds. */
  occurredAt: number;
  detail: Readonly<Record<string, unknown>>;
}

export interface ConvergedFacts {
  status: OrderStatus | null;
  statusAt: number | null;
  holdReason: string | null;
  shippedAt: number | null;
  deliveredAt: number | null;
  carrier: string | null;
  trackingNumber: string | null;
  predictedDate: string | null;
}

export interface ConvergenceState {
  readonly seen: ReadonlySet<string>;
  readonly status?: TimelineEvent;
  readonly eta?: TimelineEvent;
  readonly shipping?: TimelineEvent;
  readonly shippedAt?: number;
  readonly deliveredAt?: number;
}

export const EMPTY_STATE: ConvergenceState = { seen: new Set() };

export function eventKey(e: Pick<TimelineEvent, "source" | "eventId">): string {
  return `${e.source}\u0000${e.eventId}`;
}

function cmpString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Total order of status events: occurredAt, lifecycle rank, source, eventId. Positive when a wins. */
export function compareStatusEvents(a: TimelineEvent, b: TimelineEvent): number {
  return (
    a.occurredAt - b.occurredAt ||
    (isStatus(a.type) ? statusRank(a.type) : -1) - (isStatus(b.type) ? statusRank(b.type) : -1) ||
    cmpString(a.source, b.source) ||
    cmpString(a.eventId, b.eventId)
  );
}

function later(current: TimelineEvent | undefined, candidate: TimelineEvent): TimelineEvent {
  return current && compareStatusEvents(current, candidate) >= 0 ? current : candidate;
}

function minOf(current: number | undefined, value: number): number {
  return current === undefined ? value : Math.min(current, value);
}

function stringDetail(e: TimelineEvent | undefined, key: string): string | null {
  const v = e?.detail[key];
  return typeof v === "string" && v.length > 0 ? v : null;
}

/** Folds one event into the state. Repeated (source, eventId) pairs change nothing. */
export function applyEvent(state: ConvergenceState, e: TimelineEvent): ConvergenceState {
  const key = eventKey(e);
  if (state.seen.has(key)) return state;
  const seen = new Set(state.seen).add(key);
  let next: ConvergenceState = { ...state, seen };
  if (isStatus(e.type)) next = { ...next, status: later(next.status, e) };
  if (e.type === "eta_changed" && stringDetail(e, "predictedDate")) next = { ...next, eta: later(next.eta, e) };
  if (e.type === "shipped") {
    next = { ...next, shippedAt: minOf(next.shippedAt, e.occurredAt) };
    if (stringDetail(e, "carrier") || stringDetail(e, "trackingNumber"))
      next = { ...next, shipping: later(next.shipping, e) };
  }
  if (e.type === "delivered") next = { ...next, deliveredAt: minOf(next.deliveredAt, e.occurredAt) };
  return next;
}

export function factsOf(state: ConvergenceState): ConvergedFacts {
  const s = state.status;
  return {
    status: s && isStatus(s.type) ? s.type : null,
    statusAt: s ? s.occurredAt : null,
    holdReason: s?.type === "on_hold" ? stringDetail(s, "reason") : null,
    shippedAt: state.shippedAt ?? null,
    deliveredAt: state.deliveredAt ?? null,
    carrier: stringDetail(state.shipping, "carrier"),
    trackingNumber: stringDetail(state.shipping, "trackingNumber"),
    predictedDate: stringDetail(state.eta, "predictedDate"),
  };
}

/** The state an order's whole timeline converges to. */
export function convergeEvents(events: Iterable<TimelineEvent>): ConvergedFacts {
  let state = EMPTY_STATE;
  for (const e of events) state = applyEvent(state, e);
  return factsOf(state);
}
