// Demo embed key for Acme, used by the sample intranet page (`npm start`, INTRANET_PORT).
// The secret exists only in seeded demo data and is documented in README and widgets/README.
import { createHash } from "node:crypto";
import type { DbHandle } from "../client";
import { embedKeys } from "../schema/index";
import { DEMO_TENANTS } from "./demo-tenants";

export const DEMO_EMBED_SECRET = "sl_embed_demo_acme_0123456789abcdef";

/** The intranet demo's origin: 127.0.0.1 (another site than the portal's localhost). */
export function demoIntranetOrigin(port = Number(process.env.INTRANET_PORT ?? 3001)): string {
  return `http://127.0.0.1:${port || 3001}`;
}

export async function seedDemoEmbedKeys(handle: DbHandle): Promise<void> {
  const acme = DEMO_TENANTS.find((t) => t.slug === "acme");
  if (!acme) return;
  const origins = [...new Set([demoIntranetOrigin(), demoIntranetOrigin(3001)])];
  await handle.db.insert(embedKeys).values({
    tenantId: acme.id,
    name: "Demo intranet",
    prefix: DEMO_EMBED_SECRET.slice(0, 15),
    secretHash: createHash("sha256").update(DEMO_EMBED_SECRET).digest("hex"),
    allowedOrigins: origins,
    scopes: ["orders:read", "sla:read", "escalations:write"],
    fixedFilters: {},
    createdByName: "Sightline demo",
  });
}
