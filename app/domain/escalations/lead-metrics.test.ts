import { describe, expect, it } from "vitest";
import {
  answeredSince,
  breachedSince,
  leadFacts,
  leadFiguresBy,
  median,
  weekStartOf,
  windowStart,
  type LeadItem,
} from "./lead-metrics";
import { computeSla, type BusinessClock, type SlaTarget } from "./sla";

// Mon-Fri 09:00-17:00 UTC, walked minute by minute: slow and obviously right.
const working = (ms: number) => {
  const d = new Date(ms);
  const day = d.getUTCDay();
  return day !== 0 && day !== 6 && d.getUTCHours() >= 9 && d.getUTCHours() < 17;
};
const officeHours: BusinessClock = {
  minutesBetween(a, b) {
    let n = 0;
    for (let t = a.getTime(); t < b.getTime(); t += 60_000) if (working(t)) n++;
    return n;
  },
  addMinutes(t, minutes) {
    let ms = t.getTime();
    let left = minutes;
    while (left > 0) {
      if (working(ms)) left--;
      ms += 60_000;
    }
    return new Date(ms);
  },
};

const target: SlaTarget = { firstResponseMinutes: 60, resolutionMinutes: 480, twentyFourSeven: false };
// Wednesday 2 December 2026, 12:00 UTC; the week (Monday start) began on 30 November.
const now = new Date("2026-12-02T12:00:00Z");
const d = (iso: string) => new Date(iso);

function facts(
  createdAt: string,
  firstResponseAt: string | null,
  extra: Partial<Parameters<typeof computeSla>[0]> = {},
) {
  const sla = computeSla(
    {
      status: firstResponseAt ? "in_progress" : "open",
      createdAt: d(createdAt),
      firstResponseAt: firstResponseAt ? d(firstResponseAt) : null,
      resolvedAt: null,
      pauses: [],
      ...extra,
    },
    target,
    officeHours,
    now,
  );
  return leadFacts(sla);
}

function item(
  createdAt: string,
  firstResponseAt: string | null,
  extra: Partial<Parameters<typeof computeSla>[0]> = {},
): LeadItem {
  return {
    ...facts(createdAt, firstResponseAt, extra),
    windowStarts: { week: windowStart("week", now, "UTC", 1), "4w": windowStart("4w", now, "UTC", 1) },
  };
}

describe("median", () => {
  it("takes the middle value, or the mean of the two middle values for an even count", () => {
    expect(median([])).toBeNull();
    expect(median([42])).toBe(42);
    expect(median([30, 10, 20])).toBe(20);
    expect(median([75, 20])).toBe(47.5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 5, 1, 100])).toBe(5);
  });
});

describe("the current week in an account's calendar", () => {
  it("starts at local midnight of the calendar's first weekday", () => {
    expect(weekStartOf(now, "UTC", 1)).toEqual(d("2026-11-30T00:00:00Z"));
    expect(weekStartOf(now, "Europe/Berlin", 1)).toEqual(d("2026-11-29T23:00:00Z"));
    expect(weekStartOf(now, "UTC", 7)).toEqual(d("2026-11-29T00:00:00Z"));
    // Already Thursday in Tokyo; a Monday week began at 00:00 JST on 30 November.
    expect(weekStartOf(d("2026-12-02T20:00:00Z"), "Asia/Tokyo", 1)).toEqual(d("2026-11-29T15:00:00Z"));
    // On the first day of the week itself.
    expect(weekStartOf(d("2026-11-30T00:30:00Z"), "UTC", 1)).toEqual(d("2026-11-30T00:00:00Z"));
  });

  it("counts whole local weeks back across a daylight-saving change", () => {
    // Berlin left summer time on 25 October 2026: three Mondays back is 12 October, 00:00 CEST.
    expect(weekStartOf(d("2026-11-04T10:00:00Z"), "Europe/Berlin", 1, 3)).toEqual(d("2026-10-11T22:00:00Z"));
    expect(windowStart("4w", now, "UTC", 1)).toEqual(d("2026-11-09T00:00:00Z"));
  });
});

const resolvedMonday = { status: "resolved", resolvedAt: d("2026-11-30T09:10:00Z") } as const;

