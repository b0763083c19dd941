// The quarterly review pack (issue 21), on both databases: the review page of a fiscal quarter
// shows the scorecard of that quarter — every KPI, the measured orders, perfect order and recovery
// time equal GET /api/v1/sla/scorecard?period=<the quarter> — for the customer and for staff in the
// opened account; its escalation table counts the same resolutions as its recurring-failure
// counts; the recovery plans open in the quarter are listed; each account sees its own figures;
// a period that is not a quarter gets a readable message, not an error.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { DEMO_TENANTS } from "../../db/seed/demo-tenants";
import { createFormatter } from "#app/i18n/format";
import { stopEscalationListener } from "#app/server/escalations/live.server";
import type { Scorecard } from "#app/server/sla/scorecard.server";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { describeEachDb } from "../support/db";
import { Client } from "../support/escalations";
import { startPortal, type TestPortal } from "../support/portal";

process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";
process.env.SIGHTLINE_SIMULATE = "off";

const [acme, , sakura] = DEMO_TENANTS;
const en = createFormatter("en", "UTC");

/** The figures the review page shows, read from its HTML. */
function reviewFigures(html: string) {
  const attr = (name: string) => new RegExp(`data-${name}="([^"]*)"`).exec(html)?.[1];
  const kpis = Object.fromEntries(
    [...html.matchAll(/data-kpi="(\w+)" data-value="([^"]*)"/g)].map((m) => [m[1], m[2] === "" ? null : Number(m[2])]),
  );
  const text = (testId: string) =>
    new RegExp(`data-testid="${testId}"[^>]*>([^<]*)<`).exec(html)?.[1]?.replace(/&nbsp;|\u00a0/g, " ");
  const counts = (testId: string) =>
    [...html.matchAll(new RegExp(`data-testid="${testId}-[^"]*"[\\s\\S]*?</tr>`, "g"))].map((m) => m[0]);
  return {
    quarter: attr("quarter"),
    start: attr("start"),
    end: attr("end"),
    kpis,
    perfect: text("perfect-order-value"),
    resolvedTotal: text("review-resolved-total"),
    resolvedRow: counts("resolved")[0] ?? "",
  };
}

const pct2 = (v: number | null) => (v === null ? "—" : en.percent(v / 100, 2, true));

