// Escalation refusals on pages: in the reader's language, the API's English detail untouched.
import { describe, expect, it } from "vitest";
import { messagesFor, translator } from "#app/i18n/catalogue";
import { LOCALES } from "#app/i18n/locales";
import { localized } from "#app/i18n/localized";
import { EscalationError } from "./actor.server";
import { ESCALATION_ERROR_IDS, escalationErrorText } from "./http.server";

describe("escalationErrorText", () => {
  it("words each known refusal in German and Japanese, field errors too", () => {
    const e = new EscalationError(400, "That order was not found in your account.", {
      orderId: "That order was not found in your account.",
    });
    expect(escalationErrorText(e, translator("de"), "de")).toEqual({
      message: "Dieser Auftrag wurde in Ihrem Konto nicht gefunden.",
      fieldErrors: { orderId: "Dieser Auftrag wurde in Ihrem Konto nicht gefunden." },
    });
    expect(escalationErrorText(e, translator("ja"), "ja").message).toBe(
      "その注文はお客様のアカウントに見つかりませんでした。",
    );
    expect(escalationErrorText(e, translator("en"), "en").message).toBe(e.message);
  });

  it("keeps an English sentence with details for English readers and words its kind for others", () => {
    const e = new EscalationError(409, "ESC-ACME-12 was already merged.");
    expect(escalationErrorText(e, translator("en"), "en").message).toBe("ESC-ACME-12 was already merged.");
    expect(escalationErrorText(e, translator("de"), "de").message).toBe(translator("de")("escalations.error.conflict"));
  });

  it("words a refusal with details from its own id and values, the English detail untouched", () => {
    const merged = new EscalationError(
      409,
      "ACME-12 was already merged.",
      {},
      localized("escalations.error.alreadyMerged", { key: "ACME-12" }),
    );
    expect(escalationErrorText(merged, translator("de"), "de").message).toBe("ACME-12 wurde bereits zusammengeführt.");
    expect(escalationErrorText(merged, translator("ja"), "ja").message).toBe("ACME-12 はすでに統合されています。");
    expect(escalationErrorText(merged, translator("en"), "en").message).toBe(merged.message);
    const approver = new EscalationError(
      403,
      "This request needs an executive (platform admin) to decide.",
      {},
      localized("escalations.error.needsApprover", { approver: "platform_admin" }),
    );
    expect(escalationErrorText(approver, translator("de"), "de").message).toBe(
      "Über diesen Antrag entscheidet die Geschäftsleitung (Plattform-Admin).",
    );
    expect(escalationErrorText(approver, translator("en"), "en").message).toBe(approver.message);
  });

  it("reads catalogue ids that some services throw", () => {
    const e = new EscalationError(403, "joint.protocol.error.notAllowed");
    expect(escalationErrorText(e, translator("de"), "de").message).toBe(
      translator("de")("joint.protocol.error.notAllowed"),
    );
  });

  it("has every message of its table in every locale", () => {
    for (const locale of LOCALES)
      for (const id of ESCALATION_ERROR_IDS) expect(messagesFor(locale), `${locale} ${id}`).toHaveProperty([id]);
  });
});
