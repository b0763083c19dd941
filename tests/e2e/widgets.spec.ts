// The widgets on a customer intranet (another origin, served by `npm start` on INTRANET_PORT):
// the right tenant's data, live updates after an ingest call, token refresh without losing the
// filter, accessibility, a disallowed origin getting nothing, and markup rendered as text.
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { INTRANET_URL, PORTAL_URL } from "./playwright.config";

const EMBED_SECRET = "sl_embed_demo_acme_0123456789abcdef";
const INGEST_SECRET = "sl_ingest_demo_acme_0123456789abcdef";
const DISALLOWED_URL = INTRANET_URL.replace("127.0.0.1", "localhost");

async function acmeOrders(request: APIRequestContext, query = ""): Promise<{ id: string; orderNumber: string }[]> {
  const minted = await request.post(`${PORTAL_URL}/api/v1/embed/tokens`, {
    headers: { Authorization: `Bearer ${EMBED_SECRET}` },
    data: { origin: INTRANET_URL },
  });
  expect(minted.status()).toBe(200);
  const { token } = (await minted.json()) as { token: string };
  const res = await request.get(`${PORTAL_URL}/api/v1/orders?limit=8${query}`, {
    headers: { Authorization: `Bearer ${token}`, Origin: INTRANET_URL },
  });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { data: { id: string; orderNumber: string }[] }).data;
}

async function ingest(request: APIRequestContext, kind: "orders" | "events", items: unknown[]) {
  const res = await request.post(`${PORTAL_URL}/api/v1/ingest/${kind}`, {
    headers: { Authorization: `Bearer ${INGEST_SECRET}` },
    data: { items },
  });
  expect(res.status(), await res.text()).toBe(200);
}

const list = (page: Page) => page.locator("sightline-order-list");
const rows = (page: Page) => list(page).locator("tbody tr[part=row]");

