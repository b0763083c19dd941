import { describe, expect, it } from "vitest";
import { ROOT_CAUSES, causeApplies, isRepeatFailure, isRootCause, repeatAlertKey } from "./root-causes";

describe("root causes", () => {
  it("knows the fixed list and nothing else", () => {
    expect(ROOT_CAUSES).toHaveLength(8);
    expect(isRootCause("carrier_delay")).toBe(true);
    expect(isRootCause("Carrier_delay")).toBe(false);
    expect(isRootCause("")).toBe(false);
    expect(isRootCause(undefined)).toBe(false);
  });

  it("counts a repeat failure only at strategic accounts, from the threshold on", () => {
    expect(isRepeatFailure("strategic", 2, 3)).toBe(false);
    expect(isRepeatFailure("strategic", 3, 3)).toBe(true);
    expect(isRepeatFailure("key", 9, 3)).toBe(false);
    expect(repeatAlertKey("picking_error", "FY2026-P03")).toBe("repeat_failure:picking_error:FY2026-P03");
  });

  it("applies a cause to resolved and closed escalations only", () => {
    expect(causeApplies("resolved")).toBe(true);
    expect(causeApplies("closed")).toBe(true);
    expect(causeApplies("in_progress")).toBe(false);
  });
});
