// Which language a page is rendered in: the account's default, the person's own choice in the
// profile (kept across requests), the browser's when signed out.
// Same on every database: PGlite by construction (createSeededTestDb(…, "pglite")). npm run test:pg leaves it out (vitest.config.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { Browser, startPortal, type TestPortal } from "../support/portal";

let handle: DbHandle;
let portal: TestPortal;
let ip = 1;
const browser = () => new Browser(portal.url, `198.51.100.${100 + ip++}`);
const langOf = async (r: Response) => /<html lang="([a-z]+)"/.exec(await r.text())?.[1];

beforeAll(async () => {
  handle = await createSeededTestDb({ ordersPerTenant: 3 }, "pglite");
  portal = await startPortal(handle);
}, 120_000);

afterAll(async () => {
  await portal?.close();
  await handle?.close();
});

describe("locale of a page", () => {
  it("follows the account's default: Nordwind German, Sakura Japanese, Acme English", async () => {
    for (const [email, lang, word] of [
      ["admin@nordwind.example", "de", "Aufträge"],
      ["admin@sakura.example", "ja", "注文"],
      ["admin@acme.example", "en", "Orders"],
    ] as const) {
      const b = browser();
      await b.signIn(email);
      const page = await b.get("/orders", { "accept-language": "fr" });
      const html = await page.text();
      expect(/<html lang="([a-z]+)"/.exec(html)?.[1], email).toBe(lang);
      expect(html).toContain(word);
    }
  });

  it("keeps the person's own choice from the profile over the account's default", async () => {
    const b = browser();
    await b.signIn("admin@nordwind.example");
    const saved = await b.post("/profile", { locale: "en" });
    expect(saved.status).toBe(200);
    expect(await langOf(await b.get("/orders"))).toBe("en");
    await b.post("/profile", { locale: "" });
    expect(await langOf(await b.get("/orders"))).toBe("de");
  });

  it("refuses a language it does not speak with a 400 and keeps the old one", async () => {
    const b = browser();
    await b.signIn("admin@sakura.example");
    const r = await b.post("/profile", { locale: "fr" });
    expect(r.status).toBe(400);
    expect(await langOf(await b.get("/orders"))).toBe("ja");
  });

  it("lets staff choose their own time zone, refusing unknown zones", async () => {
    const b = browser();
    await b.signIn("agent@sightline.example");
    expect((await b.post("/profile", { locale: "", timeZone: "Mars/Olympus" })).status).toBe(400);
    expect((await b.post("/profile", { locale: "", timeZone: "Asia/Tokyo" })).status).toBe(200);
  });

  it("uses the browser's language when nobody is signed in", async () => {
    expect(await langOf(await browser().get("/login", { "accept-language": "de-AT,de;q=0.9" }))).toBe("de");
    expect(await langOf(await browser().get("/login", { "accept-language": "es" }))).toBe("en");
  });

  it("serves Japanese and German pages without stray NUL bytes (React 18 leaks them next to multi-byte characters)", async () => {
    for (const email of ["admin@sakura.example", "admin@nordwind.example"]) {
      const b = browser();
      await b.signIn(email);
      for (const path of ["/orders", "/sla", "/escalations", "/escalations/new", "/calendar", "/settings/calendar"]) {
        const r = await b.get(path);
        expect(r.status, `${email} ${path}`).toBe(200);
        const html = await r.text();
        expect(html.length, `${email} ${path}`).toBeGreaterThan(4 * 2048);
        expect(html.indexOf("\u0000"), `${email} ${path}: NUL at`).toBe(-1);
      }
    }
  });
});

describe("error pages in the reader's language", () => {
  const missing = "00000000-0000-4000-8000-000000000000";

  it("words 404s of orders and escalations in German and Japanese", async () => {
    const de = browser();
    await de.signIn("admin@nordwind.example");
    const order = await de.get(`/orders/${missing}`);
    expect(order.status).toBe(404);
    const orderHtml = await order.text();
    expect(orderHtml).toContain("In Ihrem Konto gibt es keinen Auftrag mit dieser ID.");
    expect(orderHtml).not.toContain("There is no order");
    const ja = browser();
    await ja.signIn("admin@sakura.example");
    const esc = await ja.get(`/escalations/${missing}`);
    expect(esc.status).toBe(404);
    const escHtml = await esc.text();
    expect(escHtml).toContain("そのエスカレーションは存在しないか、閲覧できません。");
    expect(escHtml).not.toContain("There is no such escalation");
  });

  it("words refusals (a staff page, a cross-site form post, the digest preview) in German", async () => {
    const b = browser();
    await b.signIn("admin@nordwind.example");
    const staff = await b.get("/staff/workload");
    expect(staff.status).toBe(403);
    expect(await staff.text()).toContain("Diese Seite ist für Sightline-Mitarbeitende bestimmt.");
    // Refused before Remix (no session read): the browser's language words it.
    const csrf = await b.request("/settings?index", {
      method: "POST",
      body: new URLSearchParams({ intent: "invite", email: "x@nordwind.example" }),
      origin: "https://evil.example",
      headers: { "accept-language": "de-DE,de;q=0.9", "content-type": "application/x-www-form-urlencoded" },
    });
    expect(csrf.status).toBe(403);
    const csrfText = await csrf.text();
    expect(csrfText).toContain("Dieses Formular wurde von einer anderen Website abgeschickt und abgelehnt.");
    expect(csrfText).not.toContain("submitted from another site");
    const preview = await b.get("/settings/notifications/preview?cadence=daily");
    expect(preview.status).toBe(400);
    expect(await preview.text()).toBe("Wählen Sie eine wöchentliche Zusammenfassung oder eine pro Geschäftsperiode.");
  });
});

