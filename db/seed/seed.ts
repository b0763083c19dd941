// Demo and scale data. Deterministic for a given `now` (the demo is anchored to today so that
// open orders are really open). Runs through the owner connection, never at request time.
import { createHash } from "node:crypto";
import { firstFreeShortCode, shortCodeFromSlug, shortCodeStem } from "#app/domain/escalations/keys";
import { eq, like, sql } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import type { DbHandle } from "../client";
import type { Locale } from "#app/i18n/locales";
import {
  account,
  ingestKeys,
  member,
  organization,
  sites,
  staffAssignments,
  staffMembers,
  tenants,
  user,
  type StaffRole,
  type TenantTier,
} from "../schema/index";
import { DEMO_TENANTS, type TenantProfile } from "./demo-tenants";
import { seedDemoEmbedKeys } from "./embed";
import { seedDemoEscalations } from "./escalations";
import { seedDemoFeeds } from "./feeds";
import { seedDemoRatings, seedDemoRootCauses } from "./joint";
import { seedDemoPerformanceAlerts } from "./performance";
import { seedDemoProtocols } from "./protocols";
import { seedSlaDemo } from "./sla";
import { generateOrders, type GeneratedOrder } from "./orders";
import { Rng, hashSeed } from "./random";
import { writeOrders } from "./write";

export const DEMO_PASSWORD = "sightline-demo";

