import { describe, expect, it } from "vitest";
import { ALWAYS_CLOCK, DEFAULT_SLA_TARGETS } from "../escalations/sla";
import { defaultTerms, diffTerms, levelAt, targetsOf, termsProblems } from "./protocol";

const base = () => defaultTerms(DEFAULT_SLA_TARGETS.strategic);
const at = (iso: string) => new Date(iso);

describe("the protocol's terms", () => {
  it("start from the account's targets with levels at half, once and twice the resolution target", () => {
    const t = base();
    expect(targetsOf(t)).toEqual(DEFAULT_SLA_TARGETS.strategic);
    expect(t.severities.P2.levelAfterMinutes).toEqual({ lead: 240, account_executive: 480, leadership: 960 });
    expect(termsProblems(t)).toEqual([]);
  });

  it("name a first response later than the resolution and levels out of order as problems", () => {
    const t = base();
    t.severities.P3.firstResponseMinutes = t.severities.P3.resolutionMinutes + 1;
    t.severities.P4.levelAfterMinutes.leadership = t.severities.P4.levelAfterMinutes.lead;
    expect(termsProblems(t)).toEqual(["severities.P3.firstResponseMinutes", "severities.P4.levelAfterMinutes"]);
  });
});

describe("diffTerms", () => {
  it("lists nothing for the same terms", () => {
    expect(diffTerms(base(), base())).toEqual([]);
  });

  it("lists each changed target, threshold, contact and review figure once", () => {
    const a = base();
    a.contacts = [
      { side: "customer", level: "lead", name: "Ann", role: "Manager", businessHours: "1", outOfHours: "", email: "" },
      { side: "provider", level: "agent", name: "Bo", role: "Agent", businessHours: "2", outOfHours: "", email: "" },
    ];
    const b = structuredClone(a);
    b.severities.P2.resolutionMinutes = 300;
    b.severities.P1.levelAfterMinutes.lead = 60;
    b.contacts[0].outOfHours = "+1 555";
    b.contacts.splice(1, 1);
    b.contacts.push({
      side: "provider",
      level: "leadership",
      name: "Cy",
      role: "VP",
      businessHours: "3",
      outOfHours: "",
      email: "",
    });
    b.review.fillRateFloorPct = 96;
    expect(diffTerms(a, b).map((c) => c.kind)).toEqual([
      "levelAfter",
      "target",
      "contactChanged",
      "contactRemoved",
      "contactAdded",
      "review",
    ]);
    expect(diffTerms(a, b)[1]).toEqual({
      kind: "target",
      severity: "P2",
      field: "resolutionMinutes",
      from: 480,
      to: 300,
    });
  });
});

describe("levelAt", () => {
  const p2 = base().severities.P2; // business time: lead after 240, AE after 480, leadership after 960
  const p2Wall = { ...p2, twentyFourSeven: false };

  it("stays with the agent until the lead's threshold and says when that comes", () => {
    const s = levelAt(p2Wall, ALWAYS_CLOCK, at("2026-01-05T08:00:00Z"), [], at("2026-01-05T11:59:00Z"));
    expect(s.level).toBe("agent");
    expect(s.next).toEqual({ level: "lead", at: at("2026-01-05T12:00:00Z") });
  });

  it("reaches each level exactly at its threshold, and leadership has no next level", () => {
    const raised = at("2026-01-05T08:00:00Z");
    expect(levelAt(p2Wall, ALWAYS_CLOCK, raised, [], at("2026-01-05T12:00:00Z")).level).toBe("lead");
    expect(levelAt(p2Wall, ALWAYS_CLOCK, raised, [], at("2026-01-05T16:00:00Z")).level).toBe("account_executive");
    const top = levelAt(p2Wall, ALWAYS_CLOCK, raised, [], at("2026-01-06T00:00:00Z"));
    expect(top).toMatchObject({ level: "leadership", next: null });
  });

  it("does not count time waiting for the customer", () => {
    const pauses = [
      { start: at("2026-01-05T09:00:00Z"), end: at("2026-01-05T19:00:00Z"), reason: "awaiting_customer" as const },
    ];
    const s = levelAt(p2Wall, ALWAYS_CLOCK, at("2026-01-05T08:00:00Z"), pauses, at("2026-01-05T21:00:00Z"));
    expect(s.level).toBe("agent");
    expect(s.next).toEqual({ level: "lead", at: at("2026-01-05T22:00:00Z") });
  });
});
