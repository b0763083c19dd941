// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, makeToken, mount, scriptFetch, shadow } from "../../test-support";
import "./sla-scorecard";
import type { SightlineSlaScorecard } from "./sla-scorecard.component";

const kpi = (id: string, value: number | null, target: number, met: boolean | null, unit = "%") => ({
  id,
  label: id === "otif" ? "OTIF" : id,
  unit,
  value,
  target,
  met,
});

const card = (
  kpis = [
    kpi("otif", 91.5, 95, false),
    kpi("onTime", 97, 95, true),
    kpi("leadTime", 30.25, 48, true, "business hours"),
  ],
) => ({
  data: {
    tenant: { timeZone: "Europe/Berlin" },
    period: { id: "FY2026-Q2", label: "Q2 FY2026" },
    kpis,
    trend: [
      { id: "a", label: "P1", otif: 90, onTime: 95, inFull: 99 },
      { id: "b", label: "P2", otif: 92, onTime: 96, inFull: 98 },
    ],
  },
});

const tag = (attrs = 'period="FY2026-Q2"') =>
  `<sightline-sla-scorecard no-live api-base="https://portal.test" token="${makeToken()}" ${attrs}></sightline-sla-scorecard>`;

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

describe("<sightline-sla-scorecard>", () => {
  it("shows each KPI against its target, met or missed in words, with a trend for trended KPIs", async () => {
    const calls = scriptFetch(() => json(card()));
    const el = await mount<SightlineSlaScorecard>(tag());
    expect(new URL(calls[0].url).searchParams.get("period")).toBe("FY2026-Q2");
    const tiles = [...shadow(el).querySelectorAll(".tile")];
    expect(tiles).toHaveLength(3);
    expect(tiles[0].getAttribute("part")).toBe("tile missed");
    expect(tiles[0].textContent).toContain("OTIF");
    expect(tiles[0].textContent).toMatch(/91[.,]5%/);
    expect(tiles[0].textContent).toContain("missed");
    expect(tiles[0].querySelector("svg")).not.toBeNull();
    expect(tiles[2].textContent).toMatch(/30[.,]3 h/);
    expect(tiles[2].querySelector("svg")).toBeNull();
    expect(shadow(el).querySelector("h2")?.textContent).toContain("Q2 FY2026");
  });

  it("reserves the tiles while loading and says when nothing was measured", async () => {
    let release: (r: Response) => void = () => undefined;
    scriptFetch(() => new Promise<Response>((r) => (release = r)));
    const el = await mount<SightlineSlaScorecard>(tag());
    expect(shadow(el).querySelectorAll(".tile.skeleton")).toHaveLength(4);
    release(json(card([kpi("otif", null, 95, null)])));
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(shadow(el).querySelector("[role=status]")?.textContent).toContain("No measured orders");
  });

  it("shows a bad period's problem detail", async () => {
    scriptFetch(() => json({ detail: "period is not a period." }, 400));
    const el = await mount<SightlineSlaScorecard>(tag('period="nonsense"'));
    expect(shadow(el).querySelector("[role=alert]")?.textContent).toContain("period is not a period.");
  });
});