describe("server texts without a page", () => {
  it("names an API problem in the caller's language: Accept-Language when signed out", async () => {
    const de = await browser().get("/api/v1/orders", { "accept-language": "de-DE,de;q=0.9" });
    expect(de.status).toBe(401);
    expect(de.headers.get("content-language")).toBe("de");
    expect((await de.json()).title).toBe("Nicht authentifiziert");
    const ja = await browser().get("/api/v1/orders", { "accept-language": "ja" });
    expect((await ja.json()).title).toBe("認証されていません");
    const other = await browser().get("/api/v1/orders", { "accept-language": "fr" });
    expect((await other.json()).title).toBe("Unauthorized");
  });

  it("names an API problem in the signed-in person's language, whatever the browser says", async () => {
    const b = browser();
    await b.signIn("admin@nordwind.example");
    const res = await b.get("/api/v1/orders/00000000-0000-4000-8000-000000000000", { "accept-language": "en" });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect((await res.json()).title).toBe("Nicht gefunden");
  });

  it("titles the escalation API's refusals in the caller's language (de, ja), not English", async () => {
    for (const [email, title] of [
      ["admin@nordwind.example", "Nicht gefunden"],
      ["admin@sakura.example", "見つかりません"],
    ]) {
      const b = browser();
      await b.signIn(email);
      const res = await b.get("/api/v1/escalations/00000000-0000-4000-8000-000000000000", { "accept-language": "en" });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-language")).toBe(email.includes("nordwind") ? "de" : "ja");
      expect((await res.json()).title).toBe(title);
    }
  });

  it("answers a German admin's invitation in German, the service's words included", async () => {
    const b = browser();
    await b.signIn("admin@nordwind.example");
    const res = await b.post("/settings?index", {
      intent: "invite",
      email: "lager@nordwind.example",
      role: "customer_viewer",
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Einladung an lager@nordwind.example gesendet. Sie ist 7 Tage gültig.");
  });

  it("heads the order export's columns in the reader's language, the cells staying data", async () => {
    const b = browser();
    await b.signIn("admin@nordwind.example");
    const res = await b.get("/orders/export.csv");
    expect(res.status).toBe(200);
    const header = (await res.text()).replace(/^\uFEFF/, "").split("\r\n")[0];
    expect(header.split(",").slice(0, 4)).toEqual(["Auftragsnummer", "Kundenbestellnummer", "Standort", "Status"]);
    expect(header).toContain("Geschäftsperiode");
    const sakura = browser();
    await sakura.signIn("admin@sakura.example");
    const ja = (await (await sakura.get("/orders/export.csv")).text()).replace(/^\uFEFF/, "");
    expect(ja.startsWith("注文番号,顧客発注番号,拠点,ステータス")).toBe(true);
  });
});

describe("the message catalogue a page's browser loads", () => {
  const catalogueLink = (html: string) =>
    /<link rel="preload" as="fetch" crossorigin="anonymous" href="([^"]+)" data-catalogue="([a-z]+)"/.exec(html);

  it("is named by the page (locale and version) instead of travelling inside every page's data", async () => {
    const b = browser();
    await b.signIn("admin@sakura.example");
    const html = await (await b.get("/orders")).text();
    const link = catalogueLink(html);
    expect(link?.[2]).toBe("ja");
    expect(link?.[1].replaceAll("&amp;", "&")).toMatch(/^\/i18n\.json\?locale=ja&v=[0-9a-f]{12}$/);
    // A message the order list never shows (the weekly digest e-mail's title) is not in the page.
    const file = (await (await browser().get(link![1].replaceAll("&amp;", "&"))).json()) as Record<string, string>;
    const unused = file["email.digest.title.week"];
    expect(unused).toBeTruthy();
    expect(html).not.toContain(JSON.stringify(unused).slice(1, -1));
  });

  it("is cached for a year at its current version and revalidated at any other", async () => {
    const html = await (await browser().get("/login", { "accept-language": "de" })).text();
    const url = catalogueLink(html)![1].replaceAll("&amp;", "&");
    const current = await browser().get(url);
    expect(current.status).toBe(200);
    expect(current.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(current.headers.get("content-language")).toBe("de");
    expect(((await current.json()) as Record<string, string>)["nav.orders"]).toBe("Aufträge");
    const stale = await browser().get("/i18n.json?locale=de&v=000000000000");
    expect(stale.headers.get("cache-control")).toBe("no-cache");
    expect(((await stale.json()) as Record<string, string>)["nav.orders"]).toBe("Aufträge");
  });

  it("refuses a locale Sightline does not speak with a problem, not a page", async () => {
    for (const locale of ["fr", "", "../en", "ja%00"]) {
      const res = await browser().get(`/i18n.json?locale=${locale}`);
      expect(res.status, locale).toBe(400);
      expect(res.headers.get("content-type"), locale).toBe("application/problem+json");
    }
  });
});
