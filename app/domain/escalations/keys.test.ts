import { describe, expect, it } from "vitest";
import { escalationKey, firstFreeShortCode, parseEscalationKey, shortCodeFromSlug, shortCodeStem } from "./keys";

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

describe("firstFreeShortCode", () => {
  it("keeps the derived code when no account has it", () => {
    expect(firstFreeShortCode("ACME", new Set(["NORD"]))).toBe("ACME");
  });

  it("numbers the code's last places when it is taken, staying within eight characters", () => {
    expect(firstFreeShortCode("ACME", new Set(["ACME"]))).toBe("ACME2");
    expect(firstFreeShortCode("BENCH000", new Set(["BENCH000", "BENCH002"]))).toBe("BENCH003");
  });

  it("finds a free code among hundreds taken, all of which share the stem it looks up", () => {
    const taken = new Set<string>();
    for (let i = 0; i < 300; i++) taken.add(firstFreeShortCode("BENCH000", taken));
    expect(taken.size).toBe(300);
    for (const code of taken) {
      expect(code.length).toBeLessThanOrEqual(8);
      expect(code.startsWith(shortCodeStem("BENCH000"))).toBe(true);
    }
  });
});
