// What the portal tells a person after they act: the one-time confirmation of a raised escalation,
// focus on the first invalid field of a form sent with errors, and the not-found page.
import { expect, test } from "./fixtures";
import { contextAs } from "./support";

test("the 'escalation raised' confirmation shows on arrival only, not again on reload", async ({ browser }) => {
  const context = await contextAs(browser, "customerAdmin");
  const page = await context.newPage();
  await page.goto("/escalations/new");
  await page.getByLabel("What is the problem about?").selectOption("other");
  await page.getByLabel("Short summary").fill(`Confirmation shown once ${Date.now().toString(36)}`);
  await page.getByLabel("What happened?").fill("A question about our delivery paperwork.");
  await page.getByLabel("What outcome do you need?").fill("Corrected delivery notes.");
  await page.getByRole("button", { name: "Raise escalation" }).click();
  await expect(page.getByText("Your escalation was raised")).toBeVisible();
  await expect(page).toHaveURL((url) => /^\/escalations\/[^/]+$/.test(url.pathname) && !url.searchParams.has("raised"));
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Confirmation shown once");
  await expect(page.getByText("Your escalation was raised")).toHaveCount(0);
  await context.close();
});

test("a form sent with errors puts the focus on its first invalid field", async ({ browser }) => {
  const context = await contextAs(browser, "customerAdmin");
  const page = await context.newPage();
  await page.goto("/escalations/new");
  await page.getByLabel("What is the problem about?").selectOption("other");
  await page.getByLabel("What happened?").fill("Summary left empty on purpose.");
  await page.getByRole("button", { name: "Raise escalation" }).click();
  const summary = page.getByLabel("Short summary");
  await expect(summary).toHaveAttribute("aria-invalid", "true");
  await expect(summary).toBeFocused();
  await context.close();
});

test("an unknown address answers 404 with the not-found page, not the router's message", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find that page");
  await expect(page.getByText("The address may be mistyped")).toBeVisible();
  await expect(page.locator("body")).not.toContainText("No route matches");
  await expect(page.getByRole("link", { name: "Back to the start page" })).toBeVisible();
});
