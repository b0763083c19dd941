import { describe, expect, it } from "vitest";
import { stepperState } from "./progress";

const events = (...types: string[]) => types.map((type) => ({ type }));

describe("stepperState", () => {
  it.each([
    ["received", 0],
    ["confirmed", 1],
    ["allocated", 1],
    ["picked", 2],
    ["packed", 2],
    ["shipped", 3],
    ["in_transit", 4],
    ["out_for_delivery", 4],
    ["delivered", 5],
  ] as const)("puts a %s order at step %i with no issue", (status, step) => {
    expect(stepperState(status, [], null)).toEqual({ reached: step, issue: null, cancelled: false });
  });

  it("holds an on-hold order after the last step its timeline reached, with the hold reason", () => {
    const s = stepperState("on_hold", events("on_hold", "allocated", "confirmed", "received"), "Credit check");
    expect(s).toEqual({ reached: 1, issue: { status: "on_hold", reason: "Credit check" }, cancelled: false });
  });

  it("shows a backorder and an exception as issues, not as progress", () => {
    expect(stepperState("backordered", events("backordered", "confirmed"), null).issue?.status).toBe("backordered");
    const ex = stepperState("exception", events("exception", "eta_changed", "in_transit", "shipped"), null);
    expect(ex).toEqual({ reached: 4, issue: { status: "exception", reason: null }, cancelled: false });
  });

  it("puts a hold with no progress in its timeline at the first step", () => {
    expect(stepperState("on_hold", [], null).reached).toBe(0);
  });

  it("says cancelled instead of a step", () => {
    expect(stepperState("cancelled", events("cancelled", "confirmed"), null).cancelled).toBe(true);
  });
});
