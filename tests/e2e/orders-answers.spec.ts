// The orders page answers first, in Chromium: the needs-attention counts equal the lists they open
// and the API; late now vs delivered late; the order page's stepper for a held order; the SLA
// drill-down banner with a reason on every row; and axe stays at 0 serious on these pages.
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ACME_INGEST_KEY, contextAs, hydrated, seriousViolations } from "./support";

/**
 * A held order of Acme's, posted through the ingestion API as a backend would: the demo data
 * follows today's date and on some days has no open order on hold (2026-12-04). Returns the
 * order list's URL that shows only it.
 */
async function heldOrder(request: APIRequestContext): Promise<string> {
  const externalId = `E2E-HOLD-${Date.now().toString(36)}`;
  const orderNumber = `SO-${externalId}`;
  const in10Days = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const res = await request.post("/api/v1/ingest/orders", {
    headers: { authorization: `Bearer ${ACME_INGEST_KEY}` },
    data: {
      items: [
        {
          source: "e2e",
          externalId,
          version: 1,
          orderNumber,
          siteCode: "CHI-01",
          status: "on_hold",
          holdReason: "Credit check pending",
          orderedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
          promisedDate: in10Days,
          predictedDate: in10Days,
          lines: [
            { lineNo: 1, sku: "E2E-HOLD-1", description: "Held part", qtyOrdered: 12, unitPrice: 5 },
            { lineNo: 2, sku: "E2E-HOLD-2", description: "Second held part", qtyOrdered: 3, unitPrice: 20 },
          ],
        },
      ],
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  return `/orders?status=on_hold&q=${orderNumber}`;
}

test("each needs-attention count opens a list of exactly that many orders, as the API counts them", async ({
  browser,
}) => {
  const context = await contextAs(browser, "viewer");
  const page = await context.newPage();
  await page.goto("/orders");
  await hydrated(page);
  for (const [key, query] of [
    ["lateOpen", "late=open"],
    ["atRisk", "at_risk=1"],
    ["dueWeek", "due=week"],
    ["held", "status=on_hold&status=backordered"],
  ] as const) {
    const tile = page.getByTestId(`attention-${key}`);
    const shown = Number((await tile.locator("span").first().innerText()).trim());
    const api = await context.request.get(`/api/v1/orders?${query}&limit=200`);
    expect(api.status()).toBe(200);
    const rows = ((await api.json()) as { data: { lateState: string | null }[] }).data;
    expect(shown, `${key} count vs API`).toBe(rows.length);
    if (key === "lateOpen") expect(rows.every((r) => r.lateState === "open")).toBe(true);
    await tile.click();
    await page.waitForURL((u) => u.search === `?${query}`);
    await expect(page.getByTestId("orders-table").locator("tbody tr")).toHaveCount(Math.min(shown, 50));
    await expect(page.getByTestId(`attention-${key}`)).toHaveAttribute("aria-current", "true");
    await page.goto("/orders");
  }
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});

test("late now and delivered late are separate filters and badges; late=1 links still work", async ({ browser }) => {
  const context = await contextAs(browser, "viewer");
  const page = await context.newPage();
  await page.goto("/orders?late=delivered");
  const rows = page.getByTestId("orders-table").locator("tbody tr");
  await expect(rows.first()).toContainText("Delivered late");
  await expect(rows.filter({ hasText: /\bLate\b/ }).filter({ hasNotText: "Delivered late" })).toHaveCount(0);
  await page.goto("/orders?late=1");
  await expect(rows.first()).toBeVisible();
  await context.close();
});

test("a held order's page shows the hold on the stepper, not progress, and names open quantities", async ({
  browser,
}) => {
  const context = await contextAs(browser, "customerAdmin");
  const page = await context.newPage();
  await page.goto(await heldOrder(context.request));
  await page.getByTestId("orders-table").locator("tbody tr a").first().click();
  const stepper = page.getByTestId("order-stepper");
  await expect(stepper).toBeVisible();
  const issue = stepper.locator('li[data-state="issue"]');
  await expect(issue).toHaveCount(1);
  await expect(issue).toContainText(/On hold|Backordered/);
  await expect(stepper.locator('li[aria-current="step"]')).toHaveCount(0);
  await expect(page.getByTestId("prediction-source")).not.toBeEmpty();
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});

test("on a phone, an order page names its step in one line and shows each line's quantities without side-scrolling", async ({
  browser,
}) => {
  const context = await contextAs(browser, "customerAdmin", { viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(await heldOrder(context.request));
  const href = await page.getByTestId("orders-table").locator("tbody a").first().getAttribute("href");
  await page.goto(href ?? "/orders");
  // The six step labels are for screen readers here; one caption names where the order is stuck.
  await expect(page.getByTestId("order-stepper").locator("li").first()).toBeVisible();
  await expect(page.getByTestId("order-stepper-caption")).toHaveText(/^(On hold|Backordered).* · step \d of 6$/);
  const lines = page.locator("section", { has: page.getByRole("heading", { name: "Lines" }) });
  const cells = lines.locator("tbody tr").first().locator("td");
  await expect(cells).toHaveCount(5);
  for (let i = 0; i < 5; i++) {
    const box = await cells.nth(i).boundingBox();
    expect(box, `cell ${i}`).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0), `cell ${i} ends inside the phone's width`).toBeLessThanOrEqual(390);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
  await context.close();
});

test("arriving from an SLA number says which number, offers the way back, and gives each row its miss reason", async ({
  browser,
}) => {
  const context = await contextAs(browser, "viewer");
  const page = await context.newPage();
  await page.goto("/orders?fiscal=FY2026&otif=missed");
  const banner = page.getByTestId("drill-banner");
  await expect(banner).toContainText(/FY2026 · OTIF missed · \d+ orders?/);
  await expect(banner.getByRole("link", { name: "← Back to SLA" })).toHaveAttribute("href", "/sla?period=FY2026");
  const rows = page.getByTestId("orders-table").locator("tbody tr");
  const n = await rows.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) await expect(rows.nth(i).locator(".c-miss")).toHaveText(/Late|short/);
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();
});

test("the phone menu is a modal sheet: focus stays inside, Esc closes it and focus returns", async ({ browser }) => {
  const context = await contextAs(browser, "customerAdmin", { viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/orders");
  await hydrated(page);
  const button = page.getByRole("button", { name: "Menu" });
  await button.click();
  const sheet = page.getByRole("dialog", { name: "Menu" });
  await expect(sheet.getByRole("link", { name: "Escalations" })).toBeVisible();
  for (let i = 0; i < 10; i++) await page.keyboard.press("Tab");
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest("dialog")))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  await expect(button).toBeFocused();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
  await context.close();
});
