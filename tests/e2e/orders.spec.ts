// Orders in real Chromium: a viewer filters by status and site, opens an order, and sees a status
// change arrive live after a backend system posts an event to the ingest API.
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const INGEST_KEY = "sl_ingest_demo_acme_0123456789abcdef";

async function signIn(page: Page, email: string) {
  // Browser-side errors (e.g. a failed hydration) are otherwise invisible in the report.
  page.on("pageerror", (e) => console.log(`[browser error] ${e.message}`));
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("sightline-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/orders");
}

test("a viewer filters orders by status and site, opens one, and sees a status change arrive live", async ({
  page,
  request,
}) => {
  await signIn(page, "viewer@acme.example");
  await expect(page.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Orders" })).toBeVisible();

  const filters = page.getByRole("form", { name: "Filter orders" });
  await filters.getByRole("button", { name: "Filters" }).click();
  await filters.getByRole("group", { name: "Status" }).getByLabel("Delivered").check();
  const siteGroup = filters.getByRole("group", { name: "Ship-to site" });
  const firstSite = siteGroup.getByRole("checkbox").first();
  const siteId = await firstSite.getAttribute("value");
  await firstSite.check();
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await page.waitForURL(
    (url) => url.searchParams.get("status") === "delivered" && url.searchParams.get("site") === siteId,
  );

  const table = page.getByTestId("orders-table");
  await expect(table.locator("tbody tr").first()).toBeVisible();
  // The URL changes a moment before React renders the new rows: assertions that wait.
  await expect(table.locator("tbody tr td:nth-child(4)").filter({ hasNotText: "Delivered" })).toHaveCount(0);
  await expect(table.locator("tbody tr").first()).toContainText("Delivered");
  await expect(page.locator('a[aria-current="true"]', { hasText: "Delivered" })).toBeVisible();

  // Sorting by order number is a link that keeps the filters and says so to assistive tech.
  await table.getByRole("link", { name: /^Order ,/ }).click();
  await page.waitForURL(
    (url) => url.searchParams.get("sort") === "number" && url.searchParams.get("status") === "delivered",
  );
  await expect(table.locator("th[aria-sort='ascending']")).toContainText("Order");

  // Open the first order; then a backend system reports an exception for it.
  const firstLink = table.locator("tbody tr").first().getByRole("link").first();
  const orderNumber = (await firstLink.innerText()).trim();
  await firstLink.click();
  await expect(page.getByRole("heading", { name: `Order ${orderNumber}` })).toBeVisible();
  await expect(page.getByText("Live updates: Live")).toBeVisible();

  const externalId = `ACME-${orderNumber.replace(/^SO-/, "")}`;
  const res = await request.post("/api/v1/ingest/events", {
    headers: { Authorization: `Bearer ${INGEST_KEY}`, "Content-Type": "application/json" },
    data: {
      items: [
        {
          source: "e2e",
          eventId: `e2e-${Date.now()}`,
          orderSource: "erp",
          orderExternalId: externalId,
          type: "exception",
          occurredAt: new Date().toISOString(),
          detail: { reason: "Damaged pallet found at the depot" },
        },
      ],
    },
  });
  expect(res.status(), await res.text()).toBeLessThan(300);

  // Without a reload, the header and the timeline show the exception.
  const header = page.getByTestId("order-detail");
  await expect(header.getByText("Exception").first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("Damaged pallet found at the depot")).toBeVisible();
});

test("an empty filter says so and offers to clear it; bad dates get a readable message", async ({ page }) => {
  await signIn(page, "viewer@acme.example");
  await page.getByLabel("Search").fill("NOTHING-MATCHES-THIS");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText("No orders match these filters")).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).last().click();
  await expect(page.getByTestId("orders-table").locator("tbody tr").first()).toBeVisible();
  await page.goto("/orders?promised_from=2026-02-31");
  await expect(page.getByRole("alert").first()).toContainText("Promised from");
  await expect(page.getByRole("form", { name: "Filter orders" }).getByRole("alert")).toContainText("Promised from");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the list shows cards, folds the filters away and stays usable", async ({ page }) => {
    await signIn(page, "viewer@acme.example");
    // One markup: the same rows, laid out as cards (no table header row on a phone).
    await expect(page.locator("[data-testid=orders-table] thead")).toHaveCSS("position", "absolute");
    const panel = page.locator("#order-filter-panel");
    await expect(panel).toBeHidden();
    await page.getByRole("button", { name: "Filters" }).click();
    await expect(panel.getByRole("group", { name: "Status" })).toBeVisible();
    await page.getByRole("button", { name: "Hide filters" }).click();
    const cards = page.getByTestId("orders-table").locator("tbody tr");
    await expect(cards.first()).toBeVisible();
    expect(await cards.first().evaluate((el) => getComputedStyle(el).display)).toBe("grid");
    await cards.first().getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: /^Order SO-/ })).toBeVisible();
    // Nothing sticks out sideways: wide tables scroll inside their card.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