/** Demo ingest secrets; they exist only in seeded demo data and are documented in README. */
export function demoIngestSecret(slug: string): string {
  return `sl_ingest_demo_${slug}_0123456789abcdef`;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export const DEMO_STAFF: readonly {
  email: string;
  name: string;
  role: StaffRole;
  tenants: string[];
  /** The profile's zone; the agent works from Bengaluru, so the queue shows two zones side by side. */
  timeZone?: string;
}[] = [
  {
    email: "agent@sightline.example",
    name: "Alex Agent",
    role: "support_agent",
    tenants: ["acme", "nordwind"],
    timeZone: "Asia/Kolkata",
  },
  { email: "lead@sightline.example", name: "Lee Lead", role: "support_lead", tenants: [] },
  { email: "ops@sightline.example", name: "Olu Ops", role: "platform_admin", tenants: [] },
];

export async function isSeeded(handle: DbHandle): Promise<boolean> {
  const r = await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from tenants`);
  return r.rows[0].n > 0;
}

type Progress = (line: string) => void;

async function createUser(
  handle: DbHandle,
  email: string,
  name: string,
  passwordHash: string,
  rng: Rng,
): Promise<string> {
  const id = rng.uuid();
  await handle.db.insert(user).values({ id, email, name, emailVerified: true });
  await handle.db
    .insert(account)
    .values({ id: rng.uuid(), accountId: id, providerId: "credential", userId: id, password: passwordHash });
  return id;
}

export async function createTenantRows(
  handle: DbHandle,
  t: {
    id: string;
    slug: string;
    name: string;
    tier: TenantTier;
    timeZone: string;
    defaultLocale?: Locale;
    country: string;
    region: string | null;
  },
): Promise<void> {
  await handle.db.insert(tenants).values({ ...t, shortCode: await freeShortCode(handle, t.slug) });
  await handle.db.insert(organization).values({ id: t.id, name: t.name, slug: t.slug });
}

/** Escalation key prefixes agents say aloud (ACME-12); other tenants derive theirs from the slug. */
const DEMO_SHORT_CODES: Record<string, string> = {
  acme: "ACME",
  nordwind: "NORD",
  sakura: "SAKU",
  southerncross: "SXC",
  deccan: "DECC",
};

/** The demo code, or one derived from the slug that no seeded account has yet (bench-0001 → BENCH01). */
async function freeShortCode(handle: DbHandle, slug: string): Promise<string> {
  const base = DEMO_SHORT_CODES[slug] ?? shortCodeFromSlug(slug);
  const rows = await handle.db
    .select({ code: tenants.shortCode })
    .from(tenants)
    .where(like(tenants.shortCode, `${shortCodeStem(base)}%`));
  return firstFreeShortCode(base, new Set(rows.map((r) => r.code)));
}

/** An account of the seed data with its sites and demo ingest key; returns the sites' ids. */
export async function createSeedTenant(handle: DbHandle, profile: TenantProfile, rng: Rng): Promise<string[]> {
  await createTenantRows(handle, profile);
  const siteIds = profile.sites.map(() => rng.uuid());
  await handle.db.insert(sites).values(profile.sites.map((s, i) => ({ tenantId: profile.id, id: siteIds[i], ...s })));
  await handle.db.insert(ingestKeys).values({
    tenantId: profile.id,
    name: "Demo ERP connector",
    prefix: demoIngestSecret(profile.slug).slice(0, 16),
    secretHash: sha256(demoIngestSecret(profile.slug)),
    createdBy: "seed",
  });
  return siteIds;
}

async function seedTenant(
  handle: DbHandle,
  profile: TenantProfile,
  now: Temporal.Instant,
  orderCount: number,
  progress: Progress,
  historyDays?: number,
): Promise<void> {
  const rng = new Rng(hashSeed(profile.slug));
  const siteIds = await createSeedTenant(handle, profile, rng);
  let batch: GeneratedOrder[] = [];
  let written = 0;
  for (const o of generateOrders({ profile, siteIds, rng, now, count: orderCount, days: historyDays })) {
    batch.push(o);
    if (batch.length === 500) {
      await writeOrders(handle.db, batch);
      // Fresh tables have no statistics; without them the cached foreign-key check plans
      // scan orders sequentially and each batch gets slower (PGlite has no autovacuum).
      if (written === 0) await handle.exec("ANALYZE orders, order_lines, shipments, order_events");
      written += batch.length;
      batch = [];
      progress(`  ${profile.name}: ${written}/${orderCount} orders`);
    }
  }
  await writeOrders(handle.db, batch);
  progress(`  ${profile.name}: ${written + batch.length} orders`);
}

/** Five demo customers, their users and support staff. */
export async function seedDemo(
  handle: DbHandle,
  opts: {
    now?: Temporal.Instant;
    ordersPerTenant?: number;
    /** Order counts of particular demo tenants (by slug), overriding `ordersPerTenant`. */
    ordersFor?: Readonly<Record<string, number>>;
    /** How many days of history the orders span (default about 18 months, see generateOrders). */
    historyDays?: number;
    progress?: Progress;
  } = {},
): Promise<void> {
  const now = opts.now ?? Temporal.Now.instant();
  const progress = opts.progress ?? ((l: string) => console.log(l));
  const rng = new Rng(hashSeed("users"));
  // Imported here, not at the top: the portal loads this module at every start to ask isSeeded().
  const { hashPassword } = await import("better-auth/crypto");
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const profile of DEMO_TENANTS) {
    const orderCount = opts.ordersFor?.[profile.slug] ?? opts.ordersPerTenant ?? profile.orders;
    await seedTenant(handle, profile, now, orderCount, progress, opts.historyDays);
    const admin = await createUser(handle, `admin@${profile.emailDomain}`, `${profile.name} Admin`, passwordHash, rng);
    await handle.db
      .insert(member)
      .values({ id: rng.uuid(), organizationId: profile.id, userId: admin, role: "customer_admin" });
    if (profile.slug === "acme") {
      const viewer = await createUser(handle, `viewer@${profile.emailDomain}`, "Vera Viewer", passwordHash, rng);
      await handle.db
        .insert(member)
        .values({ id: rng.uuid(), organizationId: profile.id, userId: viewer, role: "customer_viewer" });
    }
  }
  for (const s of DEMO_STAFF) {
    const id = await createUser(handle, s.email, s.name, passwordHash, rng);
    if (s.timeZone) await handle.db.update(user).set({ timeZone: s.timeZone }).where(eq(user.id, id));
    await handle.db.insert(staffMembers).values({ userId: id, role: s.role });
    for (const slug of s.tenants) {
      const tenant = DEMO_TENANTS.find((t) => t.slug === slug);
      if (tenant) await handle.db.insert(staffAssignments).values({ tenantId: tenant.id, staffUserId: id });
    }
  }
  await seedDemoEmbedKeys(handle);
  await seedDemoEscalations(handle, DEMO_TENANTS, now);
  await seedDemoRatings(handle, DEMO_TENANTS, now);
  await seedDemoRootCauses(handle, DEMO_TENANTS);
  await seedDemoProtocols(handle, DEMO_TENANTS, now);
  await seedDemoFeeds(handle, DEMO_TENANTS, now);
  await seedSlaDemo(handle, progress);
  await seedDemoPerformanceAlerts(handle, DEMO_TENANTS, now);
}

/** Orders per synthetic account: Zipf-like (weight 1/(i+1)^0.9), the largest holding at least 10 %. */
export function scaleCounts(tenantCount: number, orderCount: number): number[] {
  const weights = Array.from({ length: tenantCount }, (_, i) => 1 / (i + 1) ** 0.9);
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(50, Math.round((orderCount * w) / total)));
  const minLargest = Math.ceil(orderCount * 0.1);
  return counts[0] < minLargest ? [minLargest, ...counts.slice(1)] : counts;
}

/** The i-th synthetic account: a copy of a demo profile (round robin) under its own id and slug. */
export function scaleProfile(i: number, orders: number): TenantProfile {
  const base = DEMO_TENANTS[i % DEMO_TENANTS.length];
  const rng = new Rng(hashSeed(`scale-${i}`));
  return {
    ...base,
    id: rng.uuid(),
    slug: `bench-${String(i).padStart(4, "0")}`,
    name: `Bench Customer ${i}`,
    orders,
  };
}

/**
 * Benchmark data: `tenants` synthetic customers sharing `orders` orders with a Zipf-like skew,
 * so the largest tenant holds at least 10% of all orders.
 */
export async function seedScale(
  handle: DbHandle,
  opts: { tenants: number; orders: number; now?: Temporal.Instant; progress?: Progress },
): Promise<{ largestTenantId: string; largestOrders: number }> {
  const now = opts.now ?? Temporal.Now.instant();
  const progress = opts.progress ?? ((l: string) => console.log(l));
  const counts = scaleCounts(opts.tenants, opts.orders);
  const started = Date.now();
  let done = 0;
  for (let i = 0; i < opts.tenants; i++) {
    const profile = scaleProfile(i, counts[i]);
    await seedTenant(handle, profile, now, counts[i], () => undefined);
    done += counts[i];
    const rate = Math.round(done / ((Date.now() - started) / 1000));
    progress(`seeded ${i + 1}/${opts.tenants} tenants, ${done}/${opts.orders} orders (${rate} orders/s)`);
  }
  const largest = await handle.db.execute<{ id: string; n: number }>(
    sql`select tenant_id as id, count(*)::int as n from orders group by tenant_id order by n desc limit 1`,
  );
  return { largestTenantId: largest.rows[0].id, largestOrders: largest.rows[0].n };
}
