// Planted holes for the isolation probe's self-tests, like the catalog lint's planted table:
// a Vite plugin rewrites modules of a test portal as it serves them, so that one route runs
// with a deliberate mistake. Nothing here touches the files in app/, and the planted portal
// is a separate server (isolation-plants.test.ts) from the one the real probe runs against.
//
// - "ignore-tenant": withTenant runs the route's queries on the owner connection, with no
//   runtime role and no tenant setting (a service that forgot withTenant).
// - "ignore-site-pin": the API principal of the route carries no fixed filters (an endpoint
//   that forgot the embed token's site pin).
// - "crash-on-bad-input": the route answers input it should refuse (a 400) by throwing instead
//   (a handler that trusts its input): a 500.
// - "write-before-refusing": the route writes before it refuses bad input (a handler that saves
//   first and validates after): the 400 leaves a changed row behind.
// The last two are the fuzz's self-tests (fuzz-plants.test.ts).
// The plant is scoped to one route's loader and/or action with an AsyncLocalStorage, so every
// other route of the planted portal stays correct.
import type { Plugin } from "vite";

export type PlantMode = "ignore-tenant" | "ignore-site-pin" | "crash-on-bad-input" | "write-before-refusing";

export interface Plant {
  /** Route module file in app/routes, e.g. "escalations.$id.tsx". */
  route: string;
  exports: ("loader" | "action")[];
  mode: PlantMode;
}

const STORE = `(globalThis[Symbol.for("sightline.plant")] ??= new __PlantStorage())`;
const STORAGE_IMPORT = `import { AsyncLocalStorage as __PlantStorage } from "node:async_hooks";`;

function rename(code: string, from: RegExp, to: string, where: string): string {
  if (!from.test(code)) throw new Error(`plant: ${where} no longer matches ${from}; update tests/hardening/plants.ts`);
  return code.replace(from, to);
}

const REFUSAL_PLANTS = new Set<PlantMode>(["crash-on-bad-input", "write-before-refusing"]);

/** What the refusal plants do when the real handler answers 400 (a returned or thrown refusal). */
const PLANT_REFUSAL = `
import { getDb as __plantGetDb } from "#app/server/db.server";
import { sql as __plantSql } from "drizzle-orm";
async function __plantRefusal(mode: string, answer: unknown): Promise<unknown> {
  const status = answer instanceof Response ? answer.status : (answer as { init?: { status?: number } } | null)?.init?.status;
  if (status !== 400) return answer;
  if (mode === "crash-on-bad-input") throw new Error("planted: a handler that trusts its input");
  const { db } = await __plantGetDb();
  await db.execute(__plantSql\`update tenants set region = coalesce(region, '') || 'x' where slug = 'acme'\`);
  return answer;
}
`;

/** A Vite plugin that plants the given holes. Throws when a module changed so a plant cannot be set. */
export function plantHoles(plants: Plant[]): Plugin {
  const byFile = new Map(plants.map((p) => [p.route, p]));
  return {
    name: "sightline-plant-holes",
    enforce: "pre",
    transform(code, id) {
      const file = id.split("?")[0].replace(/\\/g, "/");
      if (file.endsWith("/app/server/tenant-db.server.ts")) {
        const renamed = rename(code, /export async function withTenant</, "async function __realWithTenant<", file);
        return `${renamed}
${STORAGE_IMPORT}
export async function withTenant<T>(ctx: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (${STORE}.getStore() === "ignore-tenant") {
    const { db } = await getDb();
    return db.transaction(fn);
  }
  return __realWithTenant(ctx, fn);
}
`;
      }
      if (file.endsWith("/app/server/api/principal.server.ts")) {
        const renamed = rename(
          code,
          /export async function requireApiPrincipal\(/,
          "async function __realRequireApiPrincipal(",
          file,
        );
        return `${renamed}
${STORAGE_IMPORT}
export async function requireApiPrincipal(request: Request, scope: ApiScope): Promise<ApiAuthResult> {
  const r = await __realRequireApiPrincipal(request, scope);
  if (r.ok && ${STORE}.getStore() === "ignore-site-pin") return { ok: true, principal: { ...r.principal, fixedFilters: {} } };
  return r;
}
`;
      }
      const routeFile = file.match(/\/app\/routes\/([^/]+)$/)?.[1];
      const plant = routeFile ? byFile.get(routeFile) : undefined;
      if (!plant) return null;
      let out = code;
      const wrappers: string[] = [];
      for (const name of plant.exports) {
        out = rename(out, new RegExp(`export async function ${name}\\(`), `async function __real_${name}(`, file);
        const run = REFUSAL_PLANTS.has(plant.mode)
          ? `__plantRefusal(${JSON.stringify(plant.mode)}, await __real_${name}(args))`
          : `__real_${name}(args)`;
        wrappers.push(
          `export async function ${name}(args: Parameters<typeof __real_${name}>[0]) { return ${STORE}.run(${JSON.stringify(plant.mode)}, async () => ${run}); }`,
        );
      }
      const refusal = REFUSAL_PLANTS.has(plant.mode) ? PLANT_REFUSAL : "";
      return `${out}\n${STORAGE_IMPORT}\n${refusal}\n${wrappers.join("\n")}\n`;
    },
  };
}

/** The three holes the self-tests plant. */
export const PLANTS: Record<"write" | "embed" | "staff", Plant> = {
  write: { route: "escalations.$id.tsx", exports: ["action"], mode: "ignore-tenant" },
  embed: { route: "api.v1.orders.ts", exports: ["loader"], mode: "ignore-site-pin" },
  staff: { route: "staff.queue.$id.tsx", exports: ["loader", "action"], mode: "ignore-tenant" },
};

/** The fuzz's self-tests: two form actions that refuse bad input with 400, each planted with one mistake. */
export const FUZZ_PLANTS: Record<"crash" | "halfWrite", Plant> = {
  crash: { route: "escalations.new.tsx", exports: ["action"], mode: "crash-on-bad-input" },
  halfWrite: { route: "profile.tsx", exports: ["action"], mode: "write-before-refusing" },
};
