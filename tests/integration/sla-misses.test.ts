// "Why orders missed" end to end on seeded demo data: every count of the scorecard's miss breakdown
// (by reason, by how late, by site, carrier and priority) equals the rows of the order list its
// link opens, and those rows carry the reason that put them there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "#app/server/db.server";
import type { Scorecard } from "#app/server/sla/scorecard.server";
import type { OrderListRow } from "#app/server/orders/list.server";
import type { MissReason } from "#app/domain/sla/order-facts";
import { createSeededTestDb } from "../support/seeded-snapshot";
import type { TestDb } from "../support/db";
import { Browser, startPortal, type TestPortal } from "../support/portal";

process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";
process.env.SIGHTLINE_SIMULATE = "off";

let handle: TestDb;
let portal: TestPortal;
let ip = 1;
const browser = () => new Browser(portal.url, `198.51.100.${ip++}`);

beforeAll(async () => {
  // Acme at half its demo size: enough orders this year for each kind of miss to occur.
  handle = await createSeededTestDb({ ordersPerTenant: 400, ordersFor: { acme: 2000 } });
  setDb(handle);
  portal = await startPortal(handle);
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await handle?.close();
});

async function scorecard(b: Browser, query: string): Promise<Scorecard> {
  const res = await b.get(`/api/v1/sla/scorecard?${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: Scorecard }).data;
}

/** Every row of /api/v1/orders behind an order-list link, following cursors. */
async function rowsOf(b: Browser, link: string): Promise<OrderListRow[]> {
  const query = link.replace(/^\/orders\?/, "");
  const rows: OrderListRow[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const res = await b.get(
      `/api/v1/orders?${query}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { data: OrderListRow[]; page: { next: string | null } };
    rows.push(...body.data);
    cursor = body.page.next;
    if (!cursor) return rows;
  }
  throw new Error("too many pages");
}

const REASONS: MissReason[] = ["late", "short", "late-and-short"];

