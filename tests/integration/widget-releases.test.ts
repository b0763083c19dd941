// Versioned widget URLs over real HTTP: a released version answers byte for byte as released,
// cached for a year and readable from any origin (SRI needs CORS); the major alias follows the
// newest release with a short cache; the unreleased current build is revalidated every time.
// Same on every database: no database (static widget files over HTTP). npm run test:pg leaves it out (vitest.config.ts).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT_DIR } from "#app/server/http/app.server";
import { serveWidgets } from "#app/server/embed/widgets-static.server";
import { readReleaseIndex, sourceVersion, sriOf } from "#app/server/embed/widget-releases.server";
import { widgetCatalogues } from "../../widgets/catalogues";

const index = readReleaseIndex(ROOT_DIR);
const newestOfMajor1 = Object.keys(index)
  .filter((v) => v.startsWith("1."))
  .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
  .at(-1)!;
let base: string;
let server: Server;

beforeAll(async () => {
  const app = express();
  app.use("/widgets", serveWidgets(path.join(ROOT_DIR, "public/widgets")));
  server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

const get = (p: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${p}`, { headers: { Origin: "https://intranet.example", ...headers } });

describe("versioned widget files", () => {
  it("serves release 1.0.0 unchanged, immutable for a year, to any origin", async () => {
    const res = await get("/widgets/v1.0.0/sightline-widgets.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("javascript");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(res.headers.get("x-sightline-widgets-version")).toBe("1.0.0");
    expect(sriOf(Buffer.from(await res.arrayBuffer()))).toBe(index["1.0.0"].integrity);
  });

  it("answers a revalidation of a release with 304", async () => {
    const first = await get("/widgets/v1.0.0/sightline-widgets.js");
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    // fetch() adds `Cache-Control: no-cache` to a conditional request unless told otherwise.
    const again = await get("/widgets/v1.0.0/sightline-widgets.js", {
      "If-None-Match": etag!,
      "Cache-Control": "max-age=0",
    });
    expect(again.status).toBe(304);
  });

  it("points the v1 alias at the newest 1.x release with a five-minute cache", async () => {
    const res = await get("/widgets/v1/sightline-widgets.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.headers.get("x-sightline-widgets-version")).toBe(newestOfMajor1);
    expect(sriOf(Buffer.from(await res.arrayBuffer()))).toBe(index[newestOfMajor1].integrity);
  });

  it("serves the unreleased current build at its version, revalidated on every use", async () => {
    const version = sourceVersion(ROOT_DIR);
    const res = await get(`/widgets/v${version}/sightline-widgets.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, no-cache");
    const built = readFileSync(path.join(ROOT_DIR, "public/widgets/sightline-widgets.js"));
    expect(Buffer.from(await res.arrayBuffer()).equals(built)).toBe(true);
  });

  it("serves the current build's catalogues beside it, readable from any origin, as the bundle's hashes say", async () => {
    const version = sourceVersion(ROOT_DIR);
    for (const c of widgetCatalogues()) {
      const res = await get(`/widgets/v${version}/${c.fileName}`);
      expect(res.status, c.fileName).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("cache-control")).toBe("public, no-cache");
      const text = await res.text();
      expect(createHash("sha256").update(text, "utf8").digest("base64")).toBe(c.sha256);
    }
  });

  it.each([
    "/widgets/v1.0.0/sightline-widgets.de.json",
    "/widgets/v1.1.0/sightline-widgets.xx.json",
    "/widgets/v9.9.9/sightline-widgets.js",
    "/widgets/v2/sightline-widgets.js",
    "/widgets/v1.0.0/custom-elements.json",
    "/widgets/v1.0/sightline-widgets.js",
    "/widgets/vlatest/sightline-widgets.js",
    "/widgets/v1.0.0/..%2F..%2Fpackage.json",
  ])("answers 404 for %s", async (p) => {
    expect((await get(p)).status).toBe(404);
  });

  it("refuses writes", async () => {
    const res = await fetch(`${base}/widgets/v1.0.0/sightline-widgets.js`, { method: "POST" });
    expect(res.status).toBe(405);
  });
});
