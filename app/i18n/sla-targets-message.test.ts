// The SLA page's targets line names the account's tier in the reader's language, never its code.
import { describe, expect, it } from "vitest";
import { translator } from "./catalogue";

const line = (locale: "en" | "de" | "ja", tier: string) =>
  translator(locale)("sla.targets", { source: "tier", tier, days: 0, pct: 2 });

describe("the SLA targets line", () => {
  it("names each tier in English, German and Japanese", () => {
    expect(line("en", "key")).toContain("the defaults of the Key tier");
    expect(line("de", "key")).toContain("Stufe „Schlüsselkunde“");
    expect(line("ja", "strategic")).toContain("戦略ティアの既定値");
    expect(line("de", "standard")).toContain("Stufe „Standard“");
  });

  it("never shows the tier's code", () => {
    for (const locale of ["en", "de", "ja"] as const)
      for (const tier of ["strategic", "key", "standard"]) expect(line(locale, tier)).not.toContain(` ${tier} `);
  });
});
