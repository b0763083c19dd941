// Notifications and escalation refusals in the reader's language. A notice is written once (by the
// real services, over HTTP) and worded when it is read: a staff member sees it in the language of
// their profile at the time they look, the e-mail in the recipient's language when it is sent,
// and a row from before 0088 keeps its stored English text. A refusal with details in it (a status,
// a window) reaches a German reader as its own German sentence, not a general one.
// Same on every database: PGlite by construction (createSeededTestDb(…, "pglite")). npm run test:pg leaves it out (vitest.config.ts).
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { escalationNotifications, escalations, user } from "#db/schema/index";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { translator } from "#app/i18n/catalogue";
import { noticeMessage, noticeWords } from "#app/server/escalations/notify.server";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { Client, eventually, startSmtp } from "../support/escalations";
import { startPortal, type TestPortal } from "../support/portal";

process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";
process.env.SIGHTLINE_SIMULATE = "off";

const [acme, nordwind] = DEMO_TENANTS;
let handle: DbHandle;
let portal: TestPortal;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let ip = 1;
const client = () => new Client(portal.url, `198.51.100.${150 + ip++}`);

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  handle = await createSeededTestDb({ ordersPerTenant: 2 }, "pglite");
  portal = await startPortal(handle);
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await handle?.close();
  await smtp?.close();
});

/** Raises an escalation as a customer; returns its id and number. */
async function raise(c: Client, title: string): Promise<{ id: string; number: number }> {
  const res = await c.post("/escalations/new", {
    category: "late_delivery",
    severity: "P3",
    title,
    description: "The order has not arrived and nobody told us why.",
    desiredOutcome: "A new delivery date.",
  });
  expect(res.status, await res.clone().text()).toBe(302);
  const id = /^\/escalations\/([0-9a-f-]{36})/.exec(res.headers.get("location") ?? "")?.[1] ?? "";
  const [row] = await handle.db.select({ number: escalations.number }).from(escalations).where(eq(escalations.id, id));
  return { id, number: row.number };
}

/** The text of the signed-in person's notifications page. */
const notificationsOf = async (c: Client) => {
  const res = await c.get("/notifications");
  expect(res.status).toBe(200);
  return (await res.text()).replace(/<!-- -->/g, "");
};

/** A notice for the agent written straight into the table (as an older release or a job would). */
async function plantAgentNotice(n: {
  tenantId: string;
  title: string;
  body: string;
  messageKey?: string;
  messageParams?: Record<string, string | number>;
}) {
  const [agent] = await handle.db.select({ id: user.id }).from(user).where(eq(user.email, "agent@sightline.example"));
  await handle.db
    .insert(escalationNotifications)
    .values({ ...n, recipientUserId: agent.id, recipientKind: "staff", escalationId: null, link: "/staff/queue" });
}

/** The agent's notifications page with their profile set to a language (set back to English after). */
async function agentPageIn(locale: string): Promise<string> {
  const c = await client().signIn("agent@sightline.example");
  await c.post("/profile", { locale, timeZone: "UTC" });
  const page = await notificationsOf(c);
  await c.post("/profile", { locale: "en", timeZone: "UTC" });
  return page;
}

