import { describe, expect, it } from "vitest";
import { totalOf, workloadBy, type WorkloadItem } from "./workload";

const item = (who: string, severity: WorkloadItem["severity"], clockStatus = "running") => ({
  who,
  severity,
  clockStatus,
});

describe("a lead's workload counts", () => {
  const items = [
    item("ana", "P1", "breached"),
    item("ana", "P3", "breaching_soon"),
    item("ana", "P3"),
    item("ben", "P2", "paused"),
    item("", "P4", "breached"),
  ];

  it("counts open escalations per agent by severity, with breaching-soon and breached ones", () => {
    const byAgent = workloadBy(items, (i) => i.who);
    expect(byAgent.get("ana")).toEqual({
      open: 3,
      bySeverity: { P1: 1, P2: 0, P3: 2, P4: 0 },
      breachingSoon: 1,
      breached: 1,
    });
    expect(byAgent.get("ben")).toEqual({
      open: 1,
      bySeverity: { P1: 0, P2: 1, P3: 0, P4: 0 },
      breachingSoon: 0,
      breached: 0,
    });
    expect(byAgent.get("")?.breached).toBe(1);
  });

  it("lists agents given up front first, even with nothing open", () => {
    const byAgent = workloadBy(items, (i) => i.who, ["cho", "ben"]);
    expect([...byAgent.keys()]).toEqual(["cho", "ben", "ana", ""]);
    expect(byAgent.get("cho")?.open).toBe(0);
  });

  it("adds the rows up to a total that matches the items", () => {
    const total = totalOf(workloadBy(items, (i) => i.who).values());
    expect(total).toEqual({ open: 5, bySeverity: { P1: 1, P2: 1, P3: 2, P4: 1 }, breachingSoon: 1, breached: 2 });
  });
});
