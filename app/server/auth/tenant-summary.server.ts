// The customer roles and the tenant summary every signed-in context carries. No imports with side
// effects: the guards re-export these, and background jobs (the SLA digest) import them directly.
import type { TenantTier } from "#db/schema/tenancy";

export type CustomerRole = "customer_admin" | "customer_viewer";
export const CUSTOMER_ROLES: readonly CustomerRole[] = ["customer_admin", "customer_viewer"];

export interface TenantSummary {
  id: string;
  name: string;
  slug: string;
  tier: TenantTier;
  timeZone: string;
  country: string;
  region: string | null;
}

/** The summary fields of a tenant row (or any object carrying them, e.g. a demo profile). */
export function tenantSummaryOf(t: TenantSummary): TenantSummary {
  return {
    id: t.id,
    name: t.name,
    slug: t.slug,
    tier: t.tier,
    timeZone: t.timeZone,
    country: t.country,
    region: t.region,
  };
}
