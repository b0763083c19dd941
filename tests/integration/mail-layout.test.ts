// The portal's e-mails (issue 19, "E-mails people want to open"), captured from a local SMTP
// server: invitations, password resets and notifications come as HTML and plain text in the
// shared layout (mail-layout.server.ts), in the reader's language, with every link absolute to
// PUBLIC_URL, notifications with a link to Settings → Notifications, no NUL bytes (the hazard of
// React's streaming renderer with multi-byte text), and the HTML passes axe in Chromium.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { translator } from "#app/i18n/catalogue";
import { mailNotices } from "#app/server/escalations/notify.server";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { eventually, startSmtp } from "../support/escalations";
import { hrefsOf, parseMail, seriousAxeFindings, type ParsedMail } from "../support/mail";
// tests/support/portal.ts is imported once the environment is set (the portal reads it once).
import type { Browser as BrowserClass, TestPortal } from "../support/portal";

const PUBLIC = "https://portal.sightline.test";
process.env.SIGHTLINE_SIMULATE = "off";
process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";
process.env.PUBLIC_URL = PUBLIC;
process.env.SESSION_SECRET ??= "mail-layout-test-secret-0123456789abcdef";

let handle: DbHandle;
let portal: TestPortal;
let Browser: typeof BrowserClass;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let ip = 1;

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  handle = await createSeededTestDb({ ordersPerTenant: 1 });
  const support = await import("../support/portal");
  Browser = support.Browser;
  portal = await support.startPortal(handle);
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await handle?.close();
  await smtp?.close();
});

/** A client whose posts come from the public origin (the portal accepts no other with PUBLIC_URL). */
function browser(): BrowserClass {
  return new Browser(portal.url, `198.51.100.${ip++}`);
}
/** A form post as it reaches the portal behind its proxy: the public origin and forwarded host. */
const post = (b: BrowserClass, path: string, form: Record<string, string>) =>
  b.request(path, {
    method: "POST",
    body: new URLSearchParams(form).toString(),
    contentType: "application/x-www-form-urlencoded",
    origin: PUBLIC,
    headers: { "x-forwarded-host": new URL(PUBLIC).host },
  });

async function mailTo(email: string): Promise<ParsedMail> {
  const m = await eventually(() => smtp.mails.find((x) => x.to.includes(email)));
  return parseMail(m.raw, m.to);
}

async function userId(email: string): Promise<{ id: string; tenantId: string }> {
  const r = await handle.db.execute<{ id: string; org: string }>(
    sql`select u.id, m.organization_id as org from "user" u join member m on m.user_id = u.id where u.email = ${email}`,
  );
  return { id: r.rows[0].id, tenantId: r.rows[0].org };
}

/** Both parts present, every link absolute on the public origin, no NUL bytes. */
function expectWellFormed(mail: ParsedMail): void {
  expect(mail.text.length).toBeGreaterThan(0);
  expect(mail.html).toMatch(/^<!DOCTYPE html>/);
  expect(mail.html).not.toContain("<pre");
  const links = hrefsOf(mail.html);
  expect(links.length).toBeGreaterThan(0);
  for (const href of links) expect(href.startsWith(`${PUBLIC}/`), href).toBe(true);
  for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toContain("\u0000");
}

describe("a password reset mail", () => {
  it("comes in the reader's language (Japanese for Sakura) with an absolute reset link in both parts", async () => {
    expect((await post(browser(), "/forgot-password", { email: "admin@sakura.example" })).status).toBe(200);
    const mail = await mailTo("admin@sakura.example");
    const t = translator("ja");
    expectWellFormed(mail);
    expect(mail.subject).toBe(t("email.reset.subject"));
    expect(mail.html).toContain('<html lang="ja">');
    expect(mail.html).toContain(t("email.reset.heading"));
    expect(mail.text).toContain(t("email.reset.ignore"));
    const link = new RegExp(`${PUBLIC.replace(/\./g, "\\.")}/reset-password\\?token=[\\w-]+`);
    expect(mail.text).toMatch(link);
    expect(hrefsOf(mail.html).some((h) => link.test(h))).toBe(true);
  });
});

describe("an invitation mail", () => {
  it("comes in the inviting account's language (German for Nordwind) with an absolute accept link", async () => {
    const admin = browser();
    expect((await post(admin, "/login", { email: "admin@nordwind.example", password: "sightline-demo" })).status).toBe(
      302,
    );
    const res = await post(admin, "/settings?index", {
      intent: "invite",
      email: "neu.einkauf@nordwind.example",
      role: "customer_viewer",
    });
    expect(res.status).toBe(200);
    const mail = await mailTo("neu.einkauf@nordwind.example");
    const t = translator("de");
    expectWellFormed(mail);
    expect(mail.subject).toContain("in Sightline eingeladen");
    expect(mail.html).toContain('<html lang="de">');
    expect(mail.text).toContain(t("email.invite.expiry"));
    expect(mail.text).toMatch(new RegExp(`${PUBLIC.replace(/\./g, "\\.")}/invitations/[\\w-]+`));
    expect(hrefsOf(mail.html).filter((h) => h.includes("/invitations/")).length).toBeGreaterThan(0);
  });
});

describe("a notification mail", () => {
  it("links Settings → Notifications, keeps customer-typed markup inert and names no internal ids", async () => {
    const reader = await userId("admin@nordwind.example");
    await mailNotices([
      {
        tenantId: reader.tenantId,
        recipientUserId: reader.id,
        recipientKind: "customer",
        escalationId: null,
        title: "ESC-7: Antwort vom Support",
        body: 'Bitte prüfen: <b onclick="x()">Lieferung</b>',
        link: "/escalations/00000000-0000-0000-0000-000000000007",
      },
    ]);
    const mail = await mailTo("admin@nordwind.example");
    expectWellFormed(mail);
    expect(mail.html).toContain('<html lang="de">');
    expect(mail.text).toContain(`${PUBLIC}/settings/notifications`);
    expect(hrefsOf(mail.html)).toContain(`${PUBLIC}/settings/notifications`);
    expect(hrefsOf(mail.html)).toContain(`${PUBLIC}/escalations/00000000-0000-0000-0000-000000000007`);
    expect(mail.html).toContain("&#60;b onclick=&#34;x()&#34;&#62;Lieferung&#60;/b&#62;");
    expect(mail.html).not.toContain("<b onclick");
    for (const part of [mail.text, mail.html]) {
      expect(part).not.toContain(reader.id);
      expect(part).not.toContain(reader.tenantId);
    }
  });
});

describe("the HTML of a captured mail in Chromium", () => {
  it("has no serious or critical axe findings (the Japanese reset mail)", async () => {
    const mail = await mailTo("admin@sakura.example");
    expect(await seriousAxeFindings(mail.html)).toEqual([]);
  }, 60_000);
});
