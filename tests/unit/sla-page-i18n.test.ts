// The SLA page's per-site table and perfect-order card in German and Japanese: counts through the
// formatting module, fiscal period labels in the reader's words (never the calendar's "FY2026 P01").
import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import { PerfectOrder } from "#app/components/sla/perfect-order";
import { SiteTable } from "#app/components/sla/sla-page";
import type { Scorecard } from "#app/server/sla/scorecard.server";
import { renderIn as render } from "../support/render";

const point = (p: number) => ({
  id: `FY2026-P0${p}`,
  label: `FY2026 P0${p}`,
  granularity: "period",
  measured: 12345,
  perfectOrder: 91.5,
  otif: 93.25,
  recoveryTime: 2.5,
});

const sc = {
  period: { id: "FY2026-P01", label: "FY2026 P01", start: "2026-01-01", end: "2026-01-31" },
  kpis: [{ id: "otif", missedOrders: 1200 }],
  sites: [{ siteId: "s1", code: "MUC", name: "München", measured: 12345, href: "/orders?site=s1", kpis: [] }],
  trend: [point(1), point(2)],
  perfectOrder: { value: 91.5, perfect: 11300, measured: 12345, damaged: 1000, documentErrors: 45 },
  recoveryTime: { value: 2.5, recovered: 1000, unresolved: 2 },
} as unknown as Scorecard;

describe("SLA page in the reader's language", () => {
  it("formats the per-site measured count (de: 12.345, ja: 12,345)", () => {
    expect(render("de", h(SiteTable, { sc }))).toContain(">12.345<");
    expect(render("ja", h(SiteTable, { sc }))).toContain(">12,345<");
  });

  it("names fiscal periods in the perfect-order card the way the rest of the page does", () => {
    const de = render("de", h(PerfectOrder, { sc }));
    expect(de).not.toMatch(/FY2026/);
    expect(de).toMatch(/GJ2026 P01/);
    const ja = render("ja", h(PerfectOrder, { sc }));
    expect(ja).not.toMatch(/FY2026/);
    expect(ja).toMatch(/2026年度/);
  });
});
