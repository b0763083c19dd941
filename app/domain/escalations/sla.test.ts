import { describe, expect, it } from "vitest";
import { computeClock, computeSla, DEFAULT_SLA_TARGETS, formatMinutes, type BusinessClock } from "./sla";

// An independent oracle: walks minute by minute through Mon-Fri 08:00-17:00 in a time zone,
// skipping listed local dates. Slow, obviously right, and free of the calendar engine.
function minuteWalkClock(timeZone: string, holidays: string[] = []): BusinessClock {
  const fmt = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    weekday: "short",
    hourCycle: "h23",
  });
  const off = new Set(holidays);
  const working = (ms: number) => {
    const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    if (p.weekday === "Sat" || p.weekday === "Sun") return false;
    if (off.has(`${p.year}-${p.month}-${p.day}`)) return false;
    const h = Number(p.hour);
    return h >= 8 && h < 17;
  };
  return {
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
}

const berlin = minuteWalkClock("Europe/Berlin", ["2025-04-18", "2025-04-21", "2025-12-25", "2025-12-26"]);
const d = (iso: string) => new Date(iso);

describe("SLA clock", () => {
  it("Friday 16:30 Berlin + 4 business hours is Monday 11:30", () => {
    const start = d("2025-03-14T15:30:00Z"); // Fri 16:30 CET
    const c = computeClock(berlin, start, 240, [], null, start);
    expect(c.dueAt?.toISOString()).toBe("2025-03-17T10:30:00.000Z"); // Mon 11:30 CET
    expect(c.status).toBe("running");
    expect(c.remainingMinutes).toBe(240);
  });

  it("skips public holidays (Good Friday and Easter Monday)", () => {
    const start = d("2025-04-17T13:00:00Z"); // Thu 15:00 CEST
    const c = computeClock(berlin, start, 240, [], null, start);
    expect(c.dueAt?.toISOString()).toBe("2025-04-22T08:00:00.000Z"); // Tue 10:00 CEST
  });

  it("excludes paused time from elapsed time and moves the deadline", () => {
    const start = d("2025-03-10T08:00:00Z"); // Mon 09:00 CET
    const pauses = [
      { start: d("2025-03-10T09:00:00Z"), end: d("2025-03-10T13:00:00Z"), reason: "awaiting_customer" as const },
    ];
    const now = d("2025-03-10T15:00:00Z"); // Mon 16:00
    const c = computeClock(berlin, start, 480, pauses, null, now);
    expect(c.elapsedMinutes).toBe(60 + 120); // 09-10 and 14-16
    expect(c.remainingMinutes).toBe(300);
    expect(c.dueAt?.toISOString()).toBe("2025-03-11T11:00:00.000Z"); // Tue 12:00 CET
    expect(c.status).toBe("running");
  });

  it("stops while waiting for the customer: no deadline, status paused", () => {
    const start = d("2025-03-10T08:00:00Z");
    const pauses = [{ start: d("2025-03-10T09:00:00Z"), end: null, reason: "awaiting_customer" as const }];
    const c = computeClock(berlin, start, 480, pauses, null, d("2025-03-12T12:00:00Z"));
    expect(c.status).toBe("paused");
    expect(c.dueAt).toBeNull();
    expect(c.elapsedMinutes).toBe(60);
    expect(c.pausedSince?.toISOString()).toBe("2025-03-10T09:00:00.000Z");
    expect(c.pauseReason).toBe("awaiting_customer");
  });

  it("a deadline that passed before a pause stays where it was", () => {
    const start = d("2025-03-10T08:00:00Z"); // Mon 09:00
    const pauses = [
      { start: d("2025-03-10T11:00:00Z"), end: d("2025-03-10T12:00:00Z"), reason: "awaiting_customer" as const },
    ];
    const c = computeClock(berlin, start, 60, pauses, null, d("2025-03-10T14:00:00Z"));
    expect(c.dueAt?.toISOString()).toBe("2025-03-10T09:00:00.000Z");
    expect(c.status).toBe("breached");
    expect(c.remainingMinutes).toBe(60 - (3 * 60 + 2 * 60)); // 09-12 and 13-15 counted
  });

  it("warns when less than 25% or less than one business hour is left", () => {
    const start = d("2025-03-10T08:00:00Z"); // Mon 09:00
    expect(computeClock(berlin, start, 480, [], null, d("2025-03-10T13:00:00Z")).status).toBe("running"); // 3h left
    expect(computeClock(berlin, start, 480, [], null, d("2025-03-10T14:31:00Z")).status).toBe("breaching_soon"); // 1h59 left < 25%
    expect(computeClock(berlin, start, 120, [], null, d("2025-03-10T09:01:00Z")).status).toBe("breaching_soon"); // 59 min left
    expect(computeClock(berlin, start, 120, [], null, d("2025-03-10T10:00:00Z")).status).toBe("breached");
  });

  it("stopped clocks are met or missed", () => {
    const start = d("2025-03-10T08:00:00Z");
    expect(computeClock(berlin, start, 60, [], d("2025-03-10T08:45:00Z"), d("2025-03-20T00:00:00Z")).status).toBe(
      "met",
    );
    expect(computeClock(berlin, start, 60, [], d("2025-03-10T09:45:00Z"), d("2025-03-20T00:00:00Z")).status).toBe(
      "missed",
    );
  });

  it("computes both clocks, runs P1 24x7 where configured, and excludes resolved time after a reopen", () => {
    const createdAt = d("2025-03-14T15:30:00Z"); // Fri 16:30
    const target = DEFAULT_SLA_TARGETS.strategic.P1;
    expect(target.twentyFourSeven).toBe(true);
    const sla = computeSla(
      { status: "open", createdAt, firstResponseAt: null, resolvedAt: null, pauses: [] },
      target,
      berlin,
      createdAt,
    );
    expect(sla.firstResponse.dueAt?.toISOString()).toBe("2025-03-14T16:00:00.000Z"); // +30 wall-clock minutes
    expect(sla.resolution.dueAt?.toISOString()).toBe("2025-03-14T19:30:00.000Z");

    const std = DEFAULT_SLA_TARGETS.standard.P3;
    const reopened = computeSla(
      {
        status: "in_progress",
        createdAt: d("2025-03-10T08:00:00Z"),
        firstResponseAt: d("2025-03-10T08:30:00Z"),
        resolvedAt: null,
        pauses: [{ start: d("2025-03-10T10:00:00Z"), end: d("2025-03-11T10:00:00Z"), reason: "resolved" }],
      },
      std,
      berlin,
      d("2025-03-11T11:00:00Z"),
    );
    expect(reopened.firstResponse.status).toBe("met");
    expect(reopened.resolution.elapsedMinutes).toBe(120 + 60);
  });

  it("formats business durations", () => {
    expect(formatMinutes(45)).toBe("45 min");
    expect(formatMinutes(125)).toBe("2 h 05 min");
    expect(formatMinutes(-120)).toBe("2 h");
    expect(formatMinutes(60 * 50 + 7)).toBe("50 h");
  });
});
