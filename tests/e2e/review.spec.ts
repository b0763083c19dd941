// The quarterly review pack in real Chromium: the quarter picker works from the keyboard alone,
// and printing it (print media, Chromium's own PDF) leaves out the portal's header, the picker and
// the buttons, starts each part on a new page and keeps table rows whole.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { hydrated, hydrationProblems, signInThroughForm } from "./support";

test("a customer picks a quarter with the keyboard and prints the review", async ({ browser }) => {
  const page = await signInThroughForm(browser, "admin@acme.example");
  const problems = hydrationProblems(page);
  await page.goto("/sla");
  await hydrated(page);
  await page.getByRole("link", { name: "Quarterly review" }).click();
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Quarterly review: FY\d{4} Q\d$/ })).toBeVisible();
  await hydrated(page);

  // Keyboard only: focus the picker, choose the current quarter, submit with Enter.
  const picker = page.getByLabel("Fiscal quarter");
  await picker.focus();
  await expect(picker).toBeFocused();
  await picker.selectOption("this-quarter");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Show" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?quarter=this-quarter$/);
  await expect(page.getByLabel("Fiscal quarter")).toHaveValue("this-quarter");
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/^Quarterly review: FY\d{4} Q\d$/);
  for (const part of [
    "Scorecard against targets",
    "Satisfaction",
    "Escalations by root cause and level",
    "Recurring failures",
    "Protocol changes",
    "Open recovery plans",
  ])
    await expect(page.getByRole("heading", { level: 2, name: part, exact: true })).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header").first()).toBeHidden();
  await expect(page.getByLabel("Fiscal quarter")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(heading).toBeVisible();
  const parts = page.locator("[data-part]");
  const breaks = await parts.evaluateAll((els) => els.map((el) => getComputedStyle(el).breakBefore));
  expect(breaks).toEqual(["auto", "page", "page", "page", "page"]);
  const rowBreaks = await page
    .locator("main tbody tr")
    .evaluateAll((rows) => [...new Set(rows.map((r) => getComputedStyle(r).breakInside))]);
  expect(rowBreaks).toEqual(["avoid"]);
  // Nothing is cut at the right edge of an A4 page: no box scrolls sideways in print.
  await page.setViewportSize({ width: 718, height: 1000 });
  const scrolling = await page.evaluate(() =>
    Array.from(document.querySelectorAll("main *"))
      .filter((el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX))
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(scrolling).toEqual([]);

  const pdf = await page.pdf({ format: "A4" });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(5);
  expect(problems).toEqual([]);
});
