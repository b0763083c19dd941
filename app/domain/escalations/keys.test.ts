import { describe, expect, it } from "vitest";
import { escalationKey, parseEscalationKey, shortCodeFromSlug } from "./keys";

describe("escalation keys", () => {
  it("derives a short code from the slug's letters and digits", () => {
    expect(shortCodeFromSlug("acme")).toBe("ACME");
    expect(shortCodeFromSlug("southern-cross")).toBe("SOUTHERN");
    expect(shortCodeFromSlug("t-17")).toBe("T17");
  });

  it("falls back to a valid code when the slug has too few letters", () => {
    expect(shortCodeFromSlug("-")).toBe("ACC");
  });

  it("joins code and number", () => {
    expect(escalationKey("ACME", 12)).toBe("ACME-12");
  });

  it("reads a key as typed with a dash, a space or nothing between code and number", () => {
    expect(parseEscalationKey("ACME-12")).toEqual({ shortCode: "ACME", number: 12 });
    expect(parseEscalationKey(" acme 12 ")).toEqual({ shortCode: "ACME", number: 12 });
    expect(parseEscalationKey("nord7")).toEqual({ shortCode: "NORD", number: 7 });
  });

  it("reads the customer's ESC-n and a bare number as a number in any account", () => {
    expect(parseEscalationKey("ESC-4")).toEqual({ shortCode: null, number: 4 });
    expect(parseEscalationKey("4")).toEqual({ shortCode: null, number: 4 });
  });

  it("treats anything else as free text", () => {
    expect(parseEscalationKey("late pallets")).toBeNull();
    expect(parseEscalationKey("ACME-")).toBeNull();
  });
});
