import { describe, expect, it } from "vitest";
import { createFormatter as create } from "./format";

const at = "2026-12-01T20:30:00Z";

/** Intl separates with no-break and thin spaces; compare them as plain spaces. */
function createFormatter(locale: string, timeZone: string) {
  const f = create(locale, timeZone);
  const plain = (s: string) => s.replace(/[\u00a0\u202f\u2009]/g, " ");
  return new Proxy(f, {
    get: (target, key: keyof typeof f) => {
      const v = target[key];
      return typeof v === "function"
        ? (...args: unknown[]) => plain(String((v as (...a: unknown[]) => unknown)(...args)))
        : v;
    },
  });
}

describe("the one formatter", () => {
  it("writes dates with the month spelled out in each locale, never day/month digits", () => {
    expect(createFormatter("en", "America/Chicago").date(at)).toBe("1 Dec 2026");
    expect(createFormatter("de", "Europe/Berlin").date(at)).toBe("1. Dez. 2026");
    expect(createFormatter("ja", "Asia/Tokyo").date(at)).toBe("2026年12月2日");
  });

  it("names every zone the same way, by UTC offset, whatever the locale", () => {
    expect(createFormatter("en", "America/Chicago").dateTime(at)).toBe("1 Dec 2026, 14:30 GMT-6");
    expect(createFormatter("en", "Europe/Berlin").time(at)).toBe("21:30 GMT+1");
    expect(createFormatter("de", "Asia/Tokyo").time(at)).toBe("05:30 GMT+9");
    expect(createFormatter("ja", "Asia/Kolkata").dateTime(at)).toBe("2026年12月2日 02:00 GMT+5:30");
  });

  it("gives an instant in another zone only when that zone's clocks read differently", () => {
    const agent = create("en", "Europe/Berlin");
    expect(agent.dateTimeIn(at, "Asia/Tokyo")?.replace(/[\u00a0\u202f]/g, " ")).toBe("2 Dec 2026, 05:30 GMT+9");
    // Same offset under another name (Paris and Berlin in winter): nothing to show twice.
    expect(agent.dateTimeIn(at, "Europe/Paris")).toBeNull();
    expect(agent.dateTimeIn(at, "Europe/Berlin")).toBeNull();
    // London matches Lisbon in winter but not Berlin.
    expect(create("de", "Europe/London").dateTimeIn(at, "Europe/Lisbon")).toBeNull();
    expect(agent.dateTimeIn(null, "Asia/Tokyo")).toBeNull();
  });

  it("writes a bare wall-clock time only where a table states its zone once", () => {
    expect(createFormatter("de", "Europe/Berlin").clock(at)).toBe("21:30");
    expect(createFormatter("ja", "Asia/Tokyo").clock(at)).toBe("05:30");
  });

  it("shows a calendar date as written, not shifted by the zone", () => {
    const tokyo = createFormatter("en", "Asia/Tokyo");
    const honolulu = createFormatter("en", "Pacific/Honolulu");
    expect(tokyo.calendarDate("2026-12-25")).toBe("25 Dec 2026");
    expect(honolulu.calendarDate("2026-12-25")).toBe("25 Dec 2026");
    expect(createFormatter("de", "UTC").weekdayDate("2026-12-25")).toBe("Fr., 25. Dez. 2026");
  });

  it("writes date ranges compactly, and Japanese ranges with both full dates", () => {
    expect(createFormatter("en", "UTC").dateRange("2026-11-01", "2026-11-30")).toBe("1 – 30 Nov 2026");
    expect(createFormatter("de", "UTC").dateRange("2026-11-01", "2026-11-30")).toBe("1.–30. Nov. 2026");
    expect(createFormatter("ja", "UTC").dateRange("2026-11-01", "2026-11-30")).toBe("2026年11月1日～2026年11月30日");
  });

  it("formats business durations in hours and minutes", () => {
    expect(createFormatter("en", "UTC").duration(135)).toBe("2 h 15 min");
    expect(createFormatter("en", "UTC").duration(45)).toBe("45 min");
    expect(createFormatter("en", "UTC").duration(120)).toBe("2 h");
    expect(createFormatter("de", "UTC").duration(135)).toBe("2 Std. 15 Min.");
    expect(createFormatter("ja", "UTC").duration(135)).toBe("2時間 15分");
  });

  it("says relative times in the locale, 'now' under a minute", () => {
    const now = Date.parse(at);
    expect(createFormatter("en", "UTC").relative(now + 3 * 3_600_000, now)).toBe("in 3 hours");
    expect(createFormatter("de", "UTC").relative(now - 2 * 86_400_000, now)).toBe("vorgestern");
    expect(createFormatter("ja", "UTC").relative(now + 20_000, now)).toBe("今");
  });

  it("formats numbers, percentages and money per locale", () => {
    expect(createFormatter("en", "UTC").percent(0.9234)).toBe("92.3%");
    expect(createFormatter("de", "UTC").percent(0.9234)).toBe("92,3 %");
    // Side by side in a column: the same number of decimals on every row.
    expect(createFormatter("en", "UTC").percent(0.937, 2, true)).toBe("93.70%");
    expect(createFormatter("de", "UTC").percent(0.937, 2, true)).toBe("93,70 %");
    expect(createFormatter("de", "UTC").money("1234.5", "EUR")).toBe("1.234,50 €");
    expect(createFormatter("en", "UTC").money(1234.5, "USD")).toBe("US$1,234.50");
    expect(createFormatter("ja", "UTC").money(120000, "JPY")).toBe("￥120,000");
    expect(createFormatter("de", "UTC").number(12345.67)).toBe("12.345,7");
  });

  it("writes figures read side by side with a fixed number of decimals, in the locale's digits", () => {
    expect(createFormatter("en", "UTC").fixed(92.3, 2)).toBe("92.30");
    expect(createFormatter("de", "UTC").fixed(92.3, 2)).toBe("92,30");
    expect(createFormatter("ja", "UTC").fixed(1234.5, 1)).toBe("1,234.5");
  });

  it("names months by their short name in each locale", () => {
    expect([1, 5, 11].map((m) => createFormatter("en", "UTC").monthName(m))).toEqual(["Jan", "May", "Nov"]);
    expect(createFormatter("de", "UTC").monthName(5)).toBe("Mai");
    expect(createFormatter("ja", "UTC").monthName(11)).toBe("11月");
  });

  it("shows a dash for missing or unreadable values instead of 'Invalid Date'", () => {
    const f = createFormatter("en", "UTC");
    expect([f.date(null), f.dateTime("not a date"), f.calendarDate(""), f.money(null, "EUR"), f.percent(NaN)]).toEqual([
      "—",
      "—",
      "—",
      "—",
      "—",
    ]);
  });

  it("keeps an unknown currency readable and falls back to UTC for an unknown zone", () => {
    expect(createFormatter("en", "UTC").money("12", "XYZ1")).toBe("12.00 XYZ1");
    expect(createFormatter("en", "Mars/Olympus").time(at)).toBe("20:30 GMT+0");
  });

  it("treats an unsupported locale as English", () => {
    expect(createFormatter("fr", "UTC").date(at)).toBe("1 Dec 2026");
  });
});

describe("the same text on the server and in every browser", () => {
  it("prints no thin or narrow no-break space, which ICU versions place differently (a hydration mismatch)", () => {
    const odd = /[\u2009\u202f]/;
    for (const locale of ["en", "de", "ja"]) {
      const f = create(locale, "America/New_York");
      const texts = [
        f.dateRange("2026-11-22", "2026-12-26"),
        f.dateRange("2025-12-28", "2026-12-26"),
        f.date(at),
        f.time(at),
        f.clock(at),
        f.dateTime(at),
        f.zoneName(at),
        f.relative(at, "2026-12-01T18:00:00Z"),
        f.number(1234567.5),
        f.percent(0.923),
        f.money(1234.5, "EUR"),
      ];
      expect(
        texts.filter((t) => odd.test(t)),
        locale,
      ).toEqual([]);
    }
  });
});
