// Self-tests of the fuzz (fuzz.test.ts): on a portal with a deliberately planted mistake, the same
// run, aimed at the planted route, must find it. One form action crashes on input it should refuse
// (a 5xx); another writes before it refuses (a refused request that changed a table). If the fuzz
// stopped reaching the parsers behind the intents, or stopped comparing the tables after each
// request, these tests would fail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import type { TestPortal } from "../support/portal";
import { runFuzz } from "./fuzz-run";
import { FUZZ_PLANTS, plantHoles } from "./plants";
import type { RouteInfo } from "./routes";
import { attackerClients, seededPortal, type Client } from "./setup";

const RUNS = 150;
const SEED = 20261202;

let handle: DbHandle;
let portal: TestPortal;
let clients: Client[];

beforeAll(async () => {
  ({ handle, portal } = await seededPortal({ ordersPerTenant: 4, plugins: [plantHoles(Object.values(FUZZ_PLANTS))] }));
  clients = await attackerClients(handle, portal);
});
afterAll(async () => {
  await portal?.close();
  await handle?.close();
});

const routeOf = (file: string) => (r: RouteInfo) => r.id === `routes/${file.replace(/\.tsx?$/, "")}`;

describe("fuzz self-tests (planted mistakes)", () => {
  it("finds a form action that crashes on input it should refuse", { timeout: 300_000 }, async () => {
    const r = await runFuzz({
      handle,
      portal,
      clients,
      runs: RUNS,
      seed: SEED,
      routes: routeOf(FUZZ_PLANTS.crash.route),
    });
    console.log(`[plant crash] ${r.failures.length} 5xx, e.g. ${r.failures[0]}`);
    expect(r.failures.length).toBeGreaterThan(0);
    expect(r.failures.every((f) => f.includes("/escalations/new"))).toBe(true);
  });

  it("finds a form action that writes before it refuses", { timeout: 300_000 }, async () => {
    const r = await runFuzz({
      handle,
      portal,
      clients,
      runs: RUNS,
      seed: SEED,
      routes: routeOf(FUZZ_PLANTS.halfWrite.route),
    });
    console.log(
      `[plant half-write] ${r.partialWrites.length} refused requests changed data, e.g. ${r.partialWrites[0]}`,
    );
    expect(r.partialWrites.some((w) => w.includes("/profile") && w.includes("tenants"))).toBe(true);
    expect(r.failures).toEqual([]);
  });
});
