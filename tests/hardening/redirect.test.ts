// The open-redirect class (issue 13): sign-in with `redirectTo` values from a generated corpus
// (tricks that turn into another origin, mixed with ordinary paths and arbitrary strings).
// Every sign-in must succeed with a 302 whose Location lands on the portal, never a 5xx.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { landsOn, redirectTarget } from "../support/redirect-corpus";
import type { TestPortal } from "../support/portal";
import { newBrowser, seededPortal } from "./setup";

const RUNS = Number(process.env.HARDENING_REDIRECT_RUNS ?? 200);

let handle: DbHandle;
let portal: TestPortal;

describe("redirect after sign-in, generated targets", () => {
  beforeAll(async () => {
    ({ handle, portal } = await seededPortal(2));
  });
  afterAll(async () => {
    await portal?.close();
    await handle?.close();
  });

  it(`lands on the portal for ${RUNS} generated redirectTo values, and never fails the sign-in`, async () => {
    const targets = fc.sample(redirectTarget, { numRuns: RUNS, seed: Number(process.env.HARDENING_SEED ?? 13) });
    const wrong: string[] = [];
    const b = newBrowser(portal);
    for (const target of targets) {
      // A fresh cookie jar each time: a signed-in user is sent away from /login.
      const res = await newBrowser(portal).post("/login", {
        email: "viewer@acme.example",
        password: "sightline-demo",
        redirectTo: target.slice(0, 500),
      });
      const location = res.headers.get("location");
      const landed = location === null ? null : landsOn(location, `${portal.url}/login`);
      if (res.status !== 302 || !landed || landed.origin !== portal.url)
        wrong.push(`${JSON.stringify(target)} -> ${res.status} ${JSON.stringify(location)}`);
      // The sign-in page itself renders whatever the query says.
      const page = await b.get(`/login?redirectTo=${encodeURIComponent(target)}`);
      await page.arrayBuffer();
      if (page.status >= 500) wrong.push(`GET /login?redirectTo=${JSON.stringify(target)} -> ${page.status}`);
    }
    console.log(`[redirect] ${targets.length} generated targets, ${wrong.length} wrong`);
    expect(wrong).toEqual([]);
  });
});
