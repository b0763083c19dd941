import { describe, expect, it } from "vitest";
import { LATE_BUCKETS, lateBucketOf, summariseMisses, type MissCountRow, type MissFilter } from "./misses";

const row = (r: Partial<MissCountRow> & { orders: number }): MissCountRow => ({
  onTime: true,
  inFull: true,
  siteId: "s1",
  carrier: "DHL",
  priority: "standard",
  lateBucket: null,
  ...r,
});

describe("late buckets", () => {
  it("partition business minutes from 0: up to 4 h, 4–8 h, 8–24 h, more", () => {
    expect([0, 240, 241, 480, 481, 1440, 1441, 99_999].map(lateBucketOf)).toEqual([
      "upTo4h",
      "upTo4h",
      "upTo8h",
      "upTo8h",
      "upTo24h",
      "upTo24h",
      "over24h",
      "over24h",
    ]);
    expect(lateBucketOf(null)).toBeNull();
    expect(LATE_BUCKETS.map((b) => b.id)).toEqual(["upTo4h", "upTo8h", "upTo24h", "over24h"]);
  });
});

describe("summariseMisses", () => {
  const rows = [
    row({ orders: 10 }),
    row({ onTime: false, lateBucket: "upTo4h", orders: 3 }),
    row({ onTime: false, lateBucket: "over24h", carrier: "UPS", orders: 2 }),
    row({ inFull: false, siteId: "s2", orders: 4 }),
    row({ onTime: false, inFull: false, lateBucket: "upTo8h", carrier: null, priority: "critical", orders: 1 }),
    row({ carrier: "UPS", orders: 2 }),
  ];
  const links: MissFilter[] = [];
  const s = summariseMisses(
    rows,
    (f) => {
      links.push(f);
      return links.length - 1;
    },
    { sites: ["s1", "s2", "s3"], priorities: ["critical", "expedited", "standard"] },
  );

  it("splits the misses by reason and the late ones by how late", () => {
    expect(s.measured).toBe(22);
    expect(s.missed.orders).toBe(10);
    expect([s.reasons.late.orders, s.reasons.short.orders, s.reasons["late-and-short"].orders]).toEqual([5, 4, 1]);
    expect(s.lateBy.map((b) => [b.bucket.id, b.orders])).toEqual([
      ["upTo4h", 3],
      ["upTo8h", 1],
      ["upTo24h", 0],
      ["over24h", 2],
    ]);
    expect(s.lateUnrecorded).toBe(0);
    expect(links[s.reasons.short.link]).toEqual({ reason: "short" });
    expect(links[s.lateBy[1].link]).toEqual({ late: LATE_BUCKETS[1] });
  });

  it("groups by site (every site, even without orders), carrier (worst first) and priority with miss rates", () => {
    expect(s.bySite.map((g) => [g.key, g.measured, g.missed.orders, g.missRate])).toEqual([
      ["s1", 18, 6, 33.33],
      ["s2", 4, 4, 100],
      ["s3", 0, 0, null],
    ]);
    expect(s.byCarrier.map((g) => [g.key, g.measured, g.missed.orders])).toEqual([
      ["DHL", 17, 7],
      ["UPS", 4, 2],
      ["", 1, 1],
    ]);
    const none = s.byCarrier.find((g) => g.key === "")!;
    expect(links[none.missed.link]).toEqual({ carrier: { name: null }, reason: "any" });
    expect(s.byPriority.map((g) => [g.key, g.missed.orders])).toEqual([
      ["critical", 1],
      ["expedited", 0],
      ["standard", 9],
    ]);
    const critical = s.byPriority[0];
    expect(links[critical.reasons["late-and-short"].link]).toEqual({ priority: "critical", reason: "late-and-short" });
  });
});
