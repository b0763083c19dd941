// The sentences recorded with an exception request, amounts through the one formatter.
import { describe, expect, it } from "vitest";
import { requiredApprover } from "#app/domain/escalations/approval";
import { approvalReasonText } from "#app/server/escalations/approval-reasons.server";

describe("approval reasons", () => {
  it("words each rule the domain applied", () => {
    const all = requiredApprover("standard", {
      expedite: true,
      creditAmount: 60_000,
      policyOverride: "Accept return after 90 days",
    });
    expect(all.reasons.map(approvalReasonText)).toEqual([
      "A credit above 50,000 needs executive approval.",
      "Expediting for a standard account needs a support lead.",
      "A policy override always needs a support lead.",
    ]);
    const lead = requiredApprover("strategic", { expedite: false, creditAmount: 25_000.5, policyOverride: null });
    expect(lead.reasons.map(approvalReasonText)).toEqual([
      "A credit above 25,000 for a strategic account needs a support lead.",
    ]);
  });
});
