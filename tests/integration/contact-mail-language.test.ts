// A protocol contact without a portal account hears of a level-up by e-mail, worded like every
// other notice: stored as key and values, and put into words when the mail is sent, in the
// account's default language (the language a person without an account of their own reads) and
// its zone — Nordwind's contact in German, Sakura's in Japanese, the portal user beside them in
// their own language. Captured from a local SMTP server, as the other mail tests do.
// Same on every database: PGlite by construction (createSeededTestDb(…, "pglite")).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { escalations, tenants } from "#db/schema/index";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import type { ProtocolTerms } from "#app/domain/joint/protocol";
import { runEscalationChecks } from "#app/server/escalations/alerts.server";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { createEscalationRow, startSmtp } from "../support/escalations";
import { parseMail } from "../support/mail";
import { insertAcceptedVersion, latestAcceptedVersion } from "../support/protocol";

process.env.SIGHTLINE_SIMULATE = "off";

const [, nordwind, sakura] = DEMO_TENANTS;
const NOW = new Date("2026-12-03T12:00:00Z");
let handle: DbHandle;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

/** A new accepted protocol version whose P2 reaches the lead after an hour, naming `email` there. */
async function withOutsideContact(tenantId: string, email: string): Promise<number> {
  const current = await latestAcceptedVersion(handle, tenantId);
  if (!current) throw new Error(`no accepted protocol version for ${tenantId}`);
  const terms: ProtocolTerms = structuredClone(current.terms);
  terms.severities.P2.twentyFourSeven = true;
  terms.severities.P2.levelAfterMinutes = { lead: 60, account_executive: 100_000, leadership: 200_000 };
  terms.contacts.push({
    side: "customer",
    level: "lead",
    name: "Purchasing",
    role: "Buyer",
    businessHours: email,
    outOfHours: "",
    email,
  });
  const version = current.version + 10;
  await insertAcceptedVersion(handle, {
    tenantId,
    version,
    terms,
    basedOn: current.version,
    proposedSide: "customer",
    decidedAt: new Date("2026-11-01T00:00:00Z"),
  });
  const id = await createEscalationRow(handle, tenantId, {
    severity: "P2",
    status: "in_progress",
    createdAt: new Date(NOW.getTime() - 3 * 3_600_000),
    firstResponseAt: new Date(NOW.getTime() - 2 * 3_600_000),
    title: "Pallets stuck at the border",
  });
  await handle.db.update(escalations).set({ protocolVersion: version }).where(eq(escalations.id, id));
  return version;
}

const mailTo = (address: string) => {
  const m = smtp.mails.find((x) => x.to.includes(address));
  return m ? parseMail(m.raw, m.to) : undefined;
};

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  handle = await createSeededTestDb({ ordersPerTenant: 2 }, "pglite");
  await withOutsideContact(nordwind.id, "einkauf@nordwind.example");
  await withOutsideContact(sakura.id, "kounyu@sakura.example");
  await runEscalationChecks(handle, NOW);
}, 180_000);

afterAll(async () => {
  await handle?.close();
  await smtp?.close();
});

describe("level-up mail to a protocol contact without a portal account", () => {
  it("reads in the account's language: German for Nordwind", () => {
    const m = mailTo("einkauf@nordwind.example");
    expect(m, "a mail to Nordwind's purchasing contact").toBeDefined();
    expect(m!.subject).toMatch(/^\[Sightline\] ESC-\d+ ist an Support-Leitung eskaliert$/);
    expect(m!.text).toContain("„Pallets stuck at the border“ hat nach");
    expect(m!.text).toContain("des Eskalationsprotokolls");
    expect(m!.text).not.toMatch(/moved up|Support lead/);
  });

  it("reads in the account's language: Japanese for Sakura", () => {
    const m = mailTo("kounyu@sakura.example");
    expect(m, "a mail to Sakura's purchasing contact").toBeDefined();
    expect(m!.subject).toMatch(/^\[Sightline\] ESC-\d+ がサポートリーダーへエスカレーションされました$/);
    expect(m!.text).not.toMatch(/moved up|Support lead/);
  });

  it("follows the account's language as it is when sent: an account switched to English gets English", async () => {
    await handle.db.update(tenants).set({ defaultLocale: "en" }).where(eq(tenants.id, nordwind.id));
    try {
      const before = smtp.mails.length;
      await withOutsideContact(nordwind.id, "buyer@nordwind.example");
      await runEscalationChecks(handle, NOW);
      const m = smtp.mails.slice(before).find((x) => x.to.includes("buyer@nordwind.example"));
      expect(m, "a mail to the second contact").toBeDefined();
      expect(parseMail(m!.raw, m!.to).subject).toMatch(/^\[Sightline\] ESC-\d+ moved up to Support lead$/);
    } finally {
      await handle.db.update(tenants).set({ defaultLocale: "de" }).where(eq(tenants.id, nordwind.id));
    }
  });
});
