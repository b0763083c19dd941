// Shipped JavaScript sizes, read from what the builds left on disk (this scenario never builds):
// the widget bundle (public/widgets/sightline-widgets.js, `npm run build:widgets`) and the
// portal's first-load JavaScript from the Remix client manifest (build/client, `npm run build`).
import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { BenchMetric, ScenarioOptions, ScenarioResult } from "../lib/types";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const WIDGET_BUNDLE = path.join(ROOT, "public", "widgets", "sightline-widgets.js");
const CLIENT_DIR = path.join(ROOT, "build", "client");
const WIDGET_BUDGET_KB = 20;

const kb = (bytes: number) => Math.round((bytes / 1024) * 100) / 100;
/** gzip level 9, what a CDN or `compression` at max level would send; level 6 differs by ~1%. */
const gzipSize = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

interface ManifestRoute {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  module: string;
  imports?: string[];
}
interface Manifest {
  entry: { module: string; imports?: string[] };
  routes: Record<string, ManifestRoute>;
  url?: string;
}

async function readManifest(): Promise<{ manifest: Manifest; file: string } | null> {
  const assets = path.join(CLIENT_DIR, "assets");
  if (!existsSync(assets)) return null;
  const files = (await readdir(assets)).filter((f) => /^manifest-.*\.js$/.test(f));
  if (files.length === 0) return null;
  // The newest manifest is the current build's.
  const dated = await Promise.all(files.map(async (f) => ({ f, t: (await stat(path.join(assets, f))).mtimeMs })));
  const file = dated.sort((a, b) => b.t - a.t)[0].f;
  const text = await readFile(path.join(assets, file), "utf8");
  const json = text.replace(/^window\.__remixManifest\s*=\s*/, "").replace(/;\s*$/, "");
  return { manifest: JSON.parse(json) as Manifest, file };
}

/** Route ids from root down to the route matching `id` (Remix loads every ancestor's module). */
function chain(manifest: Manifest, id: string): ManifestRoute[] {
  const out: ManifestRoute[] = [];
  let r: ManifestRoute | undefined = manifest.routes[id];
  while (r) {
    out.unshift(r);
    r = r.parentId ? manifest.routes[r.parentId] : undefined;
  }
  return out;
}

/** The route rendering a URL path without params (prefers an index route over its layout). */
function routeFor(manifest: Manifest, urlPath: string): string | null {
  const want = urlPath.replace(/^\/|\/$/g, "");
  const candidates = Object.values(manifest.routes).filter(
    (r) =>
      chain(manifest, r.id)
        .map((x) => x.path ?? "")
        .filter(Boolean)
        .join("/") === want,
  );
  const best = candidates.find((r) => r.index) ?? candidates.find((r) => r.id !== "root") ?? candidates[0];
  return best ? best.id : null;
}

async function firstLoad(
  manifest: Manifest,
  routeId: string,
): Promise<{ raw: number; gzip: number; files: number } | null> {
  if (!manifest.routes[routeId]) return null;
  const urls = new Set<string>([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
  for (const r of chain(manifest, routeId)) for (const u of [r.module, ...(r.imports ?? [])]) urls.add(u);
  let raw = 0;
  let gzip = 0;
  for (const u of urls) {
    const buf = await readFile(path.join(CLIENT_DIR, u.replace(/^\//, "")));
    raw += buf.length;
    gzip += gzipSize(buf);
  }
  return { raw, gzip, files: urls.size };
}

export async function run(_opts: ScenarioOptions): Promise<ScenarioResult> {
  const metrics: BenchMetric[] = [];
  const notes: string[] = [];

  if (existsSync(WIDGET_BUNDLE)) {
    const buf = await readFile(WIDGET_BUNDLE);
    const gz = kb(gzipSize(buf));
    metrics.push({ label: "widget bundle (all widgets + Lit), raw", unit: "KB", value: kb(buf.length) });
    metrics.push({
      label: "widget bundle, gzip",
      unit: "KB",
      value: gz,
      target: `<= ${WIDGET_BUDGET_KB} KB`,
      met: gz <= WIDGET_BUDGET_KB,
    });
  } else {
    notes.push("public/widgets/sightline-widgets.js not found: run `npm run build:widgets` first (not measured).");
  }

  const m = await readManifest();
  if (!m) {
    notes.push("build/client has no Remix manifest: run `npm run build` first (portal first-load not measured).");
  } else {
    notes.push(`Portal figures from build/client/assets/${m.file}: entry + root + route modules and their imports.`);
    const pages: [string, string][] = [
      ["login page", "/login"],
      ["order list, customers' landing page", "/orders"],
      ["home", "/"],
    ];
    for (const [name, url] of pages) {
      const id = routeFor(m.manifest, url);
      const fl = id ? await firstLoad(m.manifest, id) : null;
      if (!fl) {
        notes.push(`No route for ${url} in this build's manifest (built before the route existed?).`);
        continue;
      }
      const label = `${name} (${url})`;
      metrics.push({ label: `portal first-load JS, ${label}, gzip`, unit: "KB", value: kb(fl.gzip) });
      metrics.push({ label: `portal first-load JS, ${label}, raw (${fl.files} files)`, unit: "KB", value: kb(fl.raw) });
    }
  }
  return { name: "bundle", metrics, notes };
}
