// Inviting an address (issue 13, item 5): the inviter gets the same answer whether or not the
// address already uses Sightline with another organisation (or is staff), so invitations cannot
// probe who is a customer of whom. What happens next is told to the addressee by mail.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { invitation } from "#db/schema/index";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { eventually, startSmtp } from "../support/escalations";
import { Browser, startPortal, type TestPortal } from "../support/portal";

process.env.SIGHTLINE_SIMULATE = "off";
process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";

const acme = DEMO_TENANTS.find((t) => t.slug === "acme")!;
let handle: DbHandle;
let portal: TestPortal;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let admin: Browser;
let ip = 1;

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  handle = await createSeededTestDb({ ordersPerTenant: 1 });
  portal = await startPortal(handle);
}, 180_000);

afterAll(async () => {
  await portal?.close();
  await handle?.close();
  await smtp?.close();
});

/** Each invitation from its own admin session and address (the per-address limit is not under test). */
async function invite(email: string): Promise<{ status: number; text: string }> {
  admin = new Browser(portal.url, `198.51.100.${ip++}`);
  expect((await admin.signIn(`admin@${acme.emailDomain}`)).status).toBe(302);
  const res = await admin.post("/settings?index", { intent: "invite", email, role: "customer_viewer" });
  return { status: res.status, text: await res.text() };
}

async function pendingInvitation(email: string) {
  const [row] = await handle.db
    .select({ org: invitation.organizationId, status: invitation.status })
    .from(invitation)
    .where(eq(invitation.email, email));
  return row;
}

describe("inviting an address", () => {
  it("answers an address of another organisation exactly like a new one", async () => {
    const fresh = await invite("new.buyer@acme.example");
    const taken = await invite("admin@nordwind.example");
    expect(taken.status).toBe(fresh.status);
    expect(fresh.text).toContain("Invitation sent to new.buyer@acme.example. It is valid for 7 days.");
    expect(taken.text).toContain("Invitation sent to admin@nordwind.example. It is valid for 7 days.");
    expect(taken.text).not.toMatch(/another organisation|already uses Sightline/);
    // The inviter's list shows both as pending, alike.
    expect(await pendingInvitation("new.buyer@acme.example")).toEqual({ org: acme.id, status: "pending" });
    expect(await pendingInvitation("admin@nordwind.example")).toEqual({ org: acme.id, status: "pending" });
  });

  it("answers a staff address like a new one too", async () => {
    const staff = await invite("agent@sightline.example");
    expect(staff.status).toBe(200);
    expect(staff.text).toContain("Invitation sent to agent@sightline.example.");
  });

  it("tells the existing account holder by mail why the link will not work, and sends a link to a new address", async () => {
    await invite("admin@sakura.example");
    await invite("another.buyer@acme.example");
    const notice = await eventually(() => smtp.mails.find((m) => m.to.includes("admin@sakura.example")));
    expect(notice.decoded).toContain("already has a Sightline account");
    expect(notice.decoded).not.toContain("/invitations/");
    const link = await eventually(() => smtp.mails.find((m) => m.to.includes("another.buyer@acme.example")));
    expect(link.decoded).toContain("/invitations/");
  });

  it("still says so when the address is already a member of the inviter's own organisation", async () => {
    const r = await invite(`viewer@${acme.emailDomain}`);
    expect(r.status).toBe(409);
    expect(r.text).toContain("is already a member of");
    const n = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from invitation where email = ${`viewer@${acme.emailDomain}`}`,
    );
    expect(n.rows[0].n).toBe(0);
  });
});
