// Sign-in, roles and the attacks the auth issue lists, against a real HTTP server and database.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { auditLog, invitation, member, user } from "#db/schema/index";
import { DEMO_TENANTS } from "#db/seed/demo-tenants";
import { createSeededTestDb } from "../support/seeded-snapshot";
import { Browser, startPortal, type TestPortal } from "../support/portal";

process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";
process.env.SIGHTLINE_SIMULATE = "off";

let handle: DbHandle;
let portal: TestPortal;
let ipCounter = 1;
/** Each test acts from its own address so per-IP limits of one test do not leak into another. */
const browser = () => new Browser(portal.url, `198.51.100.${ipCounter++}`);
const [acme, nordwind, sakura] = DEMO_TENANTS;

beforeAll(async () => {
  handle = await createSeededTestDb({ ordersPerTenant: 3 });
  portal = await startPortal(handle);
}, 120_000);

afterAll(async () => {
  await portal?.close();
  await handle?.close();
});

async function auditActions(action: string): Promise<number> {
  const r = await handle.db.execute<{ n: number }>(
    sql`select count(*)::int as n from audit_log where action = ${action}`,
  );
  return r.rows[0].n;
}

describe("sign-in", () => {
  it("signs a customer in and lands on the orders page with an HttpOnly, SameSite=Lax session cookie", async () => {
    const b = browser();
    const res = await b.signIn("viewer@acme.example");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/orders");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("sightline.session_token="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("gives the same message for a wrong password and an unknown email", async () => {
    const wrong = await browser().signIn("viewer@acme.example", "not-the-password");
    const unknown = await browser().signIn("nobody@acme.example", "not-the-password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = await wrong.text();
    const b = await unknown.text();
    expect(a).toContain("That email and password do not match an active account");
    expect(b).toContain("That email and password do not match an active account");
  });

  it("spends comparable time on unknown emails and wrong passwords (no account probing by timing)", async () => {
    const time = async (email: string) => {
      const t = performance.now();
      await browser().signIn(email, "not-the-password");
      return performance.now() - t;
    };
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time("lead@sightline.example"));
      unknown.push(await time(`ghost${i}@sightline.example`));
    }
    // Without a dummy hash an unknown email answers ~10x faster; allow generous noise.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.3);
  });

  it("answers malformed sign-in posts with 400 and field messages, never 5xx", async () => {
    const b = browser();
    for (const form of [{}, { email: "not-an-email", password: "x" }, { email: "a@b.co", password: "x".repeat(500) }]) {
      const res = await b.post("/login", form as Record<string, string>);
      expect(res.status).toBe(400);
    }
  });

  it("records sign-in success and failure in the audit log", async () => {
    const before = { ok: await auditActions("auth.sign_in"), bad: await auditActions("auth.sign_in_failed") };
    await browser().signIn("admin@deccan.example");
    await browser().signIn("admin@deccan.example", "wrong-password");
    expect(await auditActions("auth.sign_in")).toBe(before.ok + 1);
    expect(await auditActions("auth.sign_in_failed")).toBe(before.bad + 1);
    const [entry] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.sign_in_failed"), eq(auditLog.actorLabel, "admin@deccan.example")));
    expect(entry.tenantId).toBe(DEMO_TENANTS[4].id);
    expect(entry.ip).toMatch(/^198\.51\.100\./);
  });

  it("signs out and the old session no longer opens pages", async () => {
    const b = browser();
    await b.signIn("viewer@acme.example");
    expect((await b.get("/settings/audit")).status).toBe(403); // signed in, but a viewer
    const out = await b.post("/logout", {});
    expect(out.status).toBe(302);
    const after = await b.get("/settings/audit");
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toContain("/login");
  });
});

describe("rate limits", () => {
  it("locks an account after 5 failures with a message saying when to try again, then resets after the window", async () => {
    const email = "admin@southerncross.example";
    for (let i = 0; i < 5; i++) expect((await browser().signIn(email, "wrong-password")).status).toBe(401);
    const locked = await browser().signIn(email); // even the right password is refused while locked
    expect(locked.status).toBe(429);
    expect(await locked.text()).toMatch(/try again in \d+ minutes?/);
    // Move the window into the past: the limit resets by itself.
    await handle.db.execute(
      sql`update rate_limit set window_start = now() - interval '16 minutes' where key = ${`signin:account:${email}`}`,
    );
    expect((await browser().signIn(email)).status).toBe(302);
  });

  it("limits sign-in failures per client IP, taken from the trusted proxy header only", async () => {
    const b = new Browser(portal.url, "192.0.2.77");
    for (let i = 0; i < 20; i++) await b.signIn(`someone${i}@example.com`, "wrong-password");
    expect((await b.signIn("viewer@acme.example")).status).toBe(429);
    expect((await new Browser(portal.url, "192.0.2.78").signIn("viewer@acme.example")).status).toBe(302);
  });
});

