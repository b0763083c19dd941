// Shared set-up for the hardening suite: a migrated, demo-seeded in-memory database and the
// portal on it (Vite dev middleware, the current routes), plus signed-in clients per role.
import { sql } from "drizzle-orm";
import { openDb, type DbHandle } from "../../db/client";
import { migrate } from "../../db/migrate";
import { DEMO_TENANTS } from "../../db/seed/demo-tenants";
import { DEMO_EMBED_SECRET } from "../../db/seed/embed";
import { demoIngestSecret, seedDemo } from "../../db/seed/seed";
import { Browser, startPortal, type TestPortal } from "../support/portal";

process.env.TRUSTED_PROXY_HEADER = "x-forwarded-for";
process.env.SIGHTLINE_SIMULATE = "off";

export const VICTIM = DEMO_TENANTS.find((t) => t.slug === "sakura")!; // tenant A: whose data must not leak
export const ATTACKER = DEMO_TENANTS.find((t) => t.slug === "acme")!; // tenant B: every role of it probes

export interface Client {
  role: string;
  /** Session-cookie browser, or null for bearer-only clients. */
  browser: Browser | null;
  bearer: string | null;
}

let ip = 10;
export const newBrowser = (portal: TestPortal) =>
  new Browser(portal.url, `198.18.${Math.floor(ip / 250)}.${ip++ % 250}`);

export async function seededPortal(ordersPerTenant = 8): Promise<{ handle: DbHandle; portal: TestPortal }> {
  const handle = await openDb({});
  await migrate(handle);
  await seedDemo(handle, { ordersPerTenant, progress: () => undefined });
  await handle.db.execute(sql`ANALYZE`);
  const portal = await startPortal(handle);
  return { handle, portal };
}

/** Every role of the attacking tenant: its customer admin and viewer, its support agent, its API keys, and nobody. */
export async function attackerClients(portal: TestPortal): Promise<Client[]> {
  const signedIn = async (role: string, email: string): Promise<Client> => {
    const b = newBrowser(portal);
    const res = await b.signIn(email);
    if (res.status !== 302) throw new Error(`sign-in as ${email} failed: ${res.status}`);
    return { role, browser: b, bearer: null };
  };
  return [
    await signedIn("customer_admin", `admin@${ATTACKER.emailDomain}`),
    await signedIn("customer_viewer", `viewer@${ATTACKER.emailDomain}`),
    await signedIn("support_agent", "agent@sightline.example"),
    { role: "anonymous", browser: newBrowser(portal), bearer: null },
    { role: "ingest_key", browser: null, bearer: demoIngestSecret(ATTACKER.slug) },
    { role: "embed_key", browser: null, bearer: DEMO_EMBED_SECRET },
  ];
}
