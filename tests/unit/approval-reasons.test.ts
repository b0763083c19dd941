// Why an exception request needs approval: kept as facts (0055) and worded for each reader, the
// threshold as money in the request's currency in the reader's number format. Sentences stored in
// English before 0055 are read back into the same facts, so old rows read like new ones.
import { describe, expect, it } from "vitest";
import { legacyApprovalReason, requiredApprover, storedApprovalReason } from "#app/domain/escalations/approval";
import { approvalReasonText } from "#app/i18n/approval-reason";
import { translator } from "#app/i18n/catalogue";
import { createFormatter } from "#app/i18n/format";
import type { Locale } from "#app/i18n/locales";

const words = (locale: Locale, currency: string | null) => {
  const t = translator(locale);
  const f = createFormatter(locale, "UTC");
  return (r: Parameters<typeof approvalReasonText>[0]) => approvalReasonText(r, t, f, currency);
};

describe("approval reasons", () => {
  const all = requiredApprover("standard", {
    expedite: true,
    creditAmount: 60_000,
    policyOverride: "Accept return after 90 days",
  }).reasons.map(storedApprovalReason);

  it("are kept as the rule's facts, not as sentences", () => {
    expect(all).toEqual([
      { kind: "executiveCredit", params: { above: 50_000 } },
      { kind: "expedite", params: { tier: "standard" } },
      { kind: "policyOverride", params: {} },
    ]);
  });

  it("read in English with the amount in the order's currency", () => {
    expect(all.map(words("en", "USD"))).toEqual([
      "A credit above US$50,000.00 needs executive approval.",
      "Expediting for a standard account needs a support lead.",
      "A policy override always needs a support lead.",
    ]);
  });

  it("read in German with the German number format", () => {
    const lead = requiredApprover("key", { expedite: false, creditAmount: 12_500, policyOverride: null });
    expect(lead.reasons.map(storedApprovalReason).map(words("de", "EUR"))).toEqual([
      "Eine Gutschrift über 10.000,00\u00a0€ für einen Schlüsselkunden muss eine Support-Leitung freigeben.",
    ]);
    expect(words("de", "EUR")(all[0])).toBe(
      "Eine Gutschrift über 50.000,00\u00a0€ muss die Geschäftsleitung freigeben.",
    );
  });

  it("read in Japanese with the Japanese number format", () => {
    expect(all.map(words("ja", "JPY"))).toEqual([
      "￥50,000を超えるクレジットには経営層の承認が必要です。",
      "標準顧客の特急対応にはサポートリーダーの承認が必要です。",
      "ポリシーの例外には常にサポートリーダーの承認が必要です。",
    ]);
  });

  it("without an order's currency, show the amount with two decimals", () => {
    expect(words("de", null)(all[0])).toBe("Eine Gutschrift über 50.000,00 muss die Geschäftsleitung freigeben.");
  });

  it("stored in English before 0055 are read back and worded for the reader", () => {
    const old = [
      "A credit above 50,000 needs executive approval.",
      "A credit above 25,000.00 for a strategic account needs a support lead.",
      "Expediting for a standard account needs a support lead.",
      "A policy override always needs a support lead.",
    ].map(legacyApprovalReason);
    expect(old).toEqual([
      { kind: "executiveCredit", params: { above: 50_000 } },
      { kind: "leadCredit", params: { above: 25_000, tier: "strategic" } },
      { kind: "expedite", params: { tier: "standard" } },
      { kind: "policyOverride", params: {} },
    ]);
    expect(words("ja", null)(old[1])).toBe(
      "戦略顧客への25,000.00を超えるクレジットにはサポートリーダーの承認が必要です。",
    );
  });

  it("that were never the code's sentences are shown as written", () => {
    const hand = legacyApprovalReason("A credit above the account's threshold needs a support lead.");
    expect(words("de", "EUR")(hand)).toBe("A credit above the account's threshold needs a support lead.");
  });
});