test("the intranet shows Acme's orders, tracker, scorecard and form, themed by the host page", async ({
  page,
  request,
}) => {
  const expected = await acmeOrders(request);
  await page.goto(INTRANET_URL);
  await expect(rows(page).first()).toBeVisible();
  await expect(rows(page)).toHaveCount(expected.length);
  await expect(rows(page).first()).toContainText(expected[0].orderNumber);
  await expect(
    page
      .locator("sightline-sla-scorecard")
      .getByText(/Target/)
      .first(),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Raise escalation" })).toBeVisible();
  // The host's theme reaches into the shadow DOM through custom properties.
  const accent = await list(page)
    .locator("tbody button")
    .first()
    .evaluate((b) => getComputedStyle(b).color);
  expect(accent).toBe("rgb(138, 59, 18)");
  await rows(page).first().getByRole("button").click();
  await expect(
    page.locator("sightline-order-tracker").getByRole("heading", { name: `Order ${expected[0].orderNumber}` }),
  ).toBeVisible();
  await expect(page.locator("sightline-escalation-form").getByRole("heading")).toContainText(expected[0].orderNumber);

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test("an order update from the ingest API reaches the list and the tracker live", async ({ page, request }) => {
  const suffix = Date.now().toString(36);
  const orderNumber = `LIVE-${suffix}`;
  await ingest(request, "orders", [
    {
      source: "e2e",
      externalId: orderNumber,
      version: 1,
      orderNumber,
      siteCode: "CHI-01",
      status: "confirmed",
      orderedAt: new Date().toISOString(),
      promisedDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
      lines: [{ lineNo: 1, sku: "BRG-6204-2RS", description: "Bearing", qtyOrdered: 5, unitPrice: 4.8 }],
    },
  ]);
  await page.goto(INTRANET_URL);
  await list(page).getByLabel("Search orders").fill(orderNumber);
  const row = rows(page).filter({ hasText: orderNumber });
  await expect(row).toContainText("Confirmed");
  await row.getByRole("button").click();
  const tracker = page.locator("sightline-order-tracker");
  await expect(tracker.getByRole("heading", { name: `Order ${orderNumber}` })).toBeVisible();
  await expect(page.locator("sightline-order-list [part=live]")).toHaveText("Live");

  await ingest(request, "events", [
    {
      source: "e2e",
      eventId: `${orderNumber}-shipped`,
      orderExternalId: orderNumber,
      type: "shipped",
      occurredAt: new Date().toISOString(),
      location: "Chicago",
    },
  ]);
  await expect(row).toContainText("Shipped", { timeout: 15_000 });
  await expect(tracker.locator("[aria-current=step]")).toHaveText("Shipped", { timeout: 15_000 });
  await expect(tracker.getByText("Shipped · Chicago")).toBeVisible();
});

test("an expiring token is refreshed without losing the list's filter", async ({ page }) => {
  const minted: number[] = [];
  page.on("request", (r) => {
    if (r.url().startsWith(`${INTRANET_URL}/token`)) minted.push(Date.now());
  });
  // When the first token expires, as its answer says (whole seconds, so it is over a second later).
  const firstExpiry = page
    .waitForResponse((r) => r.url().startsWith(`${INTRANET_URL}/token`))
    .then(async (r) => Date.parse(((await r.json()) as { expiresAt: string }).expiresAt));
  await page.goto(`${INTRANET_URL}/?ttl=8`);
  await expect(rows(page).first()).toBeVisible();
  const status = list(page).getByLabel("Status");
  await status.selectOption("delivered");
  await expect(rows(page).first()).toContainText("Delivered");
  const before = minted.length;
  // Tokens live 8 s and are refreshed at 80% of their life: wait for a refresh, and past the
  // first token's expiry (rather than a fixed 10 s from here).
  await expect.poll(() => minted.length, { timeout: 15_000 }).toBeGreaterThan(before);
  const expiry = await firstExpiry;
  expect(Number.isFinite(expiry), "the first token's expiresAt").toBe(true);
  await page.waitForTimeout(Math.max(0, expiry + 1_000 - Date.now()));
  await expect(status).toHaveValue("delivered");
  const next = page.waitForRequest((r) => r.url().startsWith(`${PORTAL_URL}/api/v1/orders?`) && r.method() === "GET");
  await list(page).getByLabel("Search orders").fill("SO");
  const req = await next;
  expect(new URL(req.url()).searchParams.get("status")).toBe("delivered");
  const res = await req.response();
  expect(res?.status()).toBe(200);
  await expect(list(page).locator("[role=alert]")).toHaveCount(0);
  await expect(rows(page).first()).toContainText("Delivered");
});

test("the same page on an origin no embed key allows gets no data", async ({ page }) => {
  const readable: string[] = [];
  page.on("response", (r) => {
    if (r.url().startsWith(`${PORTAL_URL}/api/v1/`) && r.request().method() !== "OPTIONS") readable.push(r.url());
  });
  await page.goto(DISALLOWED_URL);
  await expect(list(page).locator("[role=alert]")).toContainText("cannot be reached", { timeout: 20_000 });
  await expect(page.locator("sightline-sla-scorecard [role=alert]")).toBeVisible();
  await expect(rows(page)).toHaveCount(0);
  expect(readable).toEqual([]);
});

test("markup in order and escalation text renders as text", async ({ page, request }) => {
  const suffix = Date.now().toString(36);
  const orderNumber = `XSS-${suffix}`;
  const evil = `<img src=x onerror="window.__xss=1">`;
  await ingest(request, "orders", [
    {
      source: "e2e",
      externalId: orderNumber,
      version: 1,
      orderNumber,
      customerPo: evil.slice(0, 64),
      siteCode: "CHI-01",
      status: "received",
      orderedAt: new Date().toISOString(),
      lines: [{ lineNo: 1, sku: "BRG-6204-2RS", description: "Bearing", qtyOrdered: 1, unitPrice: 4.8 }],
    },
  ]);
  await ingest(request, "events", [
    {
      source: "e2e",
      eventId: `${orderNumber}-x`,
      orderExternalId: orderNumber,
      type: "on_hold",
      occurredAt: new Date().toISOString(),
      location: "<b>Dock</b>",
    },
  ]);
  await page.goto(INTRANET_URL);
  await list(page).getByLabel("Search orders").fill(orderNumber);
  const row = rows(page).filter({ hasText: orderNumber });
  await expect(row).toContainText(evil.slice(0, 64));
  await row.getByRole("button").click();
  await expect(page.locator("sightline-order-tracker").getByText("<b>Dock</b>", { exact: false })).toBeVisible();
  const form = page.locator("sightline-escalation-form");
  await form.getByLabel("Summary").fill(`<script>window.__xss=2</script> broken`);
  await form.getByLabel("What happened?").fill(`<img src=x onerror="window.__xss=3"> the pallet was crushed`);
  await form.getByLabel("What outcome do you need?").fill("Replacement");
  await form.getByRole("button", { name: "Raise escalation" }).click();
  await expect(form.locator("[part=confirmation]")).toContainText(/ESC-\d+ was raised/);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator("img[src=x]").count()).toBe(0);
});

test("the intranet loads a pinned widget version with its integrity hash, and a changed file does not run", async ({
  page,
  browser,
}) => {
  await page.goto(INTRANET_URL);
  const script = page.locator('script[src*="/widgets/v"]');
  await expect(script).toHaveAttribute("src", /\/widgets\/v\d+\.\d+\.\d+\/sightline-widgets\.js$/);
  await expect(script).toHaveAttribute("integrity", /^sha384-[A-Za-z0-9+/]{64}$/);
  await expect(script).toHaveAttribute("crossorigin", "anonymous");
  await expect(rows(page).first()).toBeVisible();

  // The same page with one byte of the served file changed: the browser refuses to run it.
  const tampered = await browser.newPage();
  const refused: string[] = [];
  tampered.on("console", (m) => {
    if (m.type() === "error" && /integrity/i.test(m.text())) refused.push(m.text());
  });
  await tampered.route("**/widgets/v*/sightline-widgets.js", async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: (await res.text()) + "\n// changed" });
  });
  await tampered.goto(INTRANET_URL);
  await expect.poll(() => refused.length).toBeGreaterThan(0);
  expect(await tampered.evaluate(() => customElements.get("sightline-order-list") === undefined)).toBe(true);
  await tampered.close();
});

