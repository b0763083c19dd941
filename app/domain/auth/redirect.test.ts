// safeRedirect against generated targets: whatever it returns lands on the portal's origin,
// whichever page the browser resolves it from, and ordinary portal paths survive unchanged.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EVIL_HOST, redirectTarget } from "../../../tests/support/redirect-corpus";
import { safeRedirect } from "./redirect";

const PORTAL = "https://portal.example";
const FALLBACK = "/orders";

describe("safeRedirect", () => {
  it("returns only paths that resolve to the portal's origin, from any page of it (generated targets)", () => {
    fc.assert(
      fc.property(redirectTarget, fc.constantFrom("/login", "/a/b/c", "/"), (target, page) => {
        const out = safeRedirect(target, FALLBACK, PORTAL);
        expect(out.startsWith("/") && !out.startsWith("//")).toBe(true);
        // Printable ASCII only: nothing a parser could drop, and a valid Location header.
        expect(out).toMatch(/^[\x21-\x7e]+$/);
        expect(out).not.toContain("\\");
        expect(new URL(out, PORTAL + page).origin).toBe(PORTAL);
        // Relative to the page, so it also stays on whatever host the browser used.
        expect(new URL(out, "http://other.test/x").host).toBe("other.test");
      }),
      { numRuns: 5_000 },
    );
  });

  it("refuses the tab, newline and backslash tricks the attack report used", () => {
    for (const t of [
      "/\t/evil.example",
      "/\n/evil.example",
      "/\\evil.example",
      "/\r\nSet-Cookie:x=1",
      "//evil.example",
    ])
      expect(safeRedirect(t, FALLBACK, PORTAL), JSON.stringify(t)).toBe(FALLBACK);
  });

  it("refuses dot segments and encodings that collapse to another host", () => {
    for (const t of ["/.//evil.example", "/a/..//evil.example", "/%2e//evil.example"])
      expect(safeRedirect(t, FALLBACK, PORTAL), t).toBe(FALLBACK);
    expect(safeRedirect(`/%2f${EVIL_HOST}`, FALLBACK, PORTAL)).toBe(`/%2f${EVIL_HOST}`);
  });

  it("keeps ordinary portal paths with their query and fragment", () => {
    for (const t of ["/orders", "/orders/1?status=late&view=2", "/sla#miss", "/settings/audit"])
      expect(safeRedirect(t, FALLBACK, PORTAL)).toBe(t);
  });

  it("percent-encodes non-Latin text instead of failing on it", () => {
    expect(safeRedirect("/orders?q=東京", FALLBACK, PORTAL)).toBe("/orders?q=%E6%9D%B1%E4%BA%AC");
  });

  it("falls back for empty, absolute and scheme targets", () => {
    for (const t of [null, undefined, "", "https://evil.example/", "javascript:alert(1)", "orders"])
      expect(safeRedirect(t, FALLBACK, PORTAL)).toBe(FALLBACK);
  });
});
