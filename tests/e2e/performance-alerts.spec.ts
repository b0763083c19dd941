// Proactive performance alerts in real Chromium: the support lead finds the demo's live alert on
// Acme (OTIF under the protocol's floor two fiscal periods running), with its periods and the
// orders that missed; the Acme admin's SLA page shows no notice until the lead publishes a
// recovery plan, and then shows it; Nordwind's admin never sees it. An order of the evidence opens
// in the Acme account.
import { expect, test } from "./fixtures";
import { contextAs } from "./support";

test("staff publish a recovery plan on a performance alert, and only that account's customers then see it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const plan = "FedEx pickups move back to UPS on the Dallas lane from Monday; daily review of late pickups.";

  const lead = await (await contextAs(browser, "lead")).newPage();
  await lead.goto("/staff/performance-alerts");
  await expect(lead.getByRole("heading", { level: 1, name: "Performance alerts" })).toBeVisible();
  const card = lead.locator("li", { has: lead.getByText(/^Acme Manufacturing: OTIF under 92% in/) });
  await expect(card).toHaveCount(1);
  await expect(card.getByText("Not published: the customer does not see this alert.")).toBeVisible();
  await expect(card.getByRole("table", { name: "Fiscal periods under the floor" }).getByRole("row")).toHaveCount(3);

  const customer = await (await contextAs(browser, "customerAdmin")).newPage();
  await customer.goto("/sla");
  await expect(customer.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(customer.getByText("Recovery plans")).toHaveCount(0);

  await card.getByLabel("Recovery plan for the customer").fill(plan);
  await card.getByRole("button", { name: "Publish to the customer" }).click();
  await expect(card.getByText("Recovery plan published: the customer sees it on their SLA page.")).toBeVisible();
  await expect(card.getByText(/^Published to the customer .* by /)).toBeVisible();

  await customer.reload();
  await expect(customer.getByText("Recovery plans", { exact: true })).toBeVisible();
  await expect(customer.getByText(plan)).toBeVisible();
  await expect(customer.getByText(/^OTIF was .* in FY2026 P\d\d.*, under the agreed 92%$/)).toBeVisible();

  const nordwind = await (await contextAs(browser, "nordwindAdmin")).newPage();
  await nordwind.goto("/sla");
  await expect(nordwind.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(nordwind.getByText(plan)).toHaveCount(0);

  // The evidence's first order that missed opens in the Acme account.
  await card
    .getByRole("button", { name: /^Open order .* in Acme Manufacturing$/ })
    .first()
    .click();
  await expect(lead).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
});
