import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";
import { isLocalDate, parseOrderQuery, prefixUpperBound, queryToParams } from "./query";
import { endOfLocalDayExclusive, localToday, startOfLocalDay } from "./time";

const parse = (q: string) => parseOrderQuery(new URLSearchParams(q));

describe("parseOrderQuery", () => {
  it("reads repeated and comma-separated multi-value filters", () => {
    const r = parse("status=shipped,in_transit&status=delivered&priority=critical");
    expect(r.ok && r.query.filters.status).toEqual(["shipped", "in_transit", "delivered"]);
    expect(r.ok && r.query.filters.priority).toEqual(["critical"]);
  });

  it("reads the SLA miss filters (lateness range, carriers) and writes them back the same", () => {
    const r = parse("late_over=240&late_upto=480&carrier=DHL%20Freight&carrier=UPS&no_carrier=1&ontime=missed");
    expect(r.ok && r.query.filters.sla).toEqual({
      measured: false,
      fill: null,
      leadTimeOver: null,
      lateOver: 240,
      lateUpTo: 480,
      carrier: ["DHL Freight", "UPS"],
      noCarrier: true,
    });
    if (r.ok)
      expect(queryToParams(r.query).toString()).toBe(
        "ontime=missed&late_over=240&late_upto=480&carrier=DHL+Freight&carrier=UPS&no_carrier=1",
      );
    const bad = parse(`late_over=4h&late_upto=-1&carrier=${"x".repeat(65)}&no_carrier=perhaps`);
    expect(bad.ok === false && Object.keys(bad.errors).sort()).toEqual([
      "carrier",
      "late_over",
      "late_upto",
      "no_carrier",
    ]);
    const reversed = parse("late_over=480&late_upto=240");
    expect(reversed.ok === false && Object.keys(reversed.errors)).toEqual(["late_upto"]);
  });

  it("defaults to newest orders first, 50 a page", () => {
    const r = parse("");
    expect(r.ok && [r.query.sort, r.query.dir, r.query.limit]).toEqual(["ordered", "desc", 50]);
  });

  it("names every invalid parameter", () => {
    const r = parse(
      "status=lost&site=x&ordered_from=2026-02-30&promised_from=2026-05-02&promised_to=2026-05-01&late=maybe&sort=cost&dir=up&limit=0&fiscal=2026",
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(Object.keys(r.errors).sort()).toEqual(
        ["dir", "fiscal", "late", "limit", "ordered_from", "promised_to", "site", "sort", "status"].sort(),
      );
  });

  it("splits late into late now (open), delivered late and either; late=1 from older links means either", () => {
    const late = (q: string) => {
      const r = parse(q);
      return r.ok ? r.query.filters.late : r.errors;
    };
    expect(late("late=open")).toBe("open");
    expect(late("late=delivered")).toBe("delivered");
    expect(late("late=any")).toBe("any");
    expect(late("late=1")).toBe("any");
    expect(late("late=0")).toBe(null);
    expect(late("late=soon")).toEqual({ late: "Late is open, delivered or any." });
  });

  it("reads due=today|week and rejects other values", () => {
    const r = parse("due=week");
    expect(r.ok && r.query.filters.due).toBe("week");
    expect(parse("due=month").ok).toBe(false);
  });

  it("reads SLA drill-down keys", () => {
    const r = parse("fiscal=FY2026-P03&otif=missed");
    expect(r.ok && r.query.filters.fiscal).toEqual({ granularity: "period", fiscalYear: 2026, index: 3 });
    expect(r.ok && r.query.filters.metrics).toEqual({ otif: "missed" });
  });

  it("never throws, whatever the query string", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (k, v) => {
        const p = new URLSearchParams();
        p.append(k, v);
        for (const name of ["status", "site", "q", "ordered_from", "late", "sort", "dir", "cursor", "limit", "fiscal"])
          p.append(name, v);
        const r = parseOrderQuery(p);
        expect(typeof r.ok).toBe("boolean");
      }),
    );
  });

  it("round-trips: the canonical form of a parsed query parses to the same query", () => {
    const arb = fc.record({
      status: fc.subarray(["shipped", "delivered", "on_hold"]),
      q: fc.option(fc.stringMatching(/^[A-Z0-9-]{1,10}$/), { nil: undefined }),
      late: fc.constantFrom(null, "1", "open", "delivered", "any"),
      due: fc.constantFrom(null, "today", "week"),
      sort: fc.constantFrom("ordered", "number", "promised"),
      dir: fc.constantFrom("asc", "desc"),
      from: fc.option(fc.constantFrom("2026-01-01", "2026-03-31"), { nil: undefined }),
    });
    fc.assert(
      fc.property(arb, (a) => {
        const p = new URLSearchParams();
        for (const s of a.status) p.append("status", s);
        if (a.q) p.set("q", a.q);
        if (a.late) p.set("late", a.late);
        if (a.due) p.set("due", a.due);
        if (a.from) p.set("ordered_from", a.from);
        p.set("sort", a.sort);
        p.set("dir", a.dir);
        const first = parseOrderQuery(p);
        if (!first.ok) throw new Error("valid input rejected");
        const second = parseOrderQuery(queryToParams(first.query));
        expect(second.ok && { ...second.query, cursor: null }).toEqual({ ...first.query, cursor: null });
      }),
    );
  });
});

describe("prefix ranges", () => {
  it('bounds every string that starts with the prefix and nothing that sorts after it (UTF-8 byte order, as COLLATE "C")', () => {
    const hi = Buffer.from(prefixUpperBound("SO-10"));
    const lo = Buffer.from("SO-10");
    const inRange = (s: string) => Buffer.compare(Buffer.from(s), lo) >= 0 && Buffer.compare(Buffer.from(s), hi) < 0;
    for (const s of ["SO-10", "SO-100000", "SO-10\uFFFF", "SO-10zzz", "SO-10é"]) expect(inRange(s), s).toBe(true);
    for (const s of ["SO-11", "SO-2", "SO-1"]) expect(inRange(s), s).toBe(false);
  });
});

describe("local dates", () => {
  it("accepts real dates only", () => {
    expect(isLocalDate("2024-02-29")).toBe(true);
    expect(isLocalDate("2026-02-29")).toBe(false);
    expect(isLocalDate("2026-1-01")).toBe(false);
  });

  it("turns a local day into the instants it spans, across a DST change", () => {
    // 2026-03-08 is the spring-forward day in Chicago: 23 hours long.
    const start = startOfLocalDay("2026-03-08", "America/Chicago");
    const end = endOfLocalDayExclusive("2026-03-08", "America/Chicago");
    expect(start.toISOString()).toBe("2026-03-08T06:00:00.000Z");
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(23);
  });

  it("knows that it is already tomorrow in Tokyo", () => {
    const now = new Date("2026-03-02T20:00:00Z");
    expect(localToday("Asia/Tokyo", now)).toBe("2026-03-03");
    expect(localToday("America/Chicago", now)).toBe("2026-03-02");
  });
});

describe("CSV cells", () => {
  it("quotes separators, quotes and line breaks", () => {
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvRow(["x", null, 3])).toBe("x,,3\r\n");
  });

  it("neutralises formula starts but keeps negative numbers", () => {
    expect(csvCell("=1+2")).toBe("'=1+2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("+49 30 1234")).toBe("'+49 30 1234");
    expect(csvCell("-12.50")).toBe("-12.50");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
  });
});
