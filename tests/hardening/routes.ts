// Every route of the portal, read from the Remix flat-routes directory (app/routes) — the same
// files the route manifest is built from — so a new route is probed without editing any test.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROUTES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "app", "routes");

export interface RouteInfo {
  /** Route module id, e.g. "routes/orders.$orderId". */
  id: string;
  /** URL pattern with :params, e.g. "/orders/:orderId". */
  pattern: string;
  params: string[];
  api: boolean;
  /** Resource route (.ts, no UI). */
  resource: boolean;
}

/** Splits a flat-route file name on dots outside [] escapes. */
function segments(name: string): string[] {
  const out: string[] = [];
  let cur = "";
  let escaped = false;
  for (const ch of name) {
    if (ch === "[") escaped = true;
    else if (ch === "]") escaped = false;
    else if (ch === "." && !escaped) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function routeFromFile(file: string): RouteInfo {
  const base = file.replace(/\.(tsx|ts|jsx|js)$/, "");
  const parts: string[] = [];
  const params: string[] = [];
  for (const seg of segments(base)) {
    if (seg === "_index" || seg === "") continue;
    if (seg.startsWith("_")) continue; // pathless layout
    const s = seg.endsWith("_") ? seg.slice(0, -1) : seg;
    if (s.startsWith("$")) {
      params.push(s.slice(1));
      parts.push(`:${s.slice(1)}`);
    } else parts.push(s);
  }
  const pattern = `/${parts.join("/")}`;
  return { id: `routes/${base}`, pattern, params, api: pattern.startsWith("/api/"), resource: /\.(ts|js)$/.test(file) };
}

/** All route modules, one entry per distinct URL pattern (a layout and its index share one). */
export function allRoutes(): RouteInfo[] {
  const files = readdirSync(ROUTES_DIR).filter((f) => /\.(tsx|ts)$/.test(f) && !f.includes(".test."));
  const byPattern = new Map<string, RouteInfo>();
  for (const f of files) {
    const r = routeFromFile(f);
    if (!byPattern.has(r.pattern) || r.id.endsWith("_index")) byPattern.set(r.pattern, r);
  }
  return [...byPattern.values()].sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** encodeURIComponent, with lone surrogates (which it refuses) replaced by U+FFFD first. */
function encodeSegment(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return encodeURIComponent(v.replace(/[\ud800-\udfff]/g, "\ufffd"));
  }
}

export function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/:(\w+)/g, (_, name: string) => encodeSegment(values[name] ?? ""));
}

/**
 * Where a form posts to reach this route's action: an index route under a layout of the same
 * URL (settings._index under settings.tsx) is addressed with `?index`, as Remix's <Form> does.
 */
export function actionUrl(route: RouteInfo, path: string): string {
  if (!route.id.endsWith("_index")) return path;
  return path.includes("?") ? `${path}&index` : `${path}?index`;
}
