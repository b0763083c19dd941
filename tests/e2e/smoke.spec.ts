// The first thing a newcomer sees: the sign-in page renders and is accessible.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

test("the home page leads to a sign-in form with no serious accessibility violations", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in to Sightline" })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
