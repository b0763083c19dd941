import { describe, expect, it } from "vitest";
import { canDecide, hasException, requiredApprover, type ExceptionRequest } from "./approval";

const req = (r: Partial<ExceptionRequest>): ExceptionRequest => ({
  expedite: false,
  creditAmount: null,
  policyOverride: null,
  ...r,
});

describe("approval rules", () => {
  it("needs nobody for requests within the tier's authority", () => {
    expect(requiredApprover("standard", req({ creditAmount: 1000 })).requiredRole).toBeNull();
    expect(requiredApprover("key", req({ creditAmount: 10_000, expedite: true })).requiredRole).toBeNull();
    expect(requiredApprover("strategic", req({ creditAmount: 25_000 })).requiredRole).toBeNull();
    expect(requiredApprover("strategic", req({})).requiredRole).toBeNull();
  });

  it("needs a lead above the tier threshold", () => {
    expect(requiredApprover("standard", req({ creditAmount: 1000.01 })).requiredRole).toBe("support_lead");
    expect(requiredApprover("key", req({ creditAmount: 10_001 })).requiredRole).toBe("support_lead");
    expect(requiredApprover("strategic", req({ creditAmount: 25_001 })).requiredRole).toBe("support_lead");
  });

  it("needs a lead to expedite for standard accounts only", () => {
    expect(requiredApprover("standard", req({ expedite: true })).requiredRole).toBe("support_lead");
    expect(requiredApprover("key", req({ expedite: true })).requiredRole).toBeNull();
    expect(requiredApprover("strategic", req({ expedite: true })).requiredRole).toBeNull();
  });

  it("always needs a lead for a policy override", () => {
    for (const tier of ["standard", "key", "strategic"] as const) {
      const d = requiredApprover(tier, req({ policyOverride: "Accept return after 90 days" }));
      expect(d.requiredRole).toBe("support_lead");
      expect(d.reasons).toContainEqual({ kind: "policyOverride" });
    }
    expect(requiredApprover("key", req({ policyOverride: "   " })).requiredRole).toBeNull();
  });

  it("needs an executive above the higher threshold, whatever else is asked", () => {
    for (const tier of ["standard", "key", "strategic"] as const) {
      const d = requiredApprover(tier, req({ creditAmount: 50_001, expedite: true, policyOverride: "x" }));
      expect(d.requiredRole).toBe("platform_admin");
      expect(d.reasons.length).toBeGreaterThanOrEqual(2);
    }
    expect(requiredApprover("strategic", req({ creditAmount: 50_000 })).requiredRole).toBe("support_lead");
  });

  it("ranks deciders", () => {
    expect(canDecide("support_agent", null)).toBe(true);
    expect(canDecide("support_agent", "support_lead")).toBe(false);
    expect(canDecide("support_lead", "support_lead")).toBe(true);
    expect(canDecide("support_lead", "platform_admin")).toBe(false);
    expect(canDecide("platform_admin", "platform_admin")).toBe(true);
  });

  it("knows when something was requested", () => {
    expect(hasException(req({}))).toBe(false);
    expect(hasException(req({ creditAmount: 0 }))).toBe(false);
    expect(hasException(req({ creditAmount: 5 }))).toBe(true);
    expect(hasException(req({ expedite: true }))).toBe(true);
  });
});
