// SLA digest e-mails end to end over real SMTP (a local smtp-server): subscribers get the digest
// of the fiscal week / period that closed last, with the same figures as the scorecard of that
// period, in their language, as HTML and plain text; each digest once per user and period, also
// when the sending process dies after claiming; nobody unsubscribed gets one; nobody gets
// another tenant's figures.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { tenants } from "#db/schema/index";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { fiscalLabel } from "#app/i18n/fiscal";
import { createFormatter } from "#app/i18n/format";
import { translator, type MessageId } from "#app/i18n/catalogue";
import { tenantSummaryOf, type TenantSummary } from "#app/server/auth/tenant-summary.server";
import { setDb } from "#app/server/db.server";
import { portalOrigin } from "#app/server/env.server";
import { getDigestChoice, runSlaDigests, setDigestChoice } from "#app/server/sla/digest.server";
import { worstSites } from "#app/server/sla/digest-mail.server";
import { buildScorecard, type Scorecard } from "#app/server/sla/scorecard.server";
// tests/support/portal.ts is imported once SMTP_URL is set (the portal reads the environment once).
import { createSeededTestDb } from "../support/seeded-snapshot";
import type { Browser as BrowserClass, TestPortal } from "../support/portal";
import { startSmtp } from "../support/escalations";
import { parseMail, seriousAxeFindings, sidewaysOverflow } from "../support/mail";

process.env.SIGHTLINE_SIMULATE = "off";
process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";

const [acme, nordwind] = DEMO_TENANTS;
let handle: DbHandle;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const people: Record<string, { id: string; tenantId: string }> = {};
const summaries: Record<string, TenantSummary> = {};

const mailsTo = (email: string) => smtp.mails.filter((m) => m.to.includes(email)).map((m) => parseMail(m.raw, m.to));

async function subscribe(email: string, choice: "week" | "period" | "none", since = "60 days"): Promise<void> {
  const p = people[email];
  await setDigestChoice({ role: "portal_customer", tenantId: p.tenantId, userId: p.id }, choice);
  // Subscribed well before the period that closed last (the first digest due is the period that
  // was running when someone subscribed).
  await handle.db.execute(
    sql`update sla_digest_subscriptions set updated_at = now() - ${since}::interval where user_id = ${p.id}`,
  );
}

async function scorecardOf(email: string, period: "week" | "period", now: Date): Promise<Scorecard> {
  const p = people[email];
  const r = await buildScorecard(
    { role: "portal_customer", tenantId: p.tenantId, userId: p.id },
    summaries[p.tenantId],
    {
      period: { kind: "relative", which: "last", granularity: period },
      now: now.getTime(),
    },
  );
  if (!r.ok) throw new Error(r.message);
  return r.scorecard;
}

async function deliveries(): Promise<{ user_id: string; period_id: string; status: string; attempts: number }[]> {
  const r = await handle.db.execute<{ user_id: string; period_id: string; status: string; attempts: number }>(
    sql`select user_id, period_id, status, attempts from sla_digest_deliveries order by user_id`,
  );
  return r.rows;
}

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  handle = await createSeededTestDb({ ordersPerTenant: 240 });
  setDb(handle);
  const rows = await handle.db.execute<{ id: string; email: string; org: string }>(
    sql`select u.id, u.email, m.organization_id as org from "user" u join member m on m.user_id = u.id`,
  );
  for (const r of rows.rows) people[r.email] = { id: r.id, tenantId: r.org };
  for (const t of await handle.db.select().from(tenants)) summaries[t.id] = tenantSummaryOf(t);
}, 240_000);

afterAll(async () => {
  await smtp?.close();
  await handle?.close();
});

beforeEach(async () => {
  smtp.mails.length = 0;
  await handle.db.execute(sql`delete from sla_digest_deliveries`);
  await handle.db.execute(sql`delete from sla_digest_subscriptions`);
});