describe("rate limits and the client address", () => {
  it("limits password-reset requests to 5 an hour per address, and serves other addresses", async () => {
    const b = browser();
    for (let i = 0; i < 5; i++)
      expect((await b.post("/forgot-password", { email: `reset${i}@example.com` })).status, `request ${i + 1}`).toBe(
        200,
      );
    const limited = await b.post("/forgot-password", { email: "admin@acme.example" });
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain("Too many attempts");
    expect((await browser().post("/forgot-password", { email: "admin@acme.example" })).status).toBe(200);
  });

  it("limits invitations to 10 an hour per address, without creating the refused one", async () => {
    const b = browser();
    expect((await b.signIn("admin@acme.example")).status).toBe(302);
    const tag = Date.now().toString(36);
    for (let i = 0; i < 10; i++) {
      const res = await b.post("/settings?index", {
        intent: "invite",
        email: `inv${i}-${tag}@example.com`,
        role: "customer_viewer",
      });
      expect(res.status, `invitation ${i + 1}`).toBe(200);
    }
    const limited = await b.post("/settings?index", {
      intent: "invite",
      email: `inv-over-${tag}@example.com`,
      role: "customer_viewer",
    });
    expect(limited.status).toBe(429);
    const r = await handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from invitation where email like ${`%-${tag}@example.com`}`,
    );
    expect(r.rows[0].n).toBe(10);
  });

  it("limits attempts to accept unknown invitations to 10 an hour per address", async () => {
    const b = browser();
    const accept = (id: string) =>
      b.post(`/invitations/${id}`, {
        name: "Guesser",
        password: "long-enough-password",
        confirm: "long-enough-password",
      });
    for (let i = 0; i < 10; i++) expect((await accept(`guess-${i}`)).status, `guess ${i + 1}`).toBe(410);
    expect((await accept("guess-10")).status).toBe(429);
  });

  it("takes the client address from the configured proxy header only, whatever other headers claim", async () => {
    const attempt = (i: number) =>
      fetch(`${portal.url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: portal.url,
          "x-forwarded-for": "192.0.2.91",
          // Headers an untrusted client may set to look like many clients; none is configured.
          "x-real-ip": `203.0.113.${i}`,
          forwarded: `for=203.0.113.${i}`,
          "true-client-ip": `203.0.113.${i}`,
          "cf-connecting-ip": `203.0.113.${i}`,
          "x-sightline-remote-addr": `203.0.113.${i}`,
        },
        body: new URLSearchParams({ email: `probe${i}@example.com`, password: "wrong-password" }).toString(),
      });
    for (let i = 0; i < 20; i++) await attempt(i);
    expect((await attempt(99)).status).toBe(429);
    const r = await handle.db.execute<{ key: string }>(sql`select key from rate_limit where key like 'signin:ip:%'`);
    expect(r.rows.map((x) => x.key)).toContain("signin:ip:192.0.2.91");
    expect(r.rows.some((x) => x.key.includes("203.0.113."))).toBe(false);
  });
});

describe("roles and tenants", () => {
  it("refuses admin pages and actions to a viewer with 403", async () => {
    const b = browser();
    await b.signIn("viewer@acme.example");
    expect((await b.get("/settings")).status).toBe(403);
    const res = await b.post("/settings?index", { intent: "invite", email: "x@acme.example", role: "customer_admin" });
    expect(res.status).toBe(403);
    const [pending] = await handle.db.select().from(invitation).where(eq(invitation.email, "x@acme.example"));
    expect(pending).toBeUndefined();
  });

  it("refuses staff pages to customers", async () => {
    const b = browser();
    await b.signIn("admin@acme.example");
    expect((await b.get("/staff/accounts")).status).toBe(403);
    expect((await b.get("/staff/admin")).status).toBe(403);
  });

  it("lets an agent open an assigned account but not an unassigned one, whatever id is posted", async () => {
    const b = browser();
    await b.signIn("agent@sightline.example");
    const list = await (await b.get("/staff/accounts")).text();
    expect(list).toContain("Nordwind Handels GmbH");
    expect(list).not.toContain("Sakura Retail KK");
    expect((await b.post("/staff/accounts", { tenantId: nordwind.id })).status).toBe(302);
    expect((await b.post("/staff/accounts", { tenantId: sakura.id })).status).toBe(403);
    expect((await b.post("/staff/accounts", { tenantId: "not-a-uuid" })).status).toBe(403);
    expect((await b.get("/staff/admin")).status).toBe(403);
  });

  it("does not let a customer admin change roles or remove users of another tenant", async () => {
    const [nordwindMember] = await handle.db
      .select({ id: member.id, role: member.role })
      .from(member)
      .where(eq(member.organizationId, nordwind.id));
    const b = browser();
    await b.signIn("admin@acme.example");
    const role = await b.post("/settings?index", {
      intent: "role",
      memberId: nordwindMember.id,
      role: "customer_viewer",
    });
    expect(role.status).toBe(404);
    const remove = await b.post("/settings?index", { intent: "remove", memberId: nordwindMember.id });
    expect(remove.status).toBe(404);
    const [after] = await handle.db.select({ role: member.role }).from(member).where(eq(member.id, nordwindMember.id));
    expect(after.role).toBe(nordwindMember.role);
  });

  it("refuses a cross-site form post without a matching Origin", async () => {
    const b = browser();
    const res = await b.post(
      "/login",
      { email: "viewer@acme.example", password: "sightline-demo" },
      { origin: "https://evil.example" },
    );
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("submitted from another site");
    const none = await b.post("/login", { email: "viewer@acme.example", password: "sightline-demo" }, { origin: null });
    expect(none.status).toBe(403);
  });

  it("signs a deactivated user out and refuses their sign-in with the usual message", async () => {
    const admin = browser();
    await admin.signIn("ops@sightline.example");
    const victim = browser();
    await victim.signIn("admin@sakura.example");
    const [target] = await handle.db.select({ id: user.id }).from(user).where(eq(user.email, "admin@sakura.example"));
    expect((await admin.post("/staff/admin?index", { intent: "deactivate", userId: target.id })).status).toBe(200);
    expect((await victim.get("/settings")).status).toBe(302);
    const again = await browser().signIn("admin@sakura.example");
    expect(again.status).toBe(401);
    await admin.post("/staff/admin?index", { intent: "reactivate", userId: target.id });
  });
});

