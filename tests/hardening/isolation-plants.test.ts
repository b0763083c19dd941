// Self-tests of the isolation probe: on a portal with a deliberately planted hole, the probe's
// own requests for that route and caller must find it (a leak, a changed row of the target, or
// a 5xx). Each plant is a realistic mistake (see plants.ts): a write action that ignores the
// tenant, an embed endpoint that ignores the token's site pin, a staff page that ignores the
// agent's assignments. If the probe stopped reaching the write code, or stopped probing with
// embed tokens or as an agent inside an account, these tests would fail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import type { TestPortal } from "../support/portal";
import { PLANTS, plantHoles } from "./plants";
import { probesFor, runProbes, type Client, type ProbeReport, type StaffIds, type Target } from "./probe";
import { allRoutes } from "./routes";
import { attackerClients, pinnedSite, pinnedSiteTarget, seededPortal, userId, victimTarget } from "./setup";

let handle: DbHandle;
let portal: TestPortal;
let clients: Client[];
let staff: StaffIds;

beforeAll(async () => {
  ({ handle, portal } = await seededPortal({
    ordersPerTenant: 6,
    plugins: [plantHoles(Object.values(PLANTS))],
  }));
  clients = await attackerClients(handle, portal);
  staff = {
    staffUserId: await userId(handle, "lead@sightline.example"),
    agentUserId: await userId(handle, "agent@sightline.example"),
  };
});
afterAll(async () => {
  await portal?.close();
  await handle?.close();
});

async function probeRoute(routeFile: string, roles: string[], target: Target): Promise<ProbeReport> {
  const pattern = allRoutes().find((r) => `${r.id.replace(/^routes\//, "")}` === routeFile.replace(/\.tsx?$/, ""));
  if (!pattern) throw new Error(`no route for ${routeFile}`);
  const callers = clients.filter((c) => roles.includes(c.role));
  expect(callers.map((c) => c.role)).toEqual(roles);
  return runProbes(
    handle,
    portal.url,
    target,
    callers.flatMap((c) => probesFor(pattern, c, target.pick, staff)),
  );
}

const found = (r: ProbeReport) => [...r.leaks, ...r.changed, ...r.serverErrors];

describe("isolation probe self-tests (planted holes)", () => {
  it("fails when a write action ignores the tenant (customer posts to A's escalation)", async () => {
    const r = await probeRoute(PLANTS.write.route, ["customer_admin", "customer_viewer"], await victimTarget(handle));
    console.log(`[plant write] ${found(r).length} findings, e.g. ${found(r)[0]}`);
    expect(found(r).length).toBeGreaterThan(0);
  });

  it("fails when an embed endpoint ignores the token's site pin", async () => {
    const target = await pinnedSiteTarget(handle, await pinnedSite(handle));
    const r = await probeRoute(PLANTS.embed.route, ["embed_token pinned to one site"], target);
    console.log(`[plant embed] ${found(r).length} findings, e.g. ${found(r)[0]}`);
    expect(r.leaks.length).toBeGreaterThan(0);
  });

  it("fails when a staff page ignores the agent's assignments", async () => {
    const r = await probeRoute(
      PLANTS.staff.route,
      ["support_agent (in assigned account)", "support_agent (assignment withdrawn)"],
      await victimTarget(handle),
    );
    console.log(`[plant staff] ${found(r).length} findings, e.g. ${found(r)[0]}`);
    expect(found(r).length).toBeGreaterThan(0);
  });
});