describe("SLA digest", () => {
  it("mails each subscriber the scorecard of the closed week or period, in their language, once", async () => {
    await subscribe("viewer@acme.example", "week");
    await subscribe("admin@nordwind.example", "period");
    await subscribe("admin@acme.example", "none");
    const now = new Date();
    const report = await runSlaDigests(handle, { now });
    expect(report).toMatchObject({ due: 2, sent: 2, failed: 0 });

    // English, weekly, Acme.
    const [en] = mailsTo("viewer@acme.example");
    expect(mailsTo("viewer@acme.example")).toHaveLength(1);
    const sc = await scorecardOf("viewer@acme.example", "week", now);
    const f = createFormatter("en", sc.tenant.timeZone);
    const t = translator("en");
    const otif = sc.kpis.find((k) => k.id === "otif")!;
    const pct = (v: number | null) => (v === null ? t("email.digest.notMeasured") : f.percent(v / 100, 2));
    expect(sc.period.granularity).toBe("week");
    expect(en.subject).toBe(
      `SLA digest for ${sc.tenant.name}, ${sc.period.label}: OTIF ${pct(otif.value)} (target ${f.percent(sc.targets.otifPct / 100, 2)})`,
    );
    expect(en.messageId).toContain(sc.period.id);
    expect(en.text).toContain("Weekly SLA digest");
    expect(en.html).toContain("Weekly SLA digest");
    for (const k of sc.kpis) {
      const value = k.value === null ? "Not measured" : k.unit === "%" ? pct(k.value) : `${f.number(k.value, 2)} h`;
      const label = t(`sla.kpi.${k.id}` as MessageId);
      expect(en.text).toContain(`- ${label}: ${value} `);
      expect(en.text).toContain(`Orders missed: ${f.number(k.missedOrders)}`);
      expect(en.html).toContain(`<strong>${value}</strong>`);
    }
    expect(en.text).toContain(
      `${sc.orders.measured} ${sc.orders.measured === 1 ? "order" : "orders"} of ${f.number(sc.orders.promised)} promised`,
    );
    // The trend: every week with its OTIF, as text and as a bar row.
    expect(sc.trend).toHaveLength(12);
    for (const p of sc.trend) {
      expect(en.text).toContain(`- ${p.label}: ${pct(p.otif)}`);
      expect(en.html).toContain(`>${p.label}</a>`);
    }
    expect(en.html).toMatch(/<td width="\d+%" style="width:\d+%;background-color:/);
    // Worst sites and the orders that missed, linking back to the portal.
    for (const s of worstSites(sc)) expect(en.text).toContain(`- ${s.site.code} ${s.site.name}: ${pct(s.otif.value)}`);
    const origin = portalOrigin();
    expect(en.html).toContain(`href="${origin}/sla?period=${sc.period.id}"`);
    if (otif.missedOrders > 0) {
      expect(en.text).toContain(`${origin}${otif.missedHref}`);
      expect(en.html).toContain(`href="${origin}${otif.missedHref.replace(/&/g, "&#38;")}"`);
      const missed = await handle.db.execute<{ order_number: string; id: string }>(sql`
        select order_number, id::text as id from orders where tenant_id = ${acme.id}::uuid and fiscal_year = ${Number(sc.period.id.slice(2, 6))}
          and fiscal_week = ${Number(sc.period.id.slice(-2))} and m_measurable and not m_otif`);
      expect(missed.rows.length).toBe(otif.missedOrders);
      const listed = [...en.text.matchAll(/\/orders\/([0-9a-f-]{36})/g)].map((m) => m[1]);
      expect(listed.length).toBe(Math.min(10, otif.missedOrders));
      for (const id of listed) expect(missed.rows.map((r) => r.id)).toContain(id);
    } else expect(en.text).toContain(t("email.digest.noMisses"));
    // E-mail-safe: no scripts, no images, no stylesheets to fetch.
    expect(en.html).not.toMatch(/<script|<img|<link|<style/i);
    expect(en.text).not.toMatch(/<[a-z]/i);

    // German, per fiscal period, Nordwind: German words and numbers, Nordwind's figures only.
    const de = mailsTo("admin@nordwind.example");
    expect(de).toHaveLength(1);
    const scDe = await scorecardOf("admin@nordwind.example", "period", now);
    const fDe = createFormatter("de", scDe.tenant.timeZone);
    const otifDe = scDe.kpis.find((k) => k.id === "otif")!;
    // The period as German readers name it ("GJ2026 P11 (Nov.)"), not the calendar's "FY" label.
    const periodDe = fiscalLabel(scDe.period.label, translator("de"), fDe);
    expect(periodDe).not.toContain("FY");
    expect(de[0].subject).toContain(`SLA-Bericht für ${scDe.tenant.name}, ${periodDe}`);
    if (otifDe.value !== null) expect(de[0].subject).toContain(`OTIF ${fDe.percent(otifDe.value / 100, 2)}`);
    expect(de[0].text).toContain("SLA-Bericht je Geschäftsperiode");
    expect(de[0].html).toContain('lang="de"');
    for (const k of scDe.kpis.filter((x) => x.unit === "%" && x.value !== null))
      expect(de[0].text).toContain(fDe.percent(k.value! / 100, 2));
    expect(de[0].text + de[0].html).not.toContain(sc.tenant.name);
    expect(en.text + en.html).not.toContain(scDe.tenant.name);

    // The unsubscribed admin got nothing; a second run sends nothing again.
    expect(mailsTo("admin@acme.example")).toHaveLength(0);
    expect(await runSlaDigests(handle, { now })).toMatchObject({ due: 0, sent: 0 });
    expect(smtp.mails).toHaveLength(2);
    expect((await deliveries()).map((d) => d.status)).toEqual(["sent", "sent"]);
  });

  it("fits a 390 px phone in Chromium with no serious or critical axe findings (German period digest)", async () => {
    await subscribe("admin@nordwind.example", "period");
    await runSlaDigests(handle, { now: new Date() });
    const [mail] = mailsTo("admin@nordwind.example");
    expect(mail.html).toContain('lang="de"');
    expect(await sidewaysOverflow(mail.html, 390)).toBe(0);
    expect(await seriousAxeFindings(mail.html, { width: 390, height: 844 })).toEqual([]);
  }, 60_000);

  it("sends each digest once across a crash after claiming and a restart", async () => {
    await subscribe("viewer@acme.example", "week");
    await subscribe("admin@sakura.example", "period");
    const now = new Date();
    // The first process claims both digests and dies before sending.
    await expect(
      runSlaDigests(handle, {
        now,
        owner: "00000000-0000-4000-8000-00000000000a",
        claimMs: 60_000,
        afterClaim: async () => {
          throw new Error("process killed");
        },
      }),
    ).rejects.toThrow("process killed");
    expect(smtp.mails).toHaveLength(0);
    expect((await deliveries()).map((d) => d.status)).toEqual(["sending", "sending"]);
    // A restarted process while the claim still holds: the claim might be a live process's.
    const later = (ms: number) => new Date(now.getTime() + ms);
    expect(
      await runSlaDigests(handle, { now: later(1_000), owner: "00000000-0000-4000-8000-00000000000b" }),
    ).toMatchObject({ due: 0, sent: 0 });
    // After the claim expired, the restarted process sends both, once.
    expect(
      await runSlaDigests(handle, { now: later(61_000), owner: "00000000-0000-4000-8000-00000000000b" }),
    ).toMatchObject({ due: 0, sent: 2 });
    expect(
      await runSlaDigests(handle, { now: later(122_000), owner: "00000000-0000-4000-8000-00000000000c" }),
    ).toMatchObject({ sent: 0 });
    expect(mailsTo("viewer@acme.example")).toHaveLength(1);
    const ja = mailsTo("admin@sakura.example");
    expect(ja).toHaveLength(1);
    expect(ja[0].text).toContain("会計期間ごとの SLA レポート");
    expect(ja[0].subject).toContain("の SLA レポート");
    expect(smtp.mails).toHaveLength(2);
    expect((await deliveries()).map((d) => [d.status, Number(d.attempts)])).toEqual([
      ["sent", 2],
      ["sent", 2],
    ]);
  });

  it("after being down across several closes, sends the digest of the last closed week once, not one per missed week", async () => {
    await subscribe("viewer@acme.example", "week", "120 days");
    const now = new Date();
    const fourWeeksAgo = new Date(now.getTime() - 28 * 86_400_000);
    // The service ran four weeks ago and sent that day's last closed week.
    expect(await runSlaDigests(handle, { now: fourWeeksAgo })).toMatchObject({ due: 1, sent: 1 });
    // Then it was down while three more weeks closed; back up, it catches up the last of them.
    expect(await runSlaDigests(handle, { now })).toMatchObject({ due: 1, sent: 1, failed: 0 });
    expect(await runSlaDigests(handle, { now: new Date(now.getTime() + 60_000) })).toMatchObject({ due: 0, sent: 0 });
    const then = (await scorecardOf("viewer@acme.example", "week", fourWeeksAgo)).period;
    const last = (await scorecardOf("viewer@acme.example", "week", now)).period;
    expect((await deliveries()).map((d) => [d.period_id, d.status]).sort()).toEqual(
      [
        [then.id, "sent"],
        [last.id, "sent"],
      ].sort(),
    );
    const subjects = mailsTo("viewer@acme.example").map((m) => m.subject);
    expect(subjects).toHaveLength(2);
    expect(subjects[0]).toContain(then.label);
    expect(subjects[1]).toContain(last.label);
  });

  it("sends nothing to people who unsubscribed, subscribed after the period, or are not of the tenant", async () => {
    await subscribe("viewer@acme.example", "week");
    // Unsubscribed after the digest fell due but before it was sent.
    const now = new Date();
    await runSlaDigests(handle, {
      now,
      claimMs: 1,
      afterClaim: async () => {
        await subscribe("viewer@acme.example", "none");
        throw new Error("stop before sending");
      },
    }).catch(() => undefined);
    expect(await runSlaDigests(handle, { now: new Date(now.getTime() + 1_000) })).toMatchObject({ sent: 0, failed: 1 });
    // Subscribed today: the first digest is for the week running now, not the one that closed.
    await subscribe("admin@acme.example", "week", "0 days");
    // A subscription row naming another tenant's user (written past the app) reaches nobody.
    await handle.db.execute(sql`insert into sla_digest_subscriptions (tenant_id, user_id, cadence, updated_at)
      values (${acme.id}::uuid, ${people["admin@nordwind.example"].id}, 'period', now() - interval '90 days')`);
    expect(await runSlaDigests(handle, { now: new Date(now.getTime() + 2_000) })).toMatchObject({ due: 0, sent: 0 });
    expect(smtp.mails).toHaveLength(0);
  });

  it("keeps each person's choice to themselves (row-level security)", async () => {
    await subscribe("viewer@acme.example", "period");
    const viewer = people["viewer@acme.example"];
    const admin = people["admin@acme.example"];
    expect(await getDigestChoice({ role: "portal_customer", tenantId: acme.id, userId: viewer.id })).toBe("period");
    expect(await getDigestChoice({ role: "portal_customer", tenantId: acme.id, userId: admin.id })).toBe("none");
    // The viewer's context in another tenant sees nothing either.
    expect(await getDigestChoice({ role: "portal_customer", tenantId: nordwind.id, userId: viewer.id })).toBe("none");
    await setDigestChoice({ role: "portal_customer", tenantId: acme.id, userId: admin.id }, "none");
    expect(await getDigestChoice({ role: "portal_customer", tenantId: acme.id, userId: viewer.id })).toBe("period");
  });
});

describe("Settings → Notifications", () => {
  let portal: TestPortal;
  let Browser: typeof BrowserClass;
  let ip = 1;
  const signedIn = async (email: string) => {
    const b = new Browser(portal.url, `198.51.100.${ip++}`);
    expect((await b.signIn(email)).status).toBe(302);
    return b;
  };
  beforeAll(async () => {
    const support = await import("../support/portal");
    Browser = support.Browser;
    portal = await support.startPortal(handle);
  }, 120_000);
  afterAll(async () => {
    await portal?.close();
  });

  it("lets a viewer subscribe, change and stop the digest, and preview it", async () => {
    const viewer = await signedIn("viewer@acme.example");
    const page = await viewer.get("/settings/notifications");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("SLA digest e-mail");
    // A viewer's Settings shows only their own tab; the admin pages still refuse them.
    expect(html).not.toContain('href="/settings/embed"');
    expect((await viewer.get("/settings/embed")).status).toBe(403);
    expect((await viewer.post("/settings/notifications", { intent: "digest", cadence: "week" })).status).toBe(200);
    const me = people["viewer@acme.example"];
    const ctx = { role: "portal_customer" as const, tenantId: me.tenantId, userId: me.id };
    expect(await getDigestChoice(ctx)).toBe("week");
    expect((await viewer.post("/settings/notifications", { intent: "digest", cadence: "daily" })).status).toBe(400);
    expect(await getDigestChoice(ctx)).toBe("week");
    // Without the portal's origin the write is refused.
    expect(
      (await viewer.post("/settings/notifications", { intent: "digest", cadence: "none" }, { origin: null })).status,
    ).toBe(403);
    expect((await viewer.post("/settings/notifications", { intent: "digest", cadence: "none" })).status).toBe(200);
    expect(await getDigestChoice(ctx)).toBe("none");

    const preview = await viewer.get("/settings/notifications/preview?cadence=period");
    expect(preview.status).toBe(200);
    expect(preview.headers.get("content-type")).toContain("text/html");
    const body = await preview.text();
    const sc = await scorecardOf("viewer@acme.example", "period", new Date());
    expect(body).toContain("Fiscal-period SLA digest");
    expect(body).toContain(`${sc.tenant.name} · ${sc.period.label}`);
    expect(body).not.toMatch(/<script/i);
    const text = await (await viewer.get("/settings/notifications/preview?cadence=week&part=text")).text();
    expect(text).toContain("Weekly SLA digest");
    expect((await viewer.get("/settings/notifications/preview?cadence=daily")).status).toBe(400);
    // Previewing records and sends nothing.
    expect(await deliveries()).toEqual([]);
    expect(smtp.mails).toHaveLength(0);
  });

  it("keeps the admin tabs for admins and refuses the page to people signed out", async () => {
    const admin = await signedIn("admin@acme.example");
    const html = await (await admin.get("/settings/notifications")).text();
    expect(html).toContain('href="/settings/embed"');
    const anonymous = new Browser(portal.url, `198.51.100.${ip++}`);
    expect((await anonymous.get("/settings/notifications")).status).toBe(302);
    expect((await anonymous.get("/settings/notifications/preview")).status).toBe(302);
  });
});
