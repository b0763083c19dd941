// The widgets format by the portal's rules: each function gives exactly what the portal's
// Formatter gives, in every locale and in zones either side of UTC.
import { describe, expect, it } from "vitest";
import { createFormatter } from "../../../app/i18n/format";
import { LOCALES } from "../../../app/i18n/locales";
import { humanize, widgetFormat } from "./format";

const ZONES = ["America/Chicago", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney", "Asia/Kolkata", "UTC"];
const INSTANTS = ["2026-03-03T22:30:00Z", "2026-12-01T14:30:00.000Z", "2026-06-30T23:59:00Z", null, "not a date"];

describe("widget formatting", () => {
  it("formats instants, calendar dates, ranges, months and figures as the portal does", () => {
    for (const locale of LOCALES) {
      for (const zone of ZONES) {
        const w = widgetFormat(locale, zone);
        const p = createFormatter(locale, zone);
        for (const i of INSTANTS) expect(w.dateTime(i), `${locale} ${zone} ${i}`).toBe(p.dateTime(i));
      }
      const w = widgetFormat(locale, "UTC");
      const p = createFormatter(locale, "UTC");
      for (const d of ["2026-12-01", "2026-02-28", "", null, "12/01/2026"])
        expect(w.calendarDate(d), `${locale} ${d}`).toBe(p.calendarDate(d));
      for (const [a, b] of [
        ["2026-11-01", "2026-11-30"],
        ["2026-11-22", "2026-12-26"],
        ["2026-12-01", "2026-12-01"],
        ["2025-12-29", "2026-01-04"],
      ])
        expect(w.dateRange(a, b), `${locale} ${a}–${b}`).toBe(p.dateRange(a, b));
      for (let m = 1; m <= 12; m++) expect(w.monthName(m)).toBe(p.monthName(m));
      for (const n of [0, 30.25, 1234.56, null, Number.NaN]) expect(w.number(n)).toBe(p.number(n));
      for (const r of [0, 0.915, 1, null]) expect(w.percent(r)).toBe(p.percent(r));
    }
  });

  it("names the zone by UTC offset and never writes an ambiguous date", () => {
    expect(widgetFormat("en", "America/Chicago").dateTime("2026-12-01T20:30:00Z")).toBe("1 Dec 2026, 14:30 GMT-6");
    expect(widgetFormat("de", "Europe/Berlin").dateTime("2026-12-01T20:30:00Z")).toBe("1. Dez. 2026, 21:30 GMT+1");
  });

  it("falls back to UTC for a zone it does not know, and reads unknown codes", () => {
    expect(widgetFormat("en", "Mars/Olympus").dateTime("2026-12-01T20:30:00Z")).toBe(
      createFormatter("en", "UTC").dateTime("2026-12-01T20:30:00Z"),
    );
    expect(humanize("claim_filed")).toBe("Claim filed");
  });
});
