// SLA charts and the viewer's calendar in real Chromium: the trend chart at phone and desktop
// widths (a target line, readable value labels on the points, no side-scroll, a table
// alternative), sparklines on the KPI tiles, weeks charted in a week view, and the read-only
// calendar page a viewer can open (extra working days and past years' holidays).
import { expect, test } from "./fixtures";
import { contextAs, openHydrated, seriousViolations } from "./support";

for (const width of [390, 1440]) {
  test(`the OTIF trend is readable at ${width} px: target line, labelled points, exact values`, async ({ browser }) => {
    const context = await contextAs(browser, "viewer", { viewport: { width, height: 900 } });
    const page = await context.newPage();
    await openHydrated(page, "/sla?period=this-year");
    const chart = page.getByTestId("trend-chart");
    const svg = chart.locator("svg:visible");
    await expect(svg).toHaveCount(1);
    await expect(svg.getByTestId("target-line")).toBeVisible();
    await expect(svg.getByTestId("target-line")).toContainText(/Target \d/);
    const labels = svg.getByTestId("point-label");
    expect(await labels.count()).toBeGreaterThanOrEqual(5);
    // Rendered label height: readable, not shrunk to a few pixels.
    const box = await labels.first().boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(9);
    await expect(labels.first()).toHaveText(/^\d+(\.\d)?%$/);
    // Each point is a link with its exact figures.
    const point = svg.getByTestId("trend-point").first();
    await expect(point).toHaveAttribute("aria-label", /: \d+\.\d{2}%, \d+ orders measured, target (met|missed)/);
    await expect(point).toHaveAttribute("href", /^\/orders\?fiscal=FY\d{4}-P\d{2}&otif=missed$/);
    // Sparklines on the tiles, and no side-scroll.
    expect(await page.getByTestId("sparkline").count()).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // The table alternative has the same figures.
    await chart.getByText("Show the figures as a table").click();
    await expect(chart.getByRole("table")).toBeVisible();
    await page.screenshot({ path: `test-results/sla-chart-${width}.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
}

test("a week view charts weeks", async ({ browser }) => {
  const context = await contextAs(browser, "viewer", { viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await openHydrated(page, "/sla?period=last-week");
  await expect(page.getByRole("heading", { name: /OTIF over the last 12 fiscal weeks/ })).toBeVisible();
  const hrefs = await page.getByTestId("trend-point").evaluateAll((els) => els.map((e) => e.getAttribute("href")));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const h of hrefs) expect(h).toMatch(/fiscal=FY\d{4}-W\d{2}&otif=missed$/);
  await context.close();
});

test("a viewer reads the business calendar: hours, past holidays, extra working days, versions", async ({
  browser,
}) => {
  for (const width of [390, 1440]) {
    const context = await contextAs(browser, "viewer", { viewport: { width, height: 900 } });
    const page = await context.newPage();
    await openHydrated(page, "/calendar?year=2019");
    await expect(page.getByRole("heading", { name: "Business calendar" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Public holidays 2019" })).toBeVisible();
    // Independence Day 2019 (Acme's calendar uses US public holidays).
    await expect(page.getByRole("table", { name: "Public holidays in 2019" })).toContainText("Independence Day");
    await expect(page.getByRole("heading", { name: "Extra working days" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Versions" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit calendar" })).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `test-results/calendar-${width}.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  }
});
