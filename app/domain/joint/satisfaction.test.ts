import { describe, expect, it } from "vitest";
import { canBeRated, editableUntil, isEditable, spanIndex, summarize } from "./satisfaction";

describe("rating rules", () => {
  it("rates only resolved or closed escalations", () => {
    expect(["open", "acknowledged", "in_progress", "awaiting_customer"].map(canBeRated)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(canBeRated("resolved")).toBe(true);
    expect(canBeRated("closed")).toBe(true);
  });

  it("keeps a rating editable for exactly 7 days", () => {
    const given = new Date("2026-03-02T10:00:00Z");
    expect(editableUntil(given).toISOString()).toBe("2026-03-09T10:00:00.000Z");
    expect(isEditable(given, new Date("2026-03-09T10:00:00Z"))).toBe(true);
    expect(isEditable(given, new Date("2026-03-09T10:00:01Z"))).toBe(false);
  });
});

describe("summarize", () => {
  it("counts, averages and shares satisfied ratings (4 and 5)", () => {
    expect(summarize([5, 4, 2, 5, 1, 3])).toEqual({
      count: 6,
      average: 3.3,
      satisfiedPct: 50,
      distribution: [1, 1, 1, 1, 2],
    });
  });

  it("has no average without ratings", () => {
    expect(summarize([])).toEqual({ count: 0, average: null, satisfiedPct: null, distribution: [0, 0, 0, 0, 0] });
  });
});

describe("spanIndex", () => {
  const spans = [
    { start: 0, end: 10 },
    { start: 10, end: 20 },
    { start: 25, end: 30 },
  ];
  it("finds the half-open span an instant falls in, or -1 in a gap or outside", () => {
    expect([0, 9, 10, 19, 20, 25, 29, 30, -1].map((t) => spanIndex(spans, t))).toEqual([0, 0, 1, 1, -1, 2, 2, -1, -1]);
  });
});