describe("a staff member's notifications", () => {
  it("are shown in the language of their profile, whichever it is when they look", async () => {
    const agent = await client().signIn("agent@sightline.example");
    expect((await agent.post("/profile", { locale: "de", timeZone: "Europe/Berlin" })).status).toBe(200);
    const viewer = await client().signIn("viewer@acme.example");
    const mailsBefore = smtp.mails.length;
    const { number } = await raise(viewer, "Marker Sprachprobe");
    const key = `ACME-${number}`;

    const german = await notificationsOf(agent);
    expect(german).toContain(`${key} von ${acme.name} eröffnet: Marker Sprachprobe`);
    expect(german).toContain("P3 · Verspätete Lieferung");
    expect(german).not.toContain(`${key} raised by`);
    // The e-mail went out in the language the agent had chosen when it was sent.
    const mail = await eventually(() =>
      smtp.mails.slice(mailsBefore).find((m) => m.to.includes("agent@sightline.example")),
    );
    expect(mail.decoded).toContain(`${key} von ${acme.name} er`);

    await agent.post("/profile", { locale: "ja", timeZone: "Europe/Berlin" });
    const japanese = await notificationsOf(agent);
    expect(japanese).toContain(`${acme.name} が ${key} を起票しました：Marker Sprachprobe`);
    expect(japanese).toContain("P3 · 納品遅延");

    await agent.post("/profile", { locale: "en", timeZone: "Europe/Berlin" });
    const english = await notificationsOf(agent);
    expect(english).toContain(`${key} raised by ${acme.name}: Marker Sprachprobe`);
    expect(english).toContain("P3 · Late delivery");
  });

  it("words an SLA-breach notice with the reader's business-time duration", async () => {
    await plantAgentNotice({
      tenantId: nordwind.id,
      title: "SLA breached: NORD-9",
      body: "NORD-9 (Nordwind) breached its resolution target by 2 h 15 min.\nPallets missing",
      messageKey: "notifications.escalation.slaBreached",
      messageParams: {
        key: "NORD-9",
        account: "Nordwind",
        clock: "resolution",
        minutes: 135,
        title: "Pallets missing",
      },
    });
    const page = await agentPageIn("de");
    const t = translator("de");
    expect(page).toContain(t("notifications.escalation.slaBreached.title", { key: "NORD-9" }));
    expect(page).toMatch(/NORD-9 \(Nordwind\) hat das Ziel für die Lösung um 2\sStd\.\s15\sMin\. überschritten\./u);
  });

  it("keeps the stored text of a notice written before notices had a key", async () => {
    await plantAgentNotice({ tenantId: acme.id, title: "Marker old notice", body: "Written before 0088." });
    const page = await agentPageIn("de");
    expect(page).toContain("Marker old notice");
    expect(page).toContain("Written before 0088.");
  });

  it("stores the English words beside the key, for readers of the row itself", async () => {
    const rows = await handle.db
      .select({
        title: escalationNotifications.title,
        key: escalationNotifications.messageKey,
        params: escalationNotifications.messageParams,
      })
      .from(escalationNotifications)
      .where(
        and(
          eq(escalationNotifications.tenantId, acme.id),
          eq(escalationNotifications.messageKey, "notifications.escalation.raised"),
        ),
      );
    const row = rows.find((r) => r.title.includes("Marker Sprachprobe"));
    expect(row?.title).toMatch(/^ACME-\d+ raised by .*: Marker Sprachprobe$/);
    expect(row?.params).toMatchObject({ title: "Marker Sprachprobe", category: "late_delivery", severity: "P3" });
  });
});

describe("a customer's order notice", () => {
  it("is stored in English and read in German and Japanese, dates in the reader's format", () => {
    const n = noticeMessage("notifications.order.status", {
      order: "SO-7",
      orderStatus: "in_transit",
      late: "yes",
      promised: "2026-03-06",
      view: "Munich",
    });
    expect(n.title).toBe("Order SO-7 is in transit (late)");
    expect(n.body).toBe(
      "Order SO-7 changed status to in transit. It is late: promised for 6 Mar 2026. From your view “Munich”.",
    );
    expect(noticeWords(n, "de", "Europe/Berlin")).toEqual({
      title: "Auftrag SO-7: Unterwegs (verspätet)",
      body: "Auftrag SO-7 hat jetzt den Status „Unterwegs“. Er ist verspätet: zugesagt für 6. März 2026. Aus Ihrer Ansicht „Munich“.",
    });
    expect(noticeWords(n, "ja", "Asia/Tokyo").title).toBe("注文 SO-7：輸送中（遅延）");
  });
});

describe("a refused status change", () => {
  it("tells a German customer exactly why, in German", async () => {
    const admin = await client().signIn("admin@nordwind.example");
    const { id } = await raise(admin, "Marker Ablehnung");
    const page = async (to: string) => {
      const res = await admin.post(`/escalations/${id}`, { intent: "status", to });
      expect(res.status).toBe(409);
      return (await res.text()).replace(/<!-- -->/g, "");
    };
    // Customers may not acknowledge their own escalation: the support team does.
    expect(await page("acknowledged")).toContain(
      "Nur das Support-Team kann eine Eskalation auf „Bestätigt“ setzen; Sie können antworten, eine Lösung bestätigen oder die Eskalation erneut öffnen.",
    );
    // Nothing to change.
    expect(await page("open")).toContain("Die Eskalation hat bereits den Status „Offen“.");
    // An open escalation cannot be closed before it is resolved.
    expect(await page("closed")).toContain(
      "Eine Eskalation im Status „Offen“ kann nicht geschlossen werden; lösen Sie sie zuerst.",
    );
  });

  it("tells an English customer the same sentence the API answers with", async () => {
    const viewer = await client().signIn("viewer@acme.example");
    const { id } = await raise(viewer, "Marker API refusal");
    const res = await viewer.post(`/escalations/${id}`, { intent: "status", to: "acknowledged" });
    expect(res.status).toBe(409);
    expect((await res.text()).replace(/<!-- -->/g, "")).toContain(
      "Only the support team can mark an escalation as acknowledged; you can reply, confirm a resolution or reopen.",
    );
  });
});
