// Stored notices (feed silence, performance alerts, protocol levels) are worded for the reader.
import { describe, expect, it } from "vitest";
import { noticeWords } from "#app/server/escalations/notify.server";

describe("stored notices in the reader's language", () => {
  it("words a feed-silence notice's instants in the reader's zone and language", () => {
    const n = {
      title: "",
      body: "",
      messageKey: "notifications.feedSilent" as const,
      messageParams: {
        account: "Nordwind",
        source: "erp",
        sinceAt: "2026-12-01T10:00:00Z",
        lastAt: "2026-12-01T08:00:00Z",
      },
    };
    const de = noticeWords(n, "de", "Europe/Berlin");
    expect(de.title).toBe("Datenquelle meldet sich nicht: erp (Nordwind)");
    expect(de.body).toContain("1. Dez. 2026");
    expect(de.body).not.toContain("2026-12-01T");
  });

  it("words a performance alert's KPI, percentages and period for the reader", () => {
    const n = {
      title: "",
      body: "",
      messageKey: "joint.performance.notice" as const,
      messageParams: {
        account: "Nordwind",
        kpiId: "otif",
        valuePct: 91.5,
        floorPct: 95,
        periods: 2,
        period: "FY2026 P11 (Nov)",
      },
    };
    const de = noticeWords(n, "de", "UTC");
    expect(de.body).toMatch(/91,5\d*\s%/);
    expect(de.title).toContain("GJ2026");
    expect(noticeWords(n, "ja", "UTC").title).toContain("2026年度");
  });
});
