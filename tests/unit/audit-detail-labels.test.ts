// Every detail key the code writes into the audit trail has a catalogue label in every locale, so
// no reader sees a key spelt out in English ("assignee first name"). The keys are read from the
// code by the TypeScript checker (tests/support/audit-detail-keys.ts), not listed by hand: a new
// key written anywhere fails here until it has its en/de/ja label.
import { describe, expect, it } from "vitest";
import { messagesFor } from "#app/i18n/catalogue";
import { LOCALES } from "#app/i18n/locales";
import { auditDetailKeys } from "../support/audit-detail-keys";

// Keys the audit trail never shows (app/i18n/audit-text.ts HIDDEN): bookkeeping, ids, the currency
// shown with its amount.
const hidden = (k: string) => k === "seeded" || k === "currency" || /Id$|_id$|^id$/.test(k);

describe("audit detail labels", () => {
  const { keys, opaque } = auditDetailKeys();

  it("finds the writers (the scan reads the code, it does not come back empty)", () => {
    for (const k of ["from", "to", "requiredRole", "reasons", "creditAmount", "afterMinutes"])
      expect(keys.has(k), `key ${k} written by the escalation services`).toBe(true);
  });

  it("can list every written detail's keys (no Record<string, unknown> details)", () => {
    expect(opaque).toEqual([]);
  });

  it.each(LOCALES)("has a %s label for every key the code writes", (locale) => {
    const messages = messagesFor(locale) as Record<string, string>;
    const missing = [...keys.entries()]
      .filter(([k]) => !hidden(k) && !(`common.audit.detail.${k}` in messages))
      .map(([k, at]) => `${k} (${at[0]})`);
    expect(missing).toEqual([]);
  });
}, 120_000);
