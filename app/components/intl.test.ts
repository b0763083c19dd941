import { describe, expect, it } from "vitest";
import { dateTimeFormat, numberFormat } from "./intl";

describe("cached Intl formatters", () => {
  it("reuse one formatter for equal options and format exactly like a fresh one", () => {
    const opts: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", timeZone: "America/Chicago" };
    const a = dateTimeFormat("en-GB", opts);
    expect(dateTimeFormat("en-GB", { ...opts })).toBe(a);
    const instant = new Date("2026-03-08T07:59:00Z");
    expect(a.format(instant)).toBe(new Intl.DateTimeFormat("en-GB", opts).format(instant));
  });

  it("keep formatters for different zones apart", () => {
    const at = new Date("2026-01-01T02:00:00Z");
    const chicago = dateTimeFormat("en-GB", { day: "numeric", timeZone: "America/Chicago" }).format(at);
    const tokyo = dateTimeFormat("en-GB", { day: "numeric", timeZone: "Asia/Tokyo" }).format(at);
    expect([chicago, tokyo]).toEqual(["31", "1"]);
  });

  it("throw for an unknown currency, as the constructor does", () => {
    expect(() => numberFormat("en-GB", { style: "currency", currency: "not money" })).toThrow(RangeError);
  });
});
