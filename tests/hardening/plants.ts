// Planted holes for the isolation probe's self-tests, like the catalog lint's planted table:
// a Vite plugin rewrites modules of a test portal as it serves them, so that one route runs
// with a deliberate mistake. Nothing here touches the files in app/, and the planted portal
// is a separate server (isolation-plants.test.ts) from the one the real probe runs against.
//
// - "ignore-tenant": withTenant runs the route's queries on the owner connection, with no
//   runtime role and no tenant setting (a service that forgot withTenant).
// - "ignore-site-pin": the API principal of the route carries no fixed filters (an endpoint
//   that forgot the embed token's site pin).
// The plant is scoped to one route's loader and/or action with an AsyncLocalStorage, so every
// other route of the planted portal stays correct.
import type { Plugin } from "vite";

export type PlantMode = "ignore-tenant" | "ignore-site-pin";

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
        wrappers.push(
          `export async function ${name}(args: Parameters<typeof __real_${name}>[0]) { return ${STORE}.run(${JSON.stringify(plant.mode)}, () => __real_${name}(args)); }`,
        );
      }
      return `${out}\n${STORAGE_IMPORT}\n${wrappers.join("\n")}\n`;
    },
  };
}

/** The three holes the self-tests plant. */
export const PLANTS: Record<"write" | "embed" | "staff", Plant> = {
  write: { route: "escalations.$id.tsx", exports: ["action"], mode: "ignore-tenant" },
  embed: { route: "api.v1.orders.ts", exports: ["loader"], mode: "ignore-site-pin" },
  staff: { route: "staff.queue.$id.tsx", exports: ["loader", "action"], mode: "ignore-tenant" },
};