await describeEachDb("quarterly review", (kind) => {
  let handle: DbHandle;
  let portal: TestPortal;
  let ip = 1;
  const client = () => new Client(portal.url, `198.51.100.${ip++}`);

  beforeAll(async () => {
    handle = await createSeededTestDb({ ordersPerTenant: 300 }, kind);
    portal = await startPortal(handle);
  }, 240_000);

  afterAll(async () => {
    await stopEscalationListener();
    await portal?.close();
    await handle?.close();
  });

  async function scorecard(c: Client, period: string): Promise<Scorecard> {
    const res = await c.get(`/api/v1/sla/scorecard?period=${encodeURIComponent(period)}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { data: Scorecard }).data;
  }

  async function review(c: Client, quarter: string): Promise<{ html: string; fig: ReturnType<typeof reviewFigures> }> {
    const res = await c.get(`/review?quarter=${encodeURIComponent(quarter)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    return { html, fig: reviewFigures(html) };
  }

  function expectSame(fig: ReturnType<typeof reviewFigures>, sc: Scorecard) {
    expect(fig.quarter).toBe(sc.period.id);
    expect(fig.start).toBe(sc.period.start);
    expect(fig.end).toBe(sc.period.end);
    expect(Object.keys(fig.kpis).sort()).toEqual(sc.kpis.map((k) => k.id).sort());
    for (const k of sc.kpis) expect(fig.kpis[k.id], k.id).toBe(k.value);
    expect(fig.perfect).toBe(pct2(sc.perfectOrder.value));
  }

  it("shows the scorecard of the quarter: every KPI, perfect order and recovery time as the API gives them", async () => {
    const viewer = await client().signIn("viewer@acme.example");
    const last = await scorecard(viewer, "last-quarter");
    expect(last.period.granularity).toBe("quarter");
    expect(last.orders.measured).toBeGreaterThan(0);
    // The quarter before the last one too, named by its key, so two different quarters are compared.
    const year = Number(last.period.id.slice(2, 6));
    const q = Number(last.period.id.slice(-1));
    const earlierId = q === 1 ? `FY${year - 1}-Q4` : `FY${year}-Q${q - 1}`;
    for (const sc of [last, await scorecard(viewer, earlierId)]) {
      const { html, fig } = await review(viewer, sc.period.id);
      expectSame(fig, sc);
      const measured = en.number(sc.orders.measured);
      expect(html).toContain(measured);
      const r = sc.recoveryTime;
      if (r.value !== null) expect(html).toContain(en.duration(Math.round(r.value * 60)));
      // Customers read counts, not the staff queue's links.
      expect(html).not.toContain("/staff/queue?");
    }
  });

  it("counts the quarter's resolved escalations once, by cause and level and per fiscal period", async () => {
    const viewer = await client().signIn("viewer@acme.example");
    let seen = 0;
    for (const quarter of ["this-quarter", "last-quarter"]) {
      const { fig } = await review(viewer, quarter);
      const perPeriod = [...fig.resolvedRow.matchAll(/data-count="(\d+)"/g)].reduce((s, m) => s + Number(m[1]), 0);
      if (fig.resolvedTotal === undefined) expect(perPeriod, quarter).toBe(0);
      else expect(Number(fig.resolvedTotal.replace(/,/g, "")), quarter).toBe(perPeriod);
      seen += perPeriod;
    }
    expect(seen).toBeGreaterThan(0);
  });

  it("gives staff in the opened account the same figures, with counts linking to the queue", async () => {
    const agent = await client().signIn("agent@sightline.example");
    await agent.openAccount(acme.id);
    let linked = 0;
    for (const quarter of ["last-quarter", "this-quarter"]) {
      const sc = await scorecard(agent, quarter);
      const { html, fig } = await review(agent, sc.period.id);
      expectSame(fig, sc);
      const resolved = Number((fig.resolvedTotal ?? "0").replace(/,/g, ""));
      expect(html.includes("/staff/queue?"), quarter).toBe(resolved > 0);
      linked += resolved;
    }
    expect(linked).toBeGreaterThan(0);
  });

  it("shows each account its own quarter", async () => {
    const sakuraAdmin = await client().signIn("admin@sakura.example");
    const own = await scorecard(sakuraAdmin, "last-quarter");
    const { html, fig } = await review(sakuraAdmin, own.period.id);
    expectSame(fig, own);
    expect(html).toContain(sakura.name);
    expect(html).not.toContain(acme.name);
  });

  it("lists the recovery plans open in the quarter: every plan open now is in this quarter's review, none of another account", async () => {
    const deccanAdmin = await client().signIn("admin@deccan.example");
    const planIds = (html: string) =>
      [...html.matchAll(/data-testid="recovery-plan-([^"]+)"/g)].map((m) => m[1]).sort();
    const openNow = planIds(await (await deccanAdmin.get("/sla")).text());
    expect(openNow.length).toBeGreaterThan(0);
    const { html } = await review(deccanAdmin, "this-quarter");
    expect(planIds(html)).toEqual(expect.arrayContaining(openNow));
    const acmeViewer = await client().signIn("viewer@acme.example");
    const acmePlans = planIds((await review(acmeViewer, "this-quarter")).html);
    for (const id of openNow) expect(acmePlans).not.toContain(id);
  });

  it("answers a period that is not a quarter with a message and shows the last quarter", async () => {
    const viewer = await client().signIn("viewer@acme.example");
    const last = await scorecard(viewer, "last-quarter");
    for (const param of ["FY2026-P03", "this-year", "nonsense"]) {
      const { html, fig } = await review(viewer, param);
      expect(html, param).toContain("not a fiscal quarter");
      expect(fig.quarter, param).toBe(last.period.id);
    }
  });

  it("keeps signed-out visitors out", async () => {
    const res = await client().get("/review");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("/login");
  });
});