describe("why orders missed", () => {
  it("adds up: reasons to the OTIF misses, groups to the measured orders, buckets to the late ones", async () => {
    const b = browser();
    expect((await b.signIn("viewer@acme.example")).status).toBe(302);
    const sc = await scorecard(b, "period=this-year");
    const m = sc.misses;
    const otif = sc.kpis.find((k) => k.id === "otif")!;
    expect(m.measured).toBe(sc.orders.measured);
    expect(m.missed.orders).toBe(otif.missedOrders);
    // The demo data has all three kinds of miss.
    for (const r of REASONS) expect(m.reasons[r].orders, r).toBeGreaterThan(0);
    expect(REASONS.reduce((n, r) => n + m.reasons[r].orders, 0)).toBe(m.missed.orders);
    const late = m.reasons.late.orders + m.reasons["late-and-short"].orders;
    expect(m.lateBy.reduce((n, x) => n + x.orders, 0) + m.lateUnrecorded).toBe(late);
    expect(m.lateUnrecorded).toBe(0);
    for (const groups of [m.bySite, m.byCarrier, m.byPriority]) {
      expect(groups.reduce((n, g) => n + g.measured, 0)).toBe(m.measured);
      expect(groups.reduce((n, g) => n + g.missed.orders, 0)).toBe(m.missed.orders);
      for (const g of groups)
        expect(
          REASONS.reduce((n, r) => n + g.reasons[r].orders, 0),
          g.key,
        ).toBe(g.missed.orders);
    }
    expect(m.byCarrier.length).toBeGreaterThan(1);
  });

  it("links every count to exactly its orders, each row showing why it missed", async () => {
    const b = browser();
    expect((await b.signIn("viewer@acme.example")).status).toBe(302);
    const sc = await scorecard(b, "period=this-year");
    const m = sc.misses;
    const missed = await rowsOf(b, m.missed.link);
    expect(missed).toHaveLength(m.missed.orders);
    expect(missed.every((r) => r.sla.otif === false && r.sla.missReason !== null)).toBe(true);
    for (const r of REASONS) {
      const rows = await rowsOf(b, m.reasons[r].link);
      expect(rows, r).toHaveLength(m.reasons[r].orders);
      expect(rows.every((x) => x.sla.missReason === r)).toBe(true);
    }
    for (const x of m.lateBy) {
      const rows = await rowsOf(b, x.link);
      expect(rows, x.bucket.id).toHaveLength(x.orders);
      for (const row of rows) {
        expect(row.sla.onTime).toBe(false);
        const minutes = row.sla.lateBusinessMinutes!;
        if (x.bucket.overMinutes !== null) expect(minutes).toBeGreaterThan(x.bucket.overMinutes);
        if (x.bucket.upToMinutes !== null) expect(minutes).toBeLessThanOrEqual(x.bucket.upToMinutes);
      }
    }
    const check = async (kind: string, groups: typeof m.bySite, field: (r: OrderListRow) => string) => {
      for (const g of groups) {
        const rows = await rowsOf(b, g.missed.link);
        expect(rows, `${kind} ${g.key}`).toHaveLength(g.missed.orders);
        expect(rows.every((r) => field(r) === g.key && r.sla.otif === false)).toBe(true);
        for (const r of REASONS) {
          if (g.reasons[r].orders === 0) continue;
          const split = await rowsOf(b, g.reasons[r].link);
          expect(split, `${kind} ${g.key} ${r}`).toHaveLength(g.reasons[r].orders);
          expect(split.every((x) => field(x) === g.key && x.sla.missReason === r)).toBe(true);
        }
      }
    };
    await check("site", m.bySite, (r) => r.siteId);
    await check("carrier", m.byCarrier, (r) => r.carrier ?? "");
    await check("priority", m.byPriority, (r) => r.priority);
  }, 120_000);

  it("follows the selected period and site", async () => {
    const b = browser();
    expect((await b.signIn("admin@nordwind.example")).status).toBe(302);
    const all = await scorecard(b, "period=last-quarter");
    const site = all.misses.bySite[0];
    const one = await scorecard(b, `period=last-quarter&site=${site.key}`);
    expect(one.misses.measured).toBe(site.measured);
    expect(one.misses.missed.orders).toBe(site.missed.orders);
    expect(one.misses.bySite.map((s) => s.key)).toEqual([site.key]);
    const rows = await rowsOf(b, one.misses.missed.link);
    expect(rows).toHaveLength(site.missed.orders);
    expect(rows.every((r) => r.siteId === site.key && r.sla.fiscal !== null)).toBe(true);
    for (const c of one.misses.byCarrier) expect((await rowsOf(b, c.missed.link)).length).toBe(c.missed.orders);
  }, 60_000);

  it("shows the breakdown on the SLA page with links to the orders, and the reason on the list", async () => {
    const b = browser();
    await b.signIn("viewer@acme.example");
    const sc = await scorecard(b, "period=this-year");
    const html = await (await b.get("/sla?period=this-year")).text();
    expect(html).toContain("Why orders missed");
    expect(html).toContain('data-testid="misses-carrier"');
    const enc = (s: string) => s.replaceAll("&", "&amp;");
    expect(html).toContain(`href="${enc(sc.misses.reasons.late.link)}"`);
    expect(html).toContain(`href="${enc(sc.misses.byCarrier[0].missed.link)}"`);
    const list = await (await b.get(sc.misses.reasons["late-and-short"].link)).text();
    expect(list).toContain('data-testid="drill-banner"');
    expect(list).toMatch(/Late by \d+ business (hour|minute)s? · \d+ of \d+ lines? short/);
    const carrier = sc.misses.byCarrier[0].key;
    const byCarrier = await (await b.get(sc.misses.byCarrier[0].missed.link)).text();
    expect(byCarrier).toContain(`Carrier: ${carrier}`);
  });

  it("refuses malformed miss filters on the orders API with problem+json 400", async () => {
    const b = browser();
    await b.signIn("viewer@acme.example");
    for (const q of ["late_over=soon", "late_over=600&late_upto=60", `carrier=${"x".repeat(65)}`, "no_carrier=maybe"]) {
      const res = await b.get(`/api/v1/orders?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });
});

/** RFC 4180 rows of a CSV body without quotes in it (the scorecard has none), BOM dropped. */
function csvRows(body: string): string[][] {
  return body
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean)
    .map((l) => l.split(","));
}

describe("scorecard CSV", () => {
  it("has one row per fiscal period of the range, each equal to that period's scorecard, numbers as data", async () => {
    const b = browser();
    await b.signIn("viewer@acme.example");
    const now = await scorecard(b, "period=this-period");
    const fy = now.period.id.slice(0, 6);
    const res = await b.get(`/sla/scorecard.csv?from=${fy}-P01&to=this-period`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain(`scorecard-acme-${fy}-P01_${now.period.id}.csv`);
    const [header, ...rows] = csvRows(await res.text());
    expect(header.slice(0, 8)).toEqual([
      "Fiscal period",
      "First day",
      "Last day",
      "Site",
      "Orders promised",
      "Orders measured",
      "OTIF %",
      "OTIF % target",
    ]);
    expect(header.slice(-4)).toEqual(["Orders that missed OTIF", "Late only", "Short only", "Late and short"]);
    expect(rows.at(-1)![0]).toBe(now.period.id);
    const col = (name: string) => header.indexOf(name);
    for (const row of rows) {
      const sc = await scorecard(b, `period=${row[0]}`);
      const otif = sc.kpis.find((k) => k.id === "otif")!;
      const lead = sc.kpis.find((k) => k.id === "leadTime")!;
      expect([row[1], row[2]]).toEqual([sc.period.start, sc.period.end]);
      expect(Number(row[col("Orders promised")])).toBe(sc.orders.promised);
      expect(Number(row[col("Orders measured")])).toBe(sc.orders.measured);
      expect(row[col("OTIF %")]).toBe(otif.value === null ? "" : otif.value.toFixed(2));
      expect(row[col("OTIF % target met")]).toBe(otif.met === null ? "" : String(otif.met));
      expect(row[col("Average lead time (business hours)")]).toBe(lead.value === null ? "" : lead.value.toFixed(2));
      expect(Number(row[col("Orders that missed OTIF")])).toBe(otif.missedOrders);
      expect(Number(row[col("Late only")])).toBe(sc.misses.reasons.late.orders);
      expect(Number(row[col("Short only")])).toBe(sc.misses.reasons.short.orders);
      expect(Number(row[col("Late and short")])).toBe(sc.misses.reasons["late-and-short"].orders);
      // Data, not display text: dot decimals, no grouping, no % sign.
      for (const cell of row.slice(4)) expect(cell).toMatch(/^(|true|false|\d+(\.\d{1,2})?)$/);
    }
    const page = await (await b.get("/sla")).text();
    expect(page).toContain('action="/sla/scorecard.csv"');
  }, 60_000);

  it("refuses a range it cannot list with a plain 400", async () => {
    const b = browser();
    await b.signIn("viewer@acme.example");
    for (const q of [
      "from=soon",
      "from=FY2026-P01&to=FY2026-Q2",
      "from=FY2026-P06&to=FY2026-P01",
      "from=FY2020-W01&to=FY2026-W01",
      "from=FY2026-P01&site=nope",
    ]) {
      const res = await b.get(`/sla/scorecard.csv?${q}`);
      expect(res.status, q).toBe(400);
      expect((await res.text()).length, q).toBeGreaterThan(10);
    }
  });
});
