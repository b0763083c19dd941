import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { batchEnvelope, eventInput, nulCharPaths, orderInput, validateItems } from "./ingest-schema";

function event(overrides: Record<string, unknown> = {}) {
  return {
    source: "tms",
    eventId: "EV-1",
    orderExternalId: "ORD-1",
    type: "shipped",
    occurredAt: "2025-03-14T10:30:00+01:00",
    ...overrides,
  };
}

describe("ingest schemas", () => {
  it("accepts instants with Z or a UTC offset and refuses local, impossible or out-of-range times", () => {
    for (const ok of ["2025-03-14T09:30:00Z", "2025-03-14T10:30:00.123+01:00", "2024-02-29T00:00:00-05:30"])
      expect(eventInput.safeParse(event({ occurredAt: ok })).success, ok).toBe(true);
    for (const bad of [
      "2025-03-14T09:30:00",
      "2025-03-14 09:30:00Z",
      "2025-02-29T00:00:00Z",
      "2025-03-14T24:00:00Z",
      "2025-03-14T09:30:00+24:00",
      "2025-03-14T09:30Z",
      "1969-12-31T23:59:59Z",
      "14/03/2025",
      1710408600000,
    ])
      expect(eventInput.safeParse(event({ occurredAt: bad })).success, String(bad)).toBe(false);
  });

  it("requires a predicted date on eta_changed events", () => {
    expect(eventInput.safeParse(event({ type: "eta_changed" })).success).toBe(false);
    expect(eventInput.safeParse(event({ type: "eta_changed", detail: { predictedDate: "2025-03-20" } })).success).toBe(
      true,
    );
  });

  it("refuses duplicate line numbers and unknown fields in orders, naming the field", () => {
    const r = validateItems(orderInput, [
      {
        source: "erp",
        externalId: "A",
        version: 1,
        orderNumber: "SO-1",
        siteCode: "S",
        orderedAt: "2025-03-14T09:30:00Z",
        lines: [
          { lineNo: 1, sku: "A", description: "a", qtyOrdered: 1, unitPrice: 1 },
          { lineNo: 1, sku: "B", description: "b", qtyOrdered: 1, unitPrice: 1 },
        ],
        colour: "blue",
      },
    ]);
    expect(r[0].ok).toBe(false);
    if (!r[0].ok) expect(r[0].problems.map((p) => p.path).sort()).toEqual(["colour", "lines.1.lineNo"]);
  });

  it("finds NUL characters anywhere in an item", () => {
    expect(nulCharPaths({ a: ["x", { b: "y\u0000" }] })).toEqual(["a.1.b"]);
    expect(validateItems(eventInput, [event({ location: "Dock\u00001" })])[0].ok).toBe(false);
  });

  it("limits a batch to 1 to 1000 items", () => {
    expect(batchEnvelope.safeParse({ items: [] }).success).toBe(false);
    expect(batchEnvelope.safeParse({ items: new Array(1001).fill({}) }).success).toBe(false);
    expect(batchEnvelope.safeParse({ items: [{}] }).success).toBe(true);
  });

  it("never throws on arbitrary input, and gives reasons for every rejected item", () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 5 }), (items) => {
        for (const v of [...validateItems(eventInput, items), ...validateItems(orderInput, items)])
          if (!v.ok) expect(v.problems.length).toBeGreaterThan(0);
      }),
    );
  });
});
