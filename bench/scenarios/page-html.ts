// How much HTML the /orders page sends for one page of 50 rows: the demo data on a fresh
// PostgreSQL database (`sightline_bench_html`, recreated each run), the portal in a child process,
// signed in as the Acme admin. Issue 14 asked for at most half of what the page sent before it
// (one table plus a second card list for phones, utility classes on every cell).
import pg from "pg";
import { gzipSync } from "node:zlib";
import { openDb } from "#db/client";
import { migrate } from "#db/migrate";
import { seedDemo } from "#db/seed/seed";
import { ADMIN_URL } from "../lib/dataset";
import { signIn, startChildPortal } from "../lib/http";
import type { BenchMetric, ScenarioResult } from "../lib/types";

const DB_NAME = "sightline_bench_html";
const PORT = 3171;
/** /orders for admin@acme.example with the demo seed, measured on main before issue 14 (bytes). */
const BEFORE_BYTES = 165_286;

async function recreateDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${DB_NAME} with (force)`);
    await admin.query(`create database ${DB_NAME}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
}

export async function run(): Promise<ScenarioResult> {
  const url = await recreateDatabase();
  const handle = await openDb({ url });
  try {
    await migrate(handle);
    await seedDemo(handle, { progress: () => undefined });
  } finally {
    await handle.close();
  }
  const portal = await startChildPortal({ databaseUrl: url, port: PORT, needsRoute: "routes/orders._index" });
  const metrics: BenchMetric[] = [];
  const notes: string[] = [];
  try {
    const cookie = await signIn(portal.url, "admin@acme.example", "sightline-demo");
    const res = await fetch(`${portal.url}/orders`, { headers: { cookie } });
    const html = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`/orders answered ${res.status}`);
    const rows = (html.toString("utf8").match(/<tr[ >]/g) ?? []).length - 1;
    notes.push(
      `${rows} rows; served by ${portal.dev ? "the Vite dev server" : "the production build"}; before: ${BEFORE_BYTES.toLocaleString("en-US")} bytes.`,
    );
    metrics.push({
      label: "/orders HTML, 50 rows",
      unit: "bytes",
      value: html.length,
      baseline: BEFORE_BYTES,
      ratio: Math.round((html.length / BEFORE_BYTES) * 1000) / 1000,
      target: "<= 0.5x before",
      met: html.length <= BEFORE_BYTES / 2,
    });
    metrics.push({
      label: "/orders HTML, 50 rows, gzip -9",
      unit: "bytes",
      value: gzipSync(html, { level: 9 }).length,
    });
  } finally {
    await portal.stop();
  }
  return { name: "page-html", metrics, notes };
}
