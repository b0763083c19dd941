import { describe, expect, it } from "vitest";
import { parseRecurringFilter, recurringQueueLink } from "./recurring";

const tenantId = "0b9f3c2e-6f0e-4c55-9a57-2f3c0d1e2a11";
const siteId = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a";

describe("recurring-failure drill-down links", () => {
  it("reads back exactly the filter a link was written from", () => {
    const f = {
      tenantId,
      from: new Date("2026-02-28T23:00:00Z"),
      to: new Date("2026-03-31T22:00:00Z"),
      cause: "carrier_delay" as const,
      siteId,
      carrier: "DB Schenker",
    };
    const url = new URL(recurringQueueLink(f), "http://x");
    expect(url.pathname).toBe("/staff/queue");
    expect(url.searchParams.get("status")).toBe("all");
    expect(parseRecurringFilter(url.searchParams)).toEqual(f);
    const none = new URL(recurringQueueLink({ tenantId, from: f.from, to: f.to, cause: "none" }), "http://x");
    expect(parseRecurringFilter(none.searchParams)).toEqual({ tenantId, from: f.from, to: f.to, cause: "none" });
  });

  it("is no drill-down without an account and a valid range, and drops unknown narrowing", () => {
    const p = (q: string) => parseRecurringFilter(new URLSearchParams(q));
    expect(p("status=all")).toBeNull();
    expect(p(`tenant=${tenantId}&resolved_from=2026-03-01T00:00:00Z`)).toBeNull();
    expect(p(`tenant=nope&resolved_from=2026-03-01T00:00:00Z&resolved_to=2026-04-01T00:00:00Z`)).toBeNull();
    expect(p(`tenant=${tenantId}&resolved_from=2026-04-01T00:00:00Z&resolved_to=2026-03-01T00:00:00Z`)).toBeNull();
    expect(p(`tenant=${tenantId}&resolved_from=yesterday&resolved_to=2026-03-01T00:00:00Z`)).toBeNull();
    expect(
      p(`tenant=${tenantId}&resolved_from=2026-03-01T00:00:00Z&resolved_to=2026-04-01T00:00:00Z&cause=bad&site=x`),
    ).toEqual({ tenantId, from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-04-01T00:00:00Z") });
  });
});