describe("breaches and first responses in business time", () => {
  it("measures a first response across a weekend in business minutes and dates its breach", () => {
    // Raised Friday 16:30: 30 minutes left on Friday, the other 30 run out Monday 09:30.
    const f = facts("2026-11-27T16:30:00Z", "2026-11-30T09:45:00Z");
    expect(f.firstResponseMinutes).toBe(75);
    expect(f.firstResponseBreachedAt).toEqual(d("2026-11-30T09:30:00Z"));
    expect(breachedSince(f, weekStartOf(now, "UTC", 1), now)).toBe(true);
  });

  it("does not count a breach from last week, though it was answered this week", () => {
    // Raised Friday 16:00: the hour ran out at 17:00 that Friday; answered and resolved Monday.
    const f = facts("2026-11-27T16:00:00Z", "2026-11-30T09:10:00Z", resolvedMonday);
    expect(f.firstResponseBreachedAt).toEqual(d("2026-11-27T17:00:00Z"));
    expect(f.resolutionBreachedAt).toBeNull();
    expect(f.firstResponseMinutes).toBe(70);
    const week = weekStartOf(now, "UTC", 1);
    expect(breachedSince(f, week, now)).toBe(false);
    expect(answeredSince(f, week, now)).toBe(true);
  });

  it("keeps the breach instant of a clock that ran out and is now paused", () => {
    const f = facts("2026-11-30T09:00:00Z", null, {
      status: "awaiting_customer",
      pauses: [{ start: d("2026-11-30T11:00:00Z"), end: null, reason: "awaiting_customer" }],
    });
    expect(f.firstResponseBreachedAt).toEqual(d("2026-11-30T10:00:00Z"));
    expect(f.firstResponseMinutes).toBeNull();
  });

  it("counts a resolution breach this week even when the first answer was in time", () => {
    // Raised Monday 09:00, answered 09:20; eight business hours ran out Monday 17:00.
    const f = facts("2026-11-30T09:00:00Z", "2026-11-30T09:20:00Z");
    expect(f.firstResponseBreachedAt).toBeNull();
    expect(f.resolutionBreachedAt).toEqual(d("2026-11-30T17:00:00Z"));
    expect(breachedSince(f, weekStartOf(now, "UTC", 1), now)).toBe(true);
  });

  it("has no breach for a clock with time left", () => {
    const f = facts("2026-12-02T11:30:00Z", null);
    expect(f.firstResponseBreachedAt).toBeNull();
    expect(f.resolutionBreachedAt).toBeNull();
  });
});

describe("figures per agent", () => {
  const items = [
    { who: "ana", ...item("2026-11-27T16:30:00Z", "2026-11-30T09:45:00Z") }, // 75 min, breached Mon
    { who: "ana", ...item("2026-12-01T10:00:00Z", "2026-12-01T10:20:00Z") }, // 20 min, in time
    { who: "ana", ...item("2026-11-26T10:00:00Z", "2026-11-26T11:10:00Z") }, // 70 min, last week
    { who: "ben", ...item("2026-11-27T16:00:00Z", "2026-11-30T09:10:00Z", resolvedMonday) }, // 70 min, breached last week
    { who: "ben", ...item("2026-10-01T10:00:00Z", "2026-10-01T10:05:00Z") }, // outside both windows
  ];

  it("counts breaches this week and takes medians over this week and the last four weeks", () => {
    const by = leadFiguresBy(items, (i) => i.who, now, ["cem"]);
    // Ana's third one is breached too, but on 26 November; the first breached Monday and the
    // second one's resolution clock (8 business hours from Tuesday 10:00) ran out Wednesday 10:00.
    expect(by.get("ana")).toEqual({
      breachesThisWeek: 2,
      medianFirstResponse: { week: 47.5, "4w": 70 },
      answered: { week: 2, "4w": 3 },
    });
    // Ben's clocks ran out on 27 November and on 1-2 October: none this week.
    expect(by.get("ben")?.breachesThisWeek).toBe(0);
    expect(by.get("ben")?.medianFirstResponse).toEqual({ week: 70, "4w": 70 });
    expect(by.get("cem")).toEqual({
      breachesThisWeek: 0,
      medianFirstResponse: { week: null, "4w": null },
      answered: { week: 0, "4w": 0 },
    });
  });
});
