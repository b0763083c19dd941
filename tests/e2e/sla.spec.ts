// SLA in real Chromium: a viewer drills from a missed OTIF tile to the orders behind it, and the
// Acme admin switches the fiscal calendar from 4-4-5 weeks to calendar months and sees the SLA
// page's periods relabel once the recompute (with visible progress) has finished.
import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { hydrationProblems, openHydrated, signInThroughForm } from "./support";

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

test("a viewer drills from a missed OTIF tile to the orders that missed", async ({ browser }) => {
  const viewer = await signInThroughForm(browser, "viewer@acme.example");
  const problems = hydrationProblems(viewer);
  await expect(viewer.getByRole("link", { name: "SLA", exact: true }).first()).toHaveAttribute("href", "/sla");
  await openHydrated(viewer, "/sla");
  await expect(viewer.getByRole("heading", { name: "Service levels" })).toBeVisible();
  const thisYear = viewer.getByRole("link", { name: "This year" });
  await expect(thisYear).toHaveAttribute("href", "/sla?period=this-year");
  await openHydrated(viewer, "/sla?period=this-year");
  await expect(viewer.getByRole("link", { name: "This year" })).toHaveAttribute("aria-current", "page");
  await expectAccessible(viewer);
  const tile = viewer.getByRole("listitem").filter({ has: viewer.getByRole("heading", { name: "OTIF", exact: true }) });
  await expect(tile.getByText(/Target (met|missed)/)).toBeVisible();
  const missed = tile.getByRole("link", { name: /orders missed/ });
  const count = Number(((await missed.textContent()) ?? "").replace(/[^\d]/g, ""));
  expect(count).toBeGreaterThan(0);
  const href = (await missed.getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/orders\?fiscal=FY\d{4}&otif=missed$/);
  // Follow the link as a person does (a page that hydrated cleanly is not re-rendered under the click).
  await missed.click();
  await expect(viewer).toHaveURL(/\/orders\?fiscal=FY\d{4}&otif=missed/);
  await expect(viewer.getByRole("heading", { name: "Orders", exact: true })).toBeVisible();
  // The drill-down filter is shown on the order list, and it lists orders.
  await expect(viewer.getByText("OTIF", { exact: false }).first()).toBeVisible();
  const rows = viewer.getByTestId("orders-table").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(0);
  expect(await rows.count()).toBeLessThanOrEqual(count);
  expect(problems).toEqual([]);
});

test("the Acme admin changes the fiscal calendar and sees periods relabel", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signInThroughForm(browser, "admin@acme.example");
  const problems = hydrationProblems(admin);
  await openHydrated(admin, "/sla?period=this-period");
  const heading = admin.locator("#period-heading");
  await expect(heading).toContainText(/^FY\d{4} P\d{2}/);
  // 4-4-5 periods are numbered weeks-based, without a month name.
  await expect(heading).not.toContainText("(");
  await expect(admin.getByText("4-4-5 weeks").first()).toBeVisible();

  await openHydrated(admin, "/settings/calendar");
  await expectAccessible(admin);
  await admin.getByLabel("Fiscal calendar type").selectOption("calendar");
  await admin.getByLabel("Fiscal year starts in").selectOption({ label: "January" });
  await admin.getByRole("button", { name: "Save as new version" }).click();
  await expect(admin.getByText(/Saved as version 2/)).toBeVisible();
  // Progress is visible while it runs; wait until the recompute reports done.
  await expect(admin.getByText("Calendar version 2").first()).toBeVisible();
  await expect
    .poll(
      async () => {
        await openHydrated(admin, "/settings/calendar");
        return admin.getByRole("listitem").filter({ hasText: "Calendar version 2" }).first().textContent();
      },
      { timeout: 60_000 },
    )
    .toMatch(/done/);

  await openHydrated(admin, "/sla?period=this-period");
  await expect(heading).toContainText(/^FY\d{4} P\d{2} \([A-Z][a-z]{2}\)/);
  await expect(admin.getByText(/calendar months/).first()).toBeVisible();
  await expect(admin.getByText(/Version 2/)).toBeVisible();
  expect(problems).toEqual([]);
});
