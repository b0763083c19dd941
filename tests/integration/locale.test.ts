// Which language a page is rendered in: the account's default, the person's own choice in the
// profile (kept across requests), the browser's when signed out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "../../db/client";
import { migrate } from "../../db/migrate";
import { seedDemo } from "../../db/seed/seed";
import { Browser, startPortal, type TestPortal } from "../support/portal";

let handle: DbHandle;
let portal: TestPortal;
let ip = 1;
const browser = () => new Browser(portal.url, `198.51.100.${100 + ip++}`);
const langOf = async (r: Response) => /<html lang="([a-z]+)"/.exec(await r.text())?.[1];

beforeAll(async () => {
  handle = await openDb({});
  await migrate(handle);
  await seedDemo(handle, { ordersPerTenant: 3, progress: () => undefined });
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
