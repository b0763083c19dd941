// Locales end to end: each account's default language, the browser's language when signed out,
// the same text on the server and after hydration.
import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { hydrationProblems, PASSWORD, signInThroughForm } from "./support";

// Journeys of five to nine pages, forms included: more than the default minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

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
    await expect(nav.getByRole("link", { name: ordersLabel, exact: true })).toBeVisible();
    await expect(nav.getByRole("link", { name: escalationsLabel, exact: true })).toBeVisible();
    // Navigating on the client keeps the language.
    await nav.getByRole("link", { name: escalationsLabel, exact: true }).click();
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

/** Signs a staff member in on a phone-sized screen and chooses a language in their profile. */
async function staffSpeaking(browser: Browser, email: string, locale: "de" | "ja"): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await chooseLanguage(page, locale);
  return page;
}

/** Saves a language in /profile ("" = back to the browser's); the page reloads in it. */
async function chooseLanguage(page: Page, locale: "de" | "ja" | ""): Promise<void> {
  await page.goto("/profile");
  await page.locator('select[name="locale"]').selectOption(locale);
  await page.locator('main button[type="submit"]').click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale || "en");
}

/** Long German words must wrap, never push the page sideways on a phone. */
async function fitsThePhone(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(0);
}

// English words of the staff pages' headings, labels and column names.
const STAFF_ENGLISH =
  /\b(Escalation queue|Find an escalation|More filters|Severity|Account|Assignee|Owner|Workload|Per owner|Per account|Breached|Breaching soon|Open|Keys|Created|Last used|First response|Resolution|Tier|Save)\b/;

test("a lead who chose German, then Japanese, in the profile reads the queue, workload, satisfaction and recurring failures in it", async ({
  browser,
}) => {
  const page = await staffSpeaking(browser, "lead@sightline.example", "de");
  try {
    await page.goto("/staff/queue");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Eskalations-Warteschlange");
    await expect(page.getByLabel("Eskalation suchen")).toBeVisible();
    await expect(page.getByText("Weitere Filter")).toBeVisible();
    expect((await labelTexts(page)).filter((t) => STAFF_ENGLISH.test(t))).toEqual([]);
    await fitsThePhone(page);
    await page.goto("/staff/workload");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Arbeitslast");
    await expect(page.getByRole("heading", { name: "Je Bearbeiter", exact: true })).toHaveCount(2);
    expect((await labelTexts(page)).filter((t) => STAFF_ENGLISH.test(t))).toEqual([]);
    await fitsThePhone(page);
    await page.goto("/staff/satisfaction");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kundenzufriedenheit");
    await fitsThePhone(page);
    await page.goto("/staff/recurring");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wiederkehrende Fehler");
    await fitsThePhone(page);

    await chooseLanguage(page, "ja");
    await page.goto("/staff/queue");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("エスカレーションキュー");
    await expect(page.getByLabel("エスカレーションを検索")).toBeVisible();
    expect((await labelTexts(page)).filter((t) => STAFF_ENGLISH.test(t))).toEqual([]);
    await fitsThePhone(page);
    await page.goto("/staff/workload");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("作業量");
    expect((await labelTexts(page)).filter((t) => STAFF_ENGLISH.test(t))).toEqual([]);
    await fitsThePhone(page);
  } finally {
    await chooseLanguage(page, "");
    await page.context().close();
  }
});

