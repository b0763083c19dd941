import { describe, expect, it } from "vitest";
import { auditFilterQuery, auditFilterSchema, olderEntriesHref, parseAuditFilters } from "./filters";

const schema = auditFilterSchema(["person", "system"] as const, ["user", "calendar"] as const);
const parse = (query: string) => parseAuditFilters(schema, new URL(`http://portal.test/audit?${query}`));

describe("audit filters in the query string", () => {
  it("reads who acted, what it concerns, the dates and the page cursor", () => {
    expect(parse("actor=person&entity=user&from=2026-11-01&to=2026-11-30&before=42")).toEqual({
      actor: "person",
      entity: "user",
      from: "2026-11-01",
      to: "2026-11-30",
      before: 42,
    });
  });

  it("reads a value that does not fit, and an empty field, as not filtered", () => {
    expect(parse("actor=robot&entity=&from=2026-13-45&before=-3")).toEqual({});
  });

  it("writes the filters back without the page cursor", () => {
    expect(auditFilterQuery({ actor: "person", from: "2026-11-01", before: 42 }).toString()).toBe(
      "actor=person&from=2026-11-01",
    );
  });

  it("links to older entries with the same filters", () => {
    expect(olderEntriesHref({ actor: "person", before: 42 }, 17)).toBe("?actor=person&before=17");
  });
});
