// @vitest-environment happy-dom
// The widgets speak the page's language: the `locale` attribute, else the nearest `lang` (normally
// <html lang>), else English; the catalogue file is fetched once and checked against the hash the
// bundle carries; the API is asked for problem titles in the same language.
import { afterEach, describe, expect, it, vi } from "vitest";
import { AREAS } from "../../../app/i18n/messages/index";
import { catalogueResponse, json, makeToken, mount, scriptFetch, shadow } from "../test-support";
import "../components/order-list/order-list";
import "../components/order-tracker/order-tracker";
import { resetCatalogues, widgetLocale } from "./i18n";
import { pageLangFollowers } from "./page-lang";

const token = makeToken({ tz: "Europe/Berlin" });
const ORDER = {
  id: "00000000-0000-4000-8000-000000000001",
  orderNumber: "SO-1",
  customerPo: "PO-1",
  status: "in_transit",
  statusAt: "2026-03-02T15:00:00Z",
  promisedDate: "2026-03-06",
  late: true,
  lateState: "open",
};
const list = (attrs = "") =>
  `<sightline-order-list no-live api-base="https://portal.test" token="${token}" ${attrs}></sightline-order-list>`;

function serve(orders = [ORDER]) {
  return scriptFetch((url) => catalogueResponse(url) ?? json({ data: orders, page: { next: null, prev: null } }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
  document.documentElement.removeAttribute("lang");
  resetCatalogues();
});

/** English texts of the catalogue that German says differently (long enough not to occur by chance). */
const englishOnly = Object.entries(AREAS.widgets.en as Record<string, string>)
  .filter(([id, en]) => !en.includes("{") && en.length >= 5 && (AREAS.widgets.de as Record<string, string>)[id] !== en)
  .map(([, en]) => en);

describe("widget language", () => {
  it('renders German on a lang="de" page: texts, dates, the late mark, and German problem titles asked for', async () => {
    document.documentElement.lang = "de";
    const calls = serve();
    const el = await mount<HTMLElement>(list());
    const root = shadow(el);
    expect(root.querySelector("h2")?.textContent).toBe("Aufträge");
    expect([...root.querySelectorAll("th")].map((th) => th.textContent?.trim())).toEqual([
      "Auftrag",
      "Bestellnr.",
      "Status",
      "Zugesagt",
      "Aktualisiert",
    ]);
    const row = root.querySelector("tbody tr")?.textContent?.replace(/\s+/g, " ") ?? "";
    expect(row).toContain("Unterwegs");
    expect(row).toContain("Verspätet");
    expect(row).toContain("6. März 2026");
    expect(row).toContain("2. März 2026, 16:00 GMT+1");
    const text = root.textContent ?? "";
    for (const en of englishOnly) expect(text, en).not.toContain(en);
    const catalogue = calls.filter((c) => c.url.endsWith("/sightline-widgets.de.json"));
    expect(catalogue).toHaveLength(1);
    expect(catalogue[0].init.credentials).toBe("omit");
    const api = calls.find((c) => c.url.includes("/api/v1/orders"));
    expect((api?.init.headers as Record<string, string>)["Accept-Language"]).toBe("de");
  });

  it("takes the locale attribute over the page's language, and a region tag as its language", async () => {
    document.documentElement.lang = "de";
    const calls = serve();
    const ja = await mount<HTMLElement>(list('locale="ja-JP"'));
    expect(shadow(ja).querySelector("h2")?.textContent).toBe("注文");
    const en = await mount<HTMLElement>(list('locale="en"'));
    expect(shadow(en).querySelector("h2")?.textContent).toBe("Orders");
    expect(calls.some((c) => c.url.endsWith("/sightline-widgets.de.json"))).toBe(false);
    const section = document.createElement("section");
    section.lang = "de-AT";
    document.body.append(section);
    expect(widgetLocale(section, null)).toBe("de");
    expect(widgetLocale(section, "fr")).toBe("de");
    document.documentElement.lang = "fr";
    expect(widgetLocale(document.body, null)).toBe("en");
  });

  it("follows a host page that switches <html lang> after load, through one observer that goes with the last widget", async () => {
    document.documentElement.lang = "en";
    serve();
    const el = await mount<HTMLElement>(list());
    const own = await mount<HTMLElement>(list('locale="ja"'));
    expect(shadow(el).querySelector("h2")?.textContent).toBe("Orders");
    expect(pageLangFollowers()).toEqual({ widgets: 2, observing: true });
    document.documentElement.lang = "de";
    await vi.waitFor(() => expect(shadow(el).querySelector("h2")?.textContent).toBe("Aufträge"));
    expect(shadow(el).querySelector("tbody")?.textContent).toContain("Unterwegs");
    // A widget with its own locale attribute keeps it.
    expect(shadow(own).querySelector("h2")?.textContent).toBe("注文");
    document.documentElement.lang = "en";
    await vi.waitFor(() => expect(shadow(el).querySelector("h2")?.textContent).toBe("Orders"));
    el.remove();
    expect(pageLangFollowers()).toEqual({ widgets: 1, observing: true });
    own.remove();
    expect(pageLangFollowers()).toEqual({ widgets: 0, observing: false });
  });

  it("stays in English when the catalogue file cannot be had or is not the one the bundle expects", async () => {
    document.documentElement.lang = "de";
    scriptFetch((url) =>
      url.pathname.endsWith(".json")
        ? json({ "widgets.orders.heading": "Gefälscht" })
        : json({ data: [ORDER], page: { next: null, prev: null } }),
    );
    const tampered = await mount<HTMLElement>(list());
    expect(shadow(tampered).querySelector("h2")?.textContent).toBe("Orders");
    resetCatalogues();
    scriptFetch((url) =>
      url.pathname.endsWith(".json")
        ? new Response("no", { status: 404 })
        : json({ data: [ORDER], page: { next: null, prev: null } }),
    );
    const missing = await mount<HTMLElement>(list());
    expect(shadow(missing).querySelector("h2")?.textContent).toBe("Orders");
    expect(shadow(missing).querySelector("tbody")?.textContent).toContain("In transit");
  });

  it("shows the API's localised problem title to a German reader, not the English detail", async () => {
    document.documentElement.lang = "de";
    scriptFetch(
      (url) =>
        catalogueResponse(url) ??
        json(
          { type: "about:blank", title: "Nicht gefunden", status: 404, detail: "There is no order with that id." },
          404,
        ),
    );
    const el = await mount<HTMLElement>(
      `<sightline-order-tracker no-live api-base="https://portal.test" token="${token}" order="${ORDER.id}"></sightline-order-tracker>`,
    );
    const alert = shadow(el).querySelector("[role=alert]")?.textContent ?? "";
    expect(alert).toContain("Sightline meldet: Nicht gefunden");
    expect(alert).toContain("Erneut versuchen");
    expect(alert).not.toContain("There is no order");
  });
});
