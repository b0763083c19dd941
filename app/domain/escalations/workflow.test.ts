import { describe, expect, it } from "vitest";
import {
  acknowledgesOnReply,
  ACTIVE_STATUSES,
  checkTransition,
  ESCALATION_STATUSES,
  FINISHED_STATUSES,
  isTerminal,
  nextStatuses,
  type EscalationStatus,
} from "./workflow";

const now = new Date("2025-06-20T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

// The full table for staff: every (from, to) pair is either allowed or refused with a reason.
const STAFF_ALLOWED = new Set([
  "open>acknowledged",
  "acknowledged>in_progress",
  "in_progress>awaiting_customer",
  "in_progress>resolved",
  "awaiting_customer>in_progress",
  "awaiting_customer>resolved",
  "resolved>closed",
  "resolved>in_progress",
  "closed>in_progress",
]);
const CUSTOMER_ALLOWED = new Set([
  "awaiting_customer>in_progress",
  "resolved>closed",
  "resolved>in_progress",
  "closed>in_progress",
]);

describe("escalation workflow", () => {
  for (const actor of ["staff", "customer"] as const) {
    const allowed = actor === "staff" ? STAFF_ALLOWED : CUSTOMER_ALLOWED;
    for (const from of ESCALATION_STATUSES) {
      for (const to of ESCALATION_STATUSES) {
        const key = `${from}>${to}`;
        it(`${actor}: ${from} -> ${to} is ${allowed.has(key) ? "allowed" : "refused"}`, () => {
          const r = checkTransition({ from, to, actor, now, resolvedAt: daysAgo(1) });
          expect(r.ok).toBe(allowed.has(key));
          if (!r.ok) {
            expect(r.reason).toMatch(/\w+.*\.$/);
            expect(r.reason.length).toBeGreaterThan(20);
          }
        });
      }
    }
  }

  it("explains refusals in plain language", () => {
    const r = checkTransition({ from: "closed", to: "acknowledged", actor: "staff", now });
    expect(r).toEqual({
      ok: false,
      reason: "An escalation that is closed cannot be acknowledged; reopen it first.",
      refusal: { code: "not_allowed", from: "closed", to: "acknowledged", hint: "reopen" },
    });
    const r2 = checkTransition({ from: "open", to: "resolved", actor: "staff", now });
    expect(r2.ok || r2.reason).toBe("An escalation that is open cannot be resolved; acknowledge it first.");
    const r3 = checkTransition({ from: "in_progress", to: "in_progress", actor: "staff", now });
    expect(r3.ok || r3.reason).toBe("The escalation is already in progress.");
    const r4 = checkTransition({ from: "in_progress", to: "resolved", actor: "customer", now });
    expect(r4.ok || r4.reason).toMatch(/Only the support team/);
    expect(r4.ok || r4.refusal).toEqual({ code: "staff_only", to: "resolved" });
  });

  it("labels each allowed move", () => {
    const kinds = (from: EscalationStatus, to: EscalationStatus) => {
      const r = checkTransition({ from, to, actor: "staff", now, resolvedAt: daysAgo(1) });
      return r.ok ? r.kind : r.reason;
    };
    expect(kinds("open", "acknowledged")).toBe("acknowledge");
    expect(kinds("acknowledged", "in_progress")).toBe("start");
    expect(kinds("in_progress", "awaiting_customer")).toBe("await_customer");
    expect(kinds("awaiting_customer", "in_progress")).toBe("resume");
    expect(kinds("in_progress", "resolved")).toBe("resolve");
    expect(kinds("resolved", "closed")).toBe("close");
    expect(kinds("closed", "in_progress")).toBe("reopen");
  });

  it("reopens only within the window", () => {
    for (const from of ["resolved", "closed"] as const) {
      expect(checkTransition({ from, to: "in_progress", actor: "customer", now, resolvedAt: daysAgo(13.9) }).ok).toBe(
        true,
      );
      const late = checkTransition({ from, to: "in_progress", actor: "customer", now, resolvedAt: daysAgo(14.1) });
      expect(late.ok || late.reason).toMatch(/within 14 days/);
      expect(
        checkTransition({ from, to: "in_progress", actor: "staff", now, resolvedAt: daysAgo(20), reopenWindowDays: 30 })
          .ok,
      ).toBe(true);
      expect(checkTransition({ from, to: "in_progress", actor: "staff", now, resolvedAt: null }).ok).toBe(false);
    }
  });

  it("lists next statuses per actor", () => {
    expect(nextStatuses("open", "staff", now, null)).toEqual(["acknowledged"]);
    expect(nextStatuses("open", "customer", now, null)).toEqual([]);
    expect(nextStatuses("resolved", "customer", now, daysAgo(2))).toEqual(["in_progress", "closed"]);
    expect(nextStatuses("closed", "customer", now, daysAgo(30))).toEqual([]);
  });
});

describe("acknowledging on the first public reply", () => {
  const base = {
    status: "open" as const,
    actor: "staff" as const,
    visibility: "public" as const,
    ackOnFirstReply: true,
  };

  it("acknowledges an open escalation when staff reply publicly", () => {
    expect(acknowledgesOnReply(base)).toBe(true);
  });

  it("leaves it open for an internal note", () => {
    expect(acknowledgesOnReply({ ...base, visibility: "internal" })).toBe(false);
  });

  it("leaves it open when the customer replies", () => {
    expect(acknowledgesOnReply({ ...base, actor: "customer" })).toBe(false);
  });

  it("leaves it open when the account switched the rule off", () => {
    expect(acknowledgesOnReply({ ...base, ackOnFirstReply: false })).toBe(false);
  });

  it("does not move an escalation that is already past open", () => {
    expect(acknowledgesOnReply({ ...base, status: "in_progress" })).toBe(false);
  });
});

describe("active and finished statuses", () => {
  it("split every status into exactly one of the two, finished being the terminal ones", () => {
    expect([...ACTIVE_STATUSES, ...FINISHED_STATUSES].sort()).toEqual([...ESCALATION_STATUSES].sort());
    expect(ESCALATION_STATUSES.filter(isTerminal)).toEqual([...FINISHED_STATUSES]);
  });
});
