// Generated `redirectTo` values for open-redirect tests: the tricks a browser or URL parser
// turns into another origin (protocol-relative `//host`, backslashes, tabs and newlines that
// parsers drop, dot segments that collapse to `//`, percent-encoded dots and slashes, schemes,
// user-info, non-Latin text), mixed with ordinary portal paths, plus arbitrary strings.
import fc from "fast-check";

export const EVIL_HOST = "evil.example";

const prefixes = [
  "/",
  "//",
  "///",
  "/\\",
  "\\",
  "\\\\",
  "/\t/",
  "/\n/",
  "/\r\n/",
  "\t//",
  " //",
  "/./",
  "/.//",
  "/..//",
  "/a/..//",
  "/%2e//",
  "/%2f/",
  "/%5c",
  "/%09/",
  "https:",
  "https://",
  "http:/",
  "javascript:",
  "data:text/html,",
  "/@",
  "//user@",
  "/\u3000/",
  "/\u0085/",
  "/\u2028/",
  "/\u00a0/",
];
const hosts = [
  EVIL_HOST,
  `${EVIL_HOST}:443`,
  `${EVIL_HOST}/orders`,
  "127.0.0.1:1",
  "%65vil.example",
  "ｅｖｉｌ.example",
];
const paths = ["orders", "orders/1?status=late", "sla#miss", "settings/audit", "escalations/new", "東京", "a b"];

/** One hostile or ordinary redirect target. */
export const redirectTarget: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom(...prefixes), fc.constantFrom(...hosts, ...paths)).map(([p, h]) => p + h),
  fc
    .tuple(fc.constantFrom(...prefixes), fc.constantFrom(...prefixes), fc.constantFrom(...hosts))
    .map(([a, b, h]) => a + b + h),
  fc.constantFrom(...paths).map((p) => `/${p}`),
  fc.string({ unit: "grapheme-composite", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }).map((s) => `/${s}`),
);

/**
 * Where a browser that was redirected to `location` from a page of `portal` ends up; null when
 * the header could not be read as a URL at all.
 */
export function landsOn(location: string, portal: string): URL | null {
  try {
    return new URL(location, portal);
  } catch {
    return null;
  }
}
