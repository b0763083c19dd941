// "Why orders missed" in real Chromium: each count on the SLA page's miss breakdown is a link
// that opens the order list of exactly those orders (the banner names the filter and the same
// count, the list holds that many rows) and every row says why it missed.
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { contextAs, openHydrated } from "./support";

/** The number a count link shows ("1,234" → 1234). */
async function countOf(page: Page, link: ReturnType<Page["locator"]>): Promise<number> {
  return Number(((await link.textContent()) ?? "").replace(/[^\d]/g, ""));
}

/** Every order row of the list the page shows, following "Next" to the last page. */
async function reasonsOnEveryPage(page: Page): Promise<string[]> {
  const reasons: string[] = [];
  for (let n = 0; n < 20; n++) {
    const rows = page.getByTestId("orders-table").locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) reasons.push(((await row.locator(".c-miss").textContent()) ?? "").trim());
    const next = page.getByRole("link", { name: "Next →" });
    if ((await next.count()) === 0) return reasons;
    await next.click();
    await page.waitForLoadState("networkidle");
  }
  throw new Error("more pages than expected");
}

const REASON_TEXT = {
  late: /^Late( by \d+ business (hours?|minutes?))?$/,
  short: /^\d+ of \d+ lines? short$/,
  "late-and-short": /^Late( by \d+ business (hours?|minutes?))? · \d+ of \d+ lines? short$/,
} as const;

test("each miss-reason count opens exactly its orders, each row saying why it missed", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await contextAs(browser, "viewer", { viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  for (const reason of ["late-and-short", "short"] as const) {
    await openHydrated(page, "/sla?period=this-year");
    const link = page.getByTestId("miss-breakdown").getByTestId(`miss-${reason}`);
    const count = await countOf(page, link);
    expect(count, reason).toBeGreaterThan(0);
    await link.click();
    await expect(page).toHaveURL(/\/orders\?/);
    await expect(page.getByTestId("drill-banner")).toContainText(`${count} ${count === 1 ? "order" : "orders"}`);
    const reasons = await reasonsOnEveryPage(page);
    expect(reasons, reason).toHaveLength(count);
    for (const r of reasons) expect(r, reason).toMatch(REASON_TEXT[reason]);
  }
  await context.close();
});

test("a carrier's late-only count opens that carrier's late orders, each row saying how late", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await contextAs(browser, "viewer", { viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  await openHydrated(page, "/sla?period=last-period");
  const carriers = page.getByTestId("misses-carrier");
  // The cell links are named "<carrier>, Late only: show <n> orders"; take the first carrier's.
  const link = carriers.getByRole("link", { name: /, Late only: show \d+ orders?$/ }).first();
  const label = (await link.getAttribute("aria-label")) ?? "";
  const carrier = label.split(",")[0];
  const count = Number(label.replace(/.*show (\d+) orders?$/, "$1"));
  expect(count).toBeGreaterThan(0);
  await link.click();
  await expect(page).toHaveURL(/\/orders\?/);
  const banner = page.getByTestId("drill-banner");
  await expect(banner).toContainText(`Carrier: ${carrier}`);
  await expect(banner).toContainText(`${count} ${count === 1 ? "order" : "orders"}`);
  const reasons = await reasonsOnEveryPage(page);
  expect(reasons).toHaveLength(count);
  for (const r of reasons) expect(r).toMatch(REASON_TEXT.late);
  await context.close();
});