test("a platform admin who chose German manages escalation targets, SLA targets and ingest keys in German, errors included", async ({
  browser,
}) => {
  const page = await staffSpeaking(browser, "ops@sightline.example", "de");
  try {
    await page.goto("/staff/queue/targets");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("SLA-Ziele für Eskalationen");
    const p1 = page.locator("section").filter({ has: page.getByRole("heading", { name: /^P1/ }) });
    await p1.getByLabel("Erstreaktion (Stunden)").fill("viel");
    await p1.getByRole("button", { name: "P1 speichern" }).click();
    await expect(page.getByText(/^Geben Sie das Ziel für die Erstreaktion in Stunden an/)).toBeVisible();
    expect((await labelTexts(page)).filter((t) => STAFF_ENGLISH.test(t))).toEqual([]);
    await fitsThePhone(page);

    await page.goto("/staff/admin/targets");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("SLA-Ziele");
    await expect(page.getByRole("heading", { name: "Standardwerte je Stufe" })).toBeVisible();
    expect((await labelTexts(page)).filter((t) => STAFF_ENGLISH.test(t))).toEqual([]);
    await fitsThePhone(page);

    await page.goto("/staff/admin/ingest-keys");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ingest-API-Schlüssel");
    await page.getByLabel("Kunde").selectOption({ index: 1 });
    await page.getByLabel("Name", { exact: true }).fill("x");
    await page.getByRole("button", { name: "Schlüssel erstellen" }).click();
    await expect(
      page.getByText("Benennen Sie den Schlüssel nach dem System, das ihn verwendet (mindestens 3 Zeichen)."),
    ).toBeVisible();
    expect((await labelTexts(page)).filter((t) => STAFF_ENGLISH.test(t))).toEqual([]);
    await fitsThePhone(page);
  } finally {
    await chooseLanguage(page, "");
    await page.context().close();
  }
});

for (const [email, lang, year, point, table] of [
  [
    "admin@nordwind.example",
    "de",
    /^GJ\d{4}$/,
    /^GJ\d{4} P\d{2} \(\S+\): \d+,\d{2} %, [\d.]+ Aufträge? gemessen, Ziel (erreicht|verfehlt)$/,
    "Zahlen als Tabelle anzeigen",
  ],
  [
    "admin@sakura.example",
    "ja",
    /^\d{4}年度$/,
    /^\d{4}年度 P\d{2}（\d+月）：\d+\.\d{2}%、計測した注文 [\d,]+ 件、目標(達成|未達)$/,
    "数値を表で表示",
  ],
] as const) {
  test(`${email} reads fiscal periods and the OTIF trend in ${lang}`, async ({ browser }) => {
    const page = await signInThroughForm(browser, email);
    await page.goto("/sla?period=this-year");
    await expect(page.locator("#period-heading")).toHaveText(year);
    const chart = page.getByTestId("trend-chart");
    await expect(chart.locator("svg:visible").getByTestId("trend-point").first()).toHaveAttribute("aria-label", point);
    await expect(chart.getByText(table)).toBeVisible();
    await page.context().close();
  });
}

// Chromium draws <input type="date"> in the browser's language ("mm/dd/yyyy" on a German page):
// beside it the chosen day reads in the page's language, and the input is described by it. The
// audit log's time column names its zone as every time does.
for (const [email, from, day, zone] of [
  ["admin@nordwind.example", "Von (Datum)", "3. Dez. 2026", /^Zeitpunkt \(GMT\+1(\/GMT\+2)?\)$/],
  ["admin@sakura.example", "開始日", "2026年12月3日", /^日時（GMT\+9）$/],
] as const) {
  test(`${email} reads a typed date filter and the audit log's zone in the page's language`, async ({ browser }) => {
    const page = await signInThroughForm(browser, email);
    await page.goto("/settings/audit");
    await hydrated(page);
    const input = page.getByLabel(from, { exact: true });
    await input.focus();
    await expect(input).toBeFocused();
    await input.fill("2026-12-03");
    await expect(input).toHaveAccessibleDescription(day);
    await expect(page.getByTestId("date-readout").first()).toHaveText(day);
    // The zone as the times name it, not the zone id capitalised by the heading style.
    const heading = page.locator("main th").first();
    await expect(heading).toHaveText(zone);
    await expect(page.getByTestId("audit-zone")).toHaveCSS("text-transform", "none");
    await page.context().close();
  });
}