test("release 1.0.0 of the widgets still runs against today's API", async ({ page, request }) => {
  const expected = await acmeOrders(request);
  const widgetFiles: { url: string; status: number }[] = [];
  page.on("response", (r) => {
    if (r.url().includes("/widgets/")) widgetFiles.push({ url: r.url(), status: r.status() });
  });
  await page.goto(`${INTRANET_URL}/?widgets=1.0.0`);
  await expect(page.locator('script[src$="/widgets/v1.0.0/sightline-widgets.js"]')).toHaveAttribute(
    "integrity",
    /^sha384-/,
  );
  await expect(rows(page)).toHaveCount(expected.length);
  await expect(rows(page).first()).toContainText(expected[0].orderNumber);
  await rows(page).first().getByRole("button").click();
  await expect(
    page.locator("sightline-order-tracker").getByRole("heading", { name: `Order ${expected[0].orderNumber}` }),
  ).toBeVisible();
  await expect(
    page
      .locator("sightline-sla-scorecard")
      .getByText(/Target/)
      .first(),
  ).toBeVisible();
  expect(widgetFiles.map((f) => f.url.replace(/^https?:\/\/[^/]+/, ""))).toEqual([
    "/widgets/v1.0.0/sightline-widgets.js",
  ]);
  expect(widgetFiles[0].status).toBe(200);
});

