// Per-order SLA facts (GET /api/v1/orders rows, the order detail and the CSV export) add up to
// the scorecard: for every demo account, every KPI of its fiscal year and of every quarter,
// period and week in it equals the sum of the facts of the orders in that period.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { setDb } from "../../app/server/db.server";
import type { OrderSlaFacts } from "../../app/domain/sla/order-facts";
import { orderSlaFactsSchema } from "../../app/server/sla/order-facts-schema";
import type { Scorecard } from "../../app/server/sla/scorecard.server";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { parseCsv } from "../support/csv";
import type { TestDb } from "../support/db";
import { Browser, startPortal, type TestPortal } from "../support/portal";

process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";
process.env.SIGHTLINE_SIMULATE = "off";

let handle: TestDb;
let portal: TestPortal;
let ip = 1;
const browser = () => new Browser(portal.url, `198.51.100.${ip++}`);

beforeAll(async () => {
  handle = await createSeededTestDb({ ordersPerTenant: 250 });
  setDb(handle);
  portal = await startPortal(handle);
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await handle?.close();
});

type Row = { id: string; orderNumber: string; sla: OrderSlaFacts };

async function allRows(b: Browser, query: string): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 200; page++) {
    const res = await b.get(
      `/api/v1/orders?${query}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Row[]; page: { next: string | null } };
    rows.push(...body.data);
    cursor = body.page.next;
    if (!cursor) return rows;
  }
  throw new Error("too many pages");
}

async function scorecard(b: Browser, period: string): Promise<Scorecard> {
  const res = await b.get(`/api/v1/sla/scorecard?period=${period}`);
  expect(res.status, period).toBe(200);
  return ((await res.json()) as { data: Scorecard }).data;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const pct = (num: number, den: number) => (den > 0 ? round2((100 * num) / den) : null);

/** The scorecard's KPIs, recomputed by adding up per-order facts. */
function kpisFromFacts(facts: OrderSlaFacts[]) {
  const m = facts.filter((f) => f.measured);
  const count = (p: (f: OrderSlaFacts) => boolean) => m.filter(p).length;
  const sum = (p: (f: OrderSlaFacts) => number) => m.reduce((s, f) => s + p(f), 0);
  const unitsOrdered = round2(sum((f) => f.units.ordered));
  const unitsShipped = round2(sum((f) => f.units.shipped));
  const lead = m.filter((f) => f.leadTimeBusinessMinutes !== null);
  const leadSum = lead.reduce((s, f) => s + f.leadTimeBusinessMinutes!, 0);
  return {
    measured: m.length,
    otif: {
      numerator: count((f) => f.otif === true),
      value: pct(
        count((f) => f.otif === true),
        m.length,
      ),
    },
    onTime: {
      numerator: count((f) => f.onTime === true),
      value: pct(
        count((f) => f.onTime === true),
        m.length,
      ),
    },
    inFull: {
      numerator: count((f) => f.inFull === true),
      value: pct(
        count((f) => f.inFull === true),
        m.length,
      ),
    },
    fillRateUnits: { numerator: unitsShipped, denominator: unitsOrdered, value: pct(unitsShipped, unitsOrdered) },
    fillRateLines: {
      numerator: sum((f) => f.lines.filled),
      denominator: sum((f) => f.lines.ordered),
      value: pct(
        sum((f) => f.lines.filled),
        sum((f) => f.lines.ordered),
      ),
    },
    leadTime: { denominator: lead.length, value: lead.length ? round2(leadSum / lead.length / 60) : null },
  };
}

function expectEqual(sc: Scorecard, facts: OrderSlaFacts[], label: string) {
  const want = kpisFromFacts(facts);
  expect(sc.orders.measured, `${label} measured`).toBe(want.measured);
  const k = Object.fromEntries(sc.kpis.map((x) => [x.id, x]));
  for (const id of ["otif", "onTime", "inFull"] as const) {
    expect(k[id].numerator, `${label} ${id}`).toBe(want[id].numerator);
    expect(k[id].value, `${label} ${id}`).toBe(want[id].value);
  }
  for (const id of ["fillRateUnits", "fillRateLines"] as const) {
    expect(Number(k[id].numerator), `${label} ${id} num`).toBeCloseTo(want[id].numerator, 2);
    expect(Number(k[id].denominator), `${label} ${id} den`).toBeCloseTo(want[id].denominator, 2);
    expect(k[id].value, `${label} ${id}`).toBe(want[id].value);
  }
  expect(k.leadTime.denominator, `${label} lead time orders`).toBe(want.leadTime.denominator);
  expect(k.leadTime.value, `${label} lead time`).toBe(want.leadTime.value);
}

describe("per-order SLA facts", () => {
  it("add up to every KPI of the fiscal year and of each of its quarters, periods and weeks, for every account", async () => {
    for (const t of DEMO_TENANTS) {
      const b = browser();
      expect((await b.signIn(`admin@${t.emailDomain}`)).status).toBe(302);
      const year = await scorecard(b, "this-year");
      const fy = Number(year.period.id.slice(2, 6));
      const rows = await allRows(b, `fiscal=FY${fy}`);
      for (const r of rows) orderSlaFactsSchema.parse(r.sla);
      const facts = rows.map((r) => r.sla);
      expectEqual(year, facts, `${t.slug} FY${fy}`);
      const periods = await (await b.get(`/api/v1/calendar/periods?year=${fy}`)).json();
      const structure = periods.data as {
        quarters: { quarter: number }[];
        periods: { period: number }[];
        weeks: { week: number }[];
      };
      const pad = (n: number) => String(n).padStart(2, "0");
      const keys = [
        ...structure.quarters.map((q) => ({
          id: `FY${fy}-Q${q.quarter}`,
          in: (f: OrderSlaFacts) => f.fiscal?.quarter === q.quarter,
        })),
        ...structure.periods.map((p) => ({
          id: `FY${fy}-P${pad(p.period)}`,
          in: (f: OrderSlaFacts) => f.fiscal?.period === p.period,
        })),
        ...structure.weeks.map((w) => ({
          id: `FY${fy}-W${pad(w.week)}`,
          in: (f: OrderSlaFacts) => f.fiscal?.week === w.week,
        })),
      ];
      for (const key of keys) expectEqual(await scorecard(b, key.id), facts.filter(key.in), `${t.slug} ${key.id}`);
      expect(
        facts.some((f) => f.measured && f.otif === false),
        `${t.slug} has misses`,
      ).toBe(true);
    }
  }, 300_000);

  it("says why an order is not measured, and how late a late one was", async () => {
    const b = browser();
    await b.signIn("viewer@acme.example");
    const rows = await allRows(b, "status=in_transit,cancelled");
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.sla.measured).toBe(false);
      expect(["not-delivered", "cancelled", "no-promised-date"]).toContain(r.sla.notMeasuredReason);
    }
    const late = await allRows(b, "ontime=missed");
    expect(late.length).toBeGreaterThan(0);
    for (const r of late) {
      expect(r.sla.lateBusinessMinutes, r.orderNumber).not.toBeNull();
      expect(["late", "late-and-short"]).toContain(r.sla.missReason);
    }
    const detail = await (await b.get(`/api/v1/orders/${late[0].id}`)).json();
    expect(detail.data.sla).toEqual(late[0].sla);
  });

  it("are in the CSV export, one column per fact", async () => {
    const b = browser();
    await b.signIn("viewer@acme.example");
    const res = await b.get("/orders/export.csv?otif=missed");
    expect(res.status).toBe(200);
    const [header, ...lines] = parseCsv((await res.text()).replace(/^\uFEFF/, ""));
    const col = (name: string) => header.indexOf(name);
    for (const h of [
      "SLA measured",
      "Fiscal period",
      "OTIF",
      "Missed because",
      "Late by (business minutes)",
      "Calendar version",
    ]) {
      expect(col(h), h).toBeGreaterThan(-1);
    }
    const api = await allRows(b, "otif=missed");
    expect(lines.length).toBe(api.length);
    const byNumber = new Map(api.map((r) => [r.orderNumber, r.sla]));
    for (const line of lines) {
      const sla = byNumber.get(line[col("Order number")])!;
      expect(line[col("OTIF")]).toBe("no");
      expect(line[col("Missed because")]).toBe(sla.missReason);
      expect(line[col("Late by (business minutes)")]).toBe(String(sla.lateBusinessMinutes));
      expect(line[col("Calendar version")]).toBe(String(sla.calendarVersion));
    }
  });
});
