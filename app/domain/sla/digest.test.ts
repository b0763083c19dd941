import { describe, expect, it } from "vitest";
import { digestBarScale, isDigestDue } from "./digest";

describe("digest due", () => {
  it("is due for a closed period the subscription covered", () => {
    expect(isDigestDue("2026-11-20", "2026-11-29", "2026-11-30")).toBe(true);
    expect(isDigestDue("2026-11-29", "2026-11-29", "2026-11-30")).toBe(true);
  });
  it("is not due for a period closed before subscribing, nor for one still running", () => {
    expect(isDigestDue("2026-11-30", "2026-11-29", "2026-11-30")).toBe(false);
    expect(isDigestDue("2026-11-20", "2026-11-30", "2026-11-30")).toBe(false);
  });
});

describe("digest bar scale", () => {
  it("starts at a round figure below the lowest value and the target", () => {
    const s = digestBarScale([79, 85, null], 95);
    expect(s.min).toBe(70);
    expect(s.width(85)).toBe(50);
    expect(s.width(100)).toBe(100);
    expect(s.width(null)).toBe(0);
    expect(s.width(79)).toBeLessThan(s.width(85));
  });
  it("never starts below zero and keeps a sliver for the lowest value", () => {
    const s = digestBarScale([0, 3], 90);
    expect(s.min).toBe(0);
    expect(s.width(0)).toBe(1);
  });
});
