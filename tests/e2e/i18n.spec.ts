// Locales end to end: each account's default language, the browser's language when signed out,
// the same text on the server and after hydration.
import { expect, test, type Page } from "@playwright/test";
import { hydrationProblems, signInThroughForm } from "./support";

/** Waits until Remix has hydrated, so a click is a client-side navigation (dev mode is slow). */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (window as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized === true,
  );
}

for (const [email, lang, ordersLabel, escalationsLabel] of [
  ["admin@nordwind.example", "de", "Aufträge", "Eskalationen"],
  ["admin@sakura.example", "ja", "注文", "エスカレーション"],
  ["admin@acme.example", "en", "Orders", "Escalations"],
] as const) {
  test(`${email} sees the portal in ${lang}, the same before and after hydration`, async ({ browser }) => {
    const page = await signInThroughForm(browser, email);
    const problems = hydrationProblems(page);
    await page.goto("/orders");
    await hydrated(page);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    const nav = page.getByRole("navigation").first();
    await expect(nav.getByRole("link", { name: ordersLabel })).toBeVisible();
    await expect(nav.getByRole("link", { name: escalationsLabel })).toBeVisible();
    // Navigating on the client keeps the language.
    await nav.getByRole("link", { name: escalationsLabel }).click();
    await expect(page).toHaveURL(/\/escalations/);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    expect(problems).toEqual([]);
    await page.context().close();
  });
}

test("signed out, the browser's language decides", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ja-JP" });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await context.close();
  const english = await browser.newContext({ locale: "fr-FR" });
  const p2 = await english.newPage();
  await p2.goto("/login");
  await expect(p2.locator("html")).toHaveAttribute("lang", "en");
  await english.close();
});

/** The page's headings, table headers, form labels and legends: where English leftovers would show. */
async function labelTexts(page: Page): Promise<string[]> {
  return page
    .locator("main :is(h1, h2, h3, th, label, legend, summary, caption)")
    .evaluateAll((els) => els.map((e) => (e.textContent ?? "").replace(/\s+/g, " ").trim()).filter(Boolean));
}

// English words of the order pages' headings and labels that differ in German and Japanese.
const ENGLISH =
  /\b(Orders?|Needs attention|Delivery|Lines|Timeline|Shipments|Escalations|Search|Promised|Predicted|Requested|Ordered|Shipped|Description|Customer PO|Ship to|Priority|Carrier|Views|Columns|Progress)\b/;

for (const [email, lang, ordersTitle, orderTitle, sections] of [
  ["admin@nordwind.example", "de", "Aufträge", /^Auftrag \S+$/, ["Lieferung", "Positionen", "Verlauf", "Details"]],
  ["admin@sakura.example", "ja", "注文", /^注文 \S+$/, ["配達", "明細", "タイムライン", "詳細"]],
] as const) {
  test(`${email} reads the order list and an order in ${lang}, with no English headings or labels`, async ({
    browser,
  }) => {
    const page = await signInThroughForm(browser, email);
    await page.goto("/orders");
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ordersTitle);
    const listLabels = await labelTexts(page);
    expect(listLabels.filter((t) => ENGLISH.test(t))).toEqual([]);
    // Opened by its address, not a click: the check is the language, not client-side navigation.
    const href = await page.getByTestId("orders-table").locator("tbody a").first().getAttribute("href");
    await page.goto(href ?? "/orders");
    await expect(page.getByTestId("order-detail")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(orderTitle);
    for (const name of sections) await expect(page.getByRole("heading", { level: 2, name, exact: true })).toBeVisible();
    const detailLabels = await labelTexts(page);
    expect(detailLabels.filter((t) => ENGLISH.test(t))).toEqual([]);
    await page.context().close();
  });
}

test("a German customer admin raises escalations and manages settings in German", async ({ browser }) => {
  const page = await signInThroughForm(browser, "admin@nordwind.example");
  const problems = hydrationProblems(page);
  await page.goto("/escalations/new");
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "Eskalation melden" })).toBeVisible();
  await expect(page.getByLabel("Worum geht es?")).toBeVisible();
  await expect(page.getByRole("option", { name: "Verspätete Lieferung" })).toBeAttached();
  await expect(page.getByRole("button", { name: "Eskalation melden" })).toBeVisible();
  await page.goto("/settings/embed");
  await expect(page.getByRole("heading", { name: "Neuer Einbettungsschlüssel" })).toBeVisible();
  await page.goto("/settings/calendar");
  await expect(page.getByRole("button", { name: "Als neue Version speichern" })).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "Wöchentliche Arbeitszeiten" }).or(page.getByText("Wöchentliche Arbeitszeiten")),
  ).toBeVisible();
  expect(problems).toEqual([]);
  await page.context().close();
});
