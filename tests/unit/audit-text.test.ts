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
      "Gutschrift: 1.500 · Entscheidung: abgelehnt",
    );
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
