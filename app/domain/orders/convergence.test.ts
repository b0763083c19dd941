import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyEvent,
  compareStatusEvents,
  convergeEvents,
  EMPTY_STATE,
  factsOf,
  type TimelineEvent,
} from "./convergence";
import { ORDER_EVENT_TYPES } from "./statuses";

const T0 = Date.UTC(2025, 2, 14, 9, 0, 0);

function event(overrides: Partial<TimelineEvent> = {}): TimelineEvent {
  return { source: "erp", eventId: "e1", type: "confirmed", occurredAt: T0, detail: {}, ...overrides };
}

describe("order convergence", () => {
  it("takes the status of the latest event by occurredAt, not the last one delivered", () => {
    const facts = convergeEvents([
      event({ eventId: "b", type: "shipped", occurredAt: T0 + 2_000 }),
      event({ eventId: "a", type: "picked", occurredAt: T0 + 1_000 }),
    ]);
    expect(facts.status).toBe("shipped");
    expect(facts.statusAt).toBe(T0 + 2_000);
  });

  it("breaks a tie on occurredAt by lifecycle rank, then source, then event id", () => {
    expect(
      convergeEvents([event({ eventId: "z", type: "packed" }), event({ eventId: "a", type: "shipped" })]).status,
    ).toBe("shipped");
    const a = event({ source: "tms", eventId: "1", type: "exception" });
    const b = event({ source: "wms", eventId: "1", type: "exception", detail: { reason: "wms" } });
    expect(compareStatusEvents(b, a)).toBeGreaterThan(0);
    expect(compareStatusEvents(event({ eventId: "2" }), event({ eventId: "10" }))).toBeGreaterThan(0);
  });

  it("ignores a repeated (source, eventId) even when its payload differs", () => {
    const first = event({ eventId: "x", type: "confirmed" });
    const state = applyEvent(applyEvent(EMPTY_STATE, first), { ...first, type: "cancelled", occurredAt: T0 + 9 });
    expect(factsOf(state).status).toBe("confirmed");
  });

  it("derives hold reason, ship and delivery times, tracking and the predicted date", () => {
    const facts = convergeEvents([
      event({ eventId: "1", type: "on_hold", occurredAt: T0, detail: { reason: "Credit check" } }),
      event({ eventId: "2", type: "eta_changed", occurredAt: T0 + 1, detail: { predictedDate: "2025-03-20" } }),
      event({ eventId: "3", type: "eta_changed", occurredAt: T0 + 5, detail: { predictedDate: "2025-03-22" } }),
    ]);
    expect(facts).toMatchObject({ status: "on_hold", holdReason: "Credit check", predictedDate: "2025-03-22" });
    const shipped = convergeEvents([
      event({ eventId: "s2", type: "shipped", occurredAt: T0 + 10, detail: { carrier: "DHL", trackingNumber: "B" } }),
      event({ eventId: "s1", type: "shipped", occurredAt: T0 + 5, detail: { carrier: "UPS", trackingNumber: "A" } }),
      event({ eventId: "d1", type: "delivered", occurredAt: T0 + 20 }),
    ]);
    expect(shipped).toMatchObject({
      status: "delivered",
      holdReason: null,
      shippedAt: T0 + 5,
      deliveredAt: T0 + 20,
      carrier: "DHL",
      trackingNumber: "B",
    });
  });

  it("leaves the status unknown when only notes arrived", () => {
    expect(convergeEvents([event({ type: "note" })]).status).toBeNull();
  });

  const arbEvent: fc.Arbitrary<TimelineEvent> = fc.record({
    source: fc.constantFrom("erp", "wms", "tms"),
    eventId: fc.string({ minLength: 1, maxLength: 4 }),
    type: fc.constantFrom(...ORDER_EVENT_TYPES),
    // A narrow range so that ties on occurredAt are common.
    occurredAt: fc.integer({ min: 0, max: 6 }).map((m) => T0 + m * 60_000),
    detail: fc.record({
      reason: fc.constantFrom("Credit check", "Customs"),
      carrier: fc.constantFrom("UPS", "DHL"),
      trackingNumber: fc.constantFrom("T1", "T2"),
      predictedDate: fc.constantFrom("2025-03-20", "2025-03-21"),
    }),
  });

  /** Distinct keys: a real producer never reuses (source, eventId) for different events. */
  const arbBatch = fc.uniqueArray(arbEvent, { selector: (e) => `${e.source}|${e.eventId}`, maxLength: 25 });

  it("ends in the same state for any shuffle and duplication of a batch as for in-order delivery", () => {
    fc.assert(
      fc.property(
        arbBatch.chain((batch) =>
          fc.tuple(
            fc.constant(batch),
            // Every event at least once, some repeated, in any order.
            fc
              .array(fc.nat({ max: Math.max(0, batch.length - 1) }), { maxLength: batch.length * 2 })
              .chain((extra) =>
                fc.shuffledSubarray([...batch.map((_, i) => i), ...extra], { minLength: batch.length + extra.length }),
              ),
          ),
        ),
        ([batch, order]) => {
          const inOrder = [...batch].sort((a, b) => a.occurredAt - b.occurredAt);
          const delivered = order.map((i) => batch[i]);
          expect(convergeEvents(delivered)).toEqual(convergeEvents(inOrder));
        },
      ),
      { numRuns: 500 },
    );
  });
});
