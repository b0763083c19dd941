// History lines in the viewer's language: every code becomes a label, nothing reads "undefined".
import { describe, expect, it } from "vitest";
import { translator } from "#app/i18n/catalogue";
import type { TFunction } from "#app/i18n/react";
import { historyText } from "./history-text";

const t = (locale: "en" | "de" | "ja") => translator(locale) as unknown as TFunction;

describe("historyText", () => {
  it("names the approver an exception request waits for, in each language", () => {
    const h = { action: "escalation.approval_requested", facts: { requiredRole: "support_lead" } };
    expect(historyText(t("en"), h)).toBe("Exception request waits for a support lead");
    expect(historyText(t("de"), h)).toBe("Ausnahmeantrag wartet auf eine Support-Leitung");
    expect(historyText(t("ja"), h)).toBe("例外申請：サポートリーダーの承認待ち");
  });

  it("says a request was raised when the entry does not name its approver", () => {
    const h = { action: "escalation.approval_requested", facts: {} };
    expect(historyText(t("en"), h)).toBe("Exception request raised");
  });

  it("puts status codes into the page's status names", () => {
    const h = { action: "escalation.status_changed", facts: { from: "open", to: "awaiting_customer" } };
    expect(historyText(t("de"), h)).toMatch(/^Status Offen → /);
    expect(historyText(t("en"), h)).not.toMatch(/awaiting_customer|open →/);
  });

  it("names a raised level and a root cause by their labels, not their codes", () => {
    expect(historyText(t("en"), { action: "escalation.level_raised", facts: { to: "lead", version: "10" } })).toBe(
      "Moved up to the support lead level (protocol version 10)",
    );
    expect(
      historyText(t("ja"), { action: "escalation.root_cause_set", facts: { cause: "carrier_delay" } }),
    ).not.toContain("carrier_delay");
  });

  it("says which protocol version an escalation moved to and who agreed it, in each language", () => {
    const h = { action: "escalation.protocol_moved", facts: { version: "4", proposer: "Ann Admin", accepter: "Lee" } };
    expect(historyText(t("en"), h)).toBe("Moved to protocol version 4 by agreement of Ann Admin and Lee");
    expect(historyText(t("de"), h)).toBe("Zu Protokollversion 4 gewechselt, vereinbart von Ann Admin und Lee");
    expect(historyText(t("ja"), h)).toBe("Ann Admin と Lee の合意によりプロトコル バージョン 4 に移行");
  });

  it("never prints 'undefined' for any action with no facts", () => {
    for (const action of [
      "escalation.created",
      "escalation.status_changed",
      "escalation.assigned",
      "escalation.approval_decided",
      "escalation.merged",
      "escalation.level_raised",
      "escalation.protocol_moved",
      "escalation.root_cause_set",
      "escalation.something_new",
    ])
      for (const locale of ["en", "de", "ja"] as const)
        expect(historyText(t(locale), { action, facts: {} }), `${locale} ${action}`).not.toMatch(/undefined/);
  });
});