describe("invitations and password reset", () => {
  async function invite(email: string): Promise<string> {
    const admin = browser();
    await admin.signIn("admin@acme.example");
    const res = await admin.post("/settings?index", { intent: "invite", email, role: "customer_viewer" });
    expect(res.status).toBe(200);
    const [inv] = await handle.db.select({ id: invitation.id }).from(invitation).where(eq(invitation.email, email));
    return inv.id;
  }

  it("lets an invited user set a password, join the inviting tenant and sign in", async () => {
    const id = await invite("buyer@acme.example");
    const b = browser();
    const accept = await b.post(`/invitations/${id}`, {
      name: "Bea Buyer",
      password: "a-long-password",
      confirm: "a-long-password",
    });
    expect(accept.status).toBe(302);
    const [m] = await handle.db
      .select({ org: member.organizationId, role: member.role })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .where(eq(user.email, "buyer@acme.example"));
    expect(m).toEqual({ org: acme.id, role: "customer_viewer" });
    expect((await browser().signIn("buyer@acme.example", "a-long-password")).status).toBe(302);
    expect(await auditActions("user.invited")).toBeGreaterThan(0);
    expect(await auditActions("user.invitation_accepted")).toBeGreaterThan(0);
  });

  it("refuses a used invitation and an expired one without creating anything", async () => {
    const used = await invite("twice@acme.example");
    await browser().post(`/invitations/${used}`, {
      name: "T",
      password: "a-long-password",
      confirm: "a-long-password",
    });
    const again = await browser().post(`/invitations/${used}`, {
      name: "T2",
      password: "another-password",
      confirm: "another-password",
    });
    expect(again.status).toBe(410);
    const expired = await invite("late@acme.example");
    await handle.db
      .update(invitation)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitation.id, expired));
    const late = await browser().post(`/invitations/${expired}`, {
      name: "L",
      password: "a-long-password",
      confirm: "a-long-password",
    });
    expect(late.status).toBe(410);
    const [nobody] = await handle.db.select().from(user).where(eq(user.email, "late@acme.example"));
    expect(nobody).toBeUndefined();
  });

  it("validates the accept form and changes nothing on bad input", async () => {
    const id = await invite("typo@acme.example");
    const res = await browser().post(`/invitations/${id}`, { name: "", password: "short", confirm: "different" });
    expect(res.status).toBe(400);
    const [inv] = await handle.db.select({ status: invitation.status }).from(invitation).where(eq(invitation.id, id));
    expect(inv.status).toBe("pending");
  });

  it("resets a password once; the same token cannot be used again", async () => {
    const b = browser();
    expect((await b.post("/forgot-password", { email: "admin@nordwind.example" })).status).toBe(200);
    const r = await handle.db.execute<{ identifier: string }>(
      sql`select identifier from verification where identifier like 'reset-password:%' order by created_at desc limit 1`,
    );
    const token = r.rows[0].identifier.replace("reset-password:", "");
    const first = await b.post("/reset-password", {
      token,
      password: "brand-new-password",
      confirm: "brand-new-password",
    });
    expect(first.status).toBe(302);
    const reuse = await b.post("/reset-password", {
      token,
      password: "another-new-password",
      confirm: "another-new-password",
    });
    expect(reuse.status).toBe(400);
    expect((await browser().signIn("admin@nordwind.example", "brand-new-password")).status).toBe(302);
  });

  it("answers a reset request for an unknown email exactly like a known one", async () => {
    const known = await browser().post("/forgot-password", { email: "admin@acme.example" });
    const unknown = await browser().post("/forgot-password", { email: "nobody@nowhere.example" });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(await unknown.text()).toContain("If an account exists for that address");
  });
});
