// Audit entries read in the reader's language: detail keys and known values from the catalogue,
// staff roles from the stored key (0053), and older entries' English role words read back.
import { describe, expect, it } from "vitest";
import { actorText, auditDetailText } from "#app/i18n/audit-text";
import { messagesFor, translator } from "#app/i18n/catalogue";
import { createFormatter } from "#app/i18n/format";
import type { Locale } from "#app/i18n/locales";

function reader(locale: Locale) {
  const messages = messagesFor(locale) as Record<string, string>;
  return { t: translator(locale), has: (id: string) => id in messages, f: createFormatter(locale, "Europe/Berlin") };
}

describe("audit entries in the reader's language", () => {
  it("words a status change's details from the catalogue", () => {
    const de = reader("de");
    const text = auditDetailText({ from: "open", to: "in_progress", kind: "forward" }, de.t, de.has, de.f);
    expect(text).toContain("von: Offen");
    expect(text).toContain("nach: In Bearbeitung");
    expect(text).not.toMatch(/in_progress|\bto:/);
    const ja = reader("ja");
    expect(auditDetailText({ to: "in_progress" }, ja.t, ja.has, ja.f)).toBe("変更後：対応中");
  });

  it("words an exception request's fields and an approval's decision", () => {
    const ja = reader("ja");
    expect(auditDetailText({ expedite: true, decision: "approved" }, ja.t, ja.has, ja.f)).toBe(
      "特急対応：はい · 判断：承認",
    );
    const de = reader("de");
    expect(auditDetailText({ creditAmount: 1500, decision: "rejected" }, de.t, de.has, de.f)).toBe(
      "Gutschrift: 1.500,00 · Entscheidung: abgelehnt",
    );
  });

  it("words why a request needs approval, with the credit in the order's currency", () => {
    const detail = {
      requiredRole: "support_lead",
      reasons: [{ kind: "leadCredit", params: { above: 10_000, tier: "key" } }],
      creditAmount: 12_500,
      currency: "EUR",
    };
    const de = reader("de");
    expect(auditDetailText(detail, de.t, de.has, de.f)).toBe(
      "Freigabe durch: Support-Leitung · Gründe: Eine Gutschrift über 10.000,00\u00a0€ für einen Schlüsselkunden muss eine Support-Leitung freigeben. · Gutschrift: 12.500,00\u00a0€",
    );
    const ja = reader("ja");
    expect(auditDetailText({ ...detail, currency: "JPY" }, ja.t, ja.has, ja.f)).toContain(
      "重要顧客への￥10,000を超えるクレジットにはサポートリーダーの承認が必要です。",
    );
  });

  it("reads the English reasons of entries written before 0055 in the reader's language", () => {
    const ja = reader("ja");
    const old = { reasons: ["Expediting for a standard account needs a support lead.", "Call Erika first."] };
    expect(auditDetailText(old, ja.t, ja.has, ja.f)).toContain(
      "標準顧客の特急対応にはサポートリーダーの承認が必要です。 Call Erika first.",
    );
  });

  it("names protocol sides and account tiers, and gives targets as durations", () => {
    const de = reader("de");
    const text = auditDetailText(
      { version: 3, side: "customer", tier: "key", firstResponseMinutes: 240 },
      de.t,
      de.has,
      de.f,
    );
    expect(text).toContain("Seite: Kunde");
    expect(text).toContain("Stufe: Schlüsselkunde");
    expect(text).toContain(`Erste Reaktion: ${de.f.duration(240)}`);
  });

  it("formats numbers and leaves ids out", () => {
    const de = reader("de");
    expect(auditDetailText({ items: 1234, intoNumber: 1042, intoId: "0b0…" }, de.t, de.has, de.f)).toBe(
      "Einträge: 1.234 · zusammengeführt in: 1042",
    );
  });

  it("names a staff actor's role from the stored key, and reads old English labels the same way", () => {
    const de = reader("de");
    expect(actorText("Alex", "support_agent", de.t)).toBe("Alex (Support-Mitarbeiter)");
    expect(actorText("Alex (support agent)", null, de.t)).toBe("Alex (Support-Mitarbeiter)");
    expect(actorText("Alex Agent (staff)", "support_lead", de.t)).toBe("Alex Agent (Support-Leitung)");
    expect(actorText("erika@nordwind.example", null, de.t)).toBe("erika@nordwind.example");
    const en = reader("en");
    expect(actorText("Alex", "support_agent", en.t)).toBe("Alex (support agent)");
    expect(actorText("Alex", "support_agent", reader("ja").t)).toBe("Alex（サポート担当）");
  });
});
