// GET /api/v1/orders documents its query string with orderListQuerySchema (zod, the OpenAPI
// parameters are generated from it), while parseOrderQuery reads it by hand (the list page's
// browser bundle stays free of zod). This holds the two together: the same parameter names, and
// every sample value (documented values, and values outside them) accepted or refused by both.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { parseOrderQuery } from "#app/domain/orders/query";
import { inlineSchema } from "#app/server/api/openapi/zod";
import { API_MAX_LIMIT, orderListQuerySchema } from "#app/server/orders/api-schema";

const shape = orderListQuerySchema.shape as Record<string, z.ZodType>;
type Json = { type?: string; enum?: string[]; format?: string; items?: Json; maxLength?: number };

class RecordingParams extends URLSearchParams {
  read = new Set<string>();
  override get(name: string) {
    this.read.add(name);
    return super.get(name);
  }
  override getAll(name: string) {
    this.read.add(name);
    return super.getAll(name);
  }
  override has(name: string) {
    this.read.add(name);
    return super.has(name);
  }
}

const parserAccepts = (name: string, value: string) => {
  const r = parseOrderQuery(new URLSearchParams([[name, value]]), { maxLimit: API_MAX_LIMIT });
  return r.ok || !(name in r.errors);
};

function jsonOf(name: string): Json {
  const s = inlineSchema(shape[name]!) as Json & { anyOf?: Json[] };
  return s.anyOf?.find((x) => x.type !== "null") ?? s;
}

const schemaAccepts = (name: string, value: string) => {
  const json = jsonOf(name);
  const input =
    json.type === "array" ? [value] : json.type === "integer" ? (/^-?\d+$/.test(value) ? Number(value) : value) : value;
  return shape[name]!.safeParse(input).success;
};

/** Values the document allows for a parameter, and values it does not. */
function samples(name: string): { good: string[]; bad: string[] } {
  const json = jsonOf(name);
  const item = json.type === "array" ? json.items! : json;
  if (item.enum) return { good: item.enum, bad: ["zzz"] };
  if (item.format === "date") return { good: ["2026-03-31", "2024-02-29"], bad: ["2026-02-30", "31/03/2026"] };
  if (item.format === "uuid") return { good: ["3f2504e0-4f89-41d3-9a0c-0305e82c3301"], bad: ["site-1"] };
  if (item.type === "integer")
    return name === "limit"
      ? { good: ["1", String(API_MAX_LIMIT)], bad: ["0", String(API_MAX_LIMIT + 1), "ten"] }
      : { good: ["0", "240"], bad: ["-1", "ten"] };
  if (name === "fiscal") return { good: ["FY2026", "FY2026-Q2", "FY2026-P03", "FY2026-W07"], bad: ["2026-P03"] };
  if (name === "cursor") return { good: ["abc_DEF-12"], bad: ["not a cursor!"] };
  return { good: ["DHL", "SO-1000"], bad: ["x".repeat((item.maxLength ?? 0) + 1)] };
}

describe("GET /api/v1/orders query: the documented schema and the parser agree", () => {
  it("names the same parameters", () => {
    const params = new RecordingParams();
    parseOrderQuery(params);
    expect([...params.read].sort()).toEqual(Object.keys(shape).sort());
  });

  for (const name of Object.keys(shape)) {
    it(`${name}: documented values parse, others are refused by both`, () => {
      const { good, bad } = samples(name);
      for (const v of good) expect([v, parserAccepts(name, v), schemaAccepts(name, v)]).toEqual([v, true, true]);
      for (const v of bad) expect([v, parserAccepts(name, v), schemaAccepts(name, v)]).toEqual([v, false, false]);
    });
  }
});
