import { describe, expect, it } from "vitest";
import { translator } from "./catalogue";
import { fiscalLabel } from "./fiscal";
import { createFormatter } from "./format";
import type { Locale } from "./locales";

const label = (locale: Locale, text: string) => fiscalLabel(text, translator(locale), createFormatter(locale, "UTC"));

describe("fiscal period labels", () => {
  it("read the same as the calendar's own label in English", () => {
    for (const text of ["FY2026", "FY2026 Q2", "FY2026 P11 (Nov)", "FY2026 P03", "FY2026 W07"])
      expect(label("en", text)).toBe(text);
  });

  it("name the fiscal year, quarter, period, month and week in German and Japanese", () => {
    expect(label("de", "FY2026 P11 (Nov)")).toBe("GJ2026 P11 (Nov)");
    expect(label("de", "FY2026 Q2")).toBe("GJ2026 Q2");
    expect(label("de", "FY2026 W07")).toBe("GJ2026 Woche 07");
    expect(label("de", "FY2026 P05 (May)")).toBe("GJ2026 P05 (Mai)");
    expect(label("ja", "FY2026 P11 (Nov)")).toBe("2026年度 P11（11月）");
    expect(label("ja", "FY2026 Q2")).toBe("2026年度 第2四半期");
    expect(label("ja", "FY2026")).toBe("2026年度");
  });

  it("write a picker choice's span as a date range of the reader", () => {
    expect(label("de", "FY2026 P11 (Nov) (2026-11-01 – 2026-11-30)")).toBe("GJ2026 P11 (Nov) (1.–30. Nov. 2026)");
    const range = createFormatter("en", "UTC").dateRange("2026-02-09", "2026-02-15");
    expect(label("en", "FY2026 W07 (2026-02-09 – 2026-02-15)")).toBe(`FY2026 W07 (${range})`);
  });

  it("leave anything else as it is", () => {
    expect(label("de", "Peak season")).toBe("Peak season");
    expect(label("ja", "")).toBe("");
  });
});