test('on a lang="de" intranet page the widgets speak German: texts, dates, the catalogue fetched beside the bundle', async ({
  page,
  request,
}) => {
  const expected = await acmeOrders(request);
  const catalogues: { url: string; status: number }[] = [];
  page.on("response", (r) => {
    if (r.url().endsWith(".json") && r.url().includes("/widgets/"))
      catalogues.push({ url: r.url(), status: r.status() });
  });
  await page.goto(`${INTRANET_URL}/?lang=de`);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(list(page).getByRole("heading", { name: "Aufträge" })).toBeVisible();
  await expect(rows(page)).toHaveCount(expected.length);
  await expect(list(page).getByRole("columnheader")).toHaveText([
    "Auftrag",
    "Bestellnr.",
    "Status",
    "Zugesagt",
    "Aktualisiert",
  ]);
  // Dates as the portal writes them in German: day, abbreviated month, year; times name their zone.
  const promised = rows(page).locator("td:nth-child(4)").filter({ hasText: /\d/ }).first();
  await expect(promised).toHaveText(/^\d{1,2}\. [A-ZÄÖÜ][a-zä]{2,3}\.? \d{4}$/);
  await expect(rows(page).first().locator("td").nth(4)).toHaveText(/^\d{1,2}\. .+ \d{4}, \d{2}:\d{2} GMT[+-]\d+$/);
  await expect(list(page).getByRole("button", { name: "Weiter" })).toBeVisible();
  await expect(page.locator("sightline-order-tracker")).toContainText("Wählen Sie einen Auftrag aus");
  const scorecard = page.locator("sightline-sla-scorecard");
  await expect(scorecard.getByRole("heading", { name: /^Servicelevel · GJ\d{4}/ })).toBeVisible();
  await expect(scorecard.getByText(/^Ziel /).first()).toBeVisible();
  const form = page.locator("sightline-escalation-form");
  await expect(form.getByRole("heading", { name: "Eskalation melden" })).toBeVisible();
  await expect(form.getByLabel("Was ist passiert?")).toBeVisible();
  await form.getByRole("button", { name: "Eskalation melden" }).click();
  await expect(form.getByText("Geben Sie eine kurze Zusammenfassung ein (mindestens 3 Zeichen).")).toBeVisible();

  await rows(page).first().getByRole("button").click();
  const tracker = page.locator("sightline-order-tracker");
  await expect(tracker.getByRole("heading", { name: `Auftrag ${expected[0].orderNumber}` })).toBeVisible();
  await expect(tracker.getByText("Bestellt", { exact: true }).first()).toBeVisible();
  await expect(
    form.getByRole("heading", { name: `Eskalation zu Auftrag ${expected[0].orderNumber} melden` }),
  ).toBeVisible();

  // One catalogue file, from beside the pinned bundle; no English text left in the widgets.
  expect(catalogues).toHaveLength(1);
  expect(catalogues[0].url).toMatch(/\/widgets\/v\d+\.\d+\.\d+\/sightline-widgets\.de\.json$/);
  expect(catalogues[0].status).toBe(200);
  const shown = await page.evaluate(() =>
    [...document.querySelectorAll("main > section > *")].map((el) => el.shadowRoot?.textContent ?? "").join("\n"),
  );
  for (const text of [
    "Orders",
    "Search orders",
    "Previous",
    "Service levels",
    "Raise escalation",
    "Target ",
    "Timeline",
  ])
    expect(shown).not.toContain(text);

  const results = await new AxeBuilder({ page }).include("main").analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
});

test("the widgets follow a host page that switches <html lang> from English to German after load", async ({
  page,
  request,
}) => {
  const expected = await acmeOrders(request);
  await page.goto(INTRANET_URL);
  await expect(list(page).getByRole("searchbox", { name: "Search orders" })).toBeVisible();
  await expect(rows(page)).toHaveCount(expected.length);
  // The host's own language switch: no reload, only the attribute.
  await page.evaluate(() => document.documentElement.setAttribute("lang", "de"));
  await expect(list(page).getByRole("searchbox", { name: "Aufträge suchen" })).toBeVisible();
  await expect(list(page).getByRole("columnheader")).toHaveText([
    "Auftrag",
    "Bestellnr.",
    "Status",
    "Zugesagt",
    "Aktualisiert",
  ]);
  await expect(
    page.locator("sightline-escalation-form").getByRole("heading", { name: "Eskalation melden" }),
  ).toBeVisible();
  await expect(
    page.locator("sightline-sla-scorecard").getByRole("heading", { name: /^Servicelevel · GJ\d{4}/ }),
  ).toBeVisible();
  await expect(rows(page)).toHaveCount(expected.length);
});
