import { describe, expect, it } from "vitest";
import { negotiateLocale, resolveLocale } from "./locales";

describe("locale choice", () => {
  it("takes the user's preference over the account's default and the browser", () => {
    expect(resolveLocale({ user: "en", account: "de", acceptLanguage: "ja" })).toBe("en");
  });

  it("falls back to the account's default when the user chose none", () => {
    expect(resolveLocale({ user: null, account: "ja", acceptLanguage: "de" })).toBe("ja");
  });

  it("falls back to Accept-Language, then English", () => {
    expect(resolveLocale({ acceptLanguage: "fr-CH, de;q=0.8, en;q=0.5" })).toBe("de");
    expect(resolveLocale({ acceptLanguage: "fr, es" })).toBe("en");
    expect(resolveLocale({})).toBe("en");
  });

  it("ignores unsupported stored values rather than failing", () => {
    expect(resolveLocale({ user: "xx", account: "fr", acceptLanguage: null })).toBe("en");
  });

  it("orders Accept-Language by weight and skips q=0", () => {
    expect(negotiateLocale("en;q=0.2, ja-JP;q=0.9")).toBe("ja");
    expect(negotiateLocale("de;q=0, en")).toBe("en");
    expect(negotiateLocale("DE-at")).toBe("de");
    expect(negotiateLocale("*")).toBeNull();
    expect(negotiateLocale("garbage;;q=x,,")).toBeNull();
  });
});
