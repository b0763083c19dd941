// The suite-wide answer check (tests/support/api-answers.ts) can fail: a server that answers
// /api/v1 with bodies the document does not describe — plain and gzip-compressed — is caught, with
// the route and the mismatch named, while a documented answer and an event stream are not. The
// same holds for the hardening suite's fetch() wrapper (spawned portal processes) and the e2e
// suite's check of the answers the browser receives.
// Same on every database: no database (a stub server). npm run test:pg leaves it out (vitest.config.ts).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Response as BrowserResponse } from "@playwright/test";
import { browserAnswerMismatch } from "../e2e/api-answers";
import { pendingMismatches, tapApiAnswers } from "../support/api-answers";
import { installFetchAnswers, settledFetchAnswers } from "../support/fetch-answers";
import { documentMismatch } from "../support/openapi-check";

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    tapApiAnswers(req, res);
    if (req.url === "/api/v1/orders?limit=abc") {
      // The shape the issue found: `errors` as a list where the document says keyed by parameter.
      res.writeHead(400, { "content-type": "application/problem+json" });
      res.end(JSON.stringify({ title: "Bad Request", status: 400, detail: "x", errors: ["limit"] }));
    } else if (req.url === "/api/v1/orders?gzip=1") {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end(gzipSync(JSON.stringify({ data: "not a list" })));
    } else if (req.url === "/api/v1/stream") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(": hi\n\n");
      res.end();
    } else {
      res.writeHead(401, { "content-type": "application/problem+json" });
      res.end(JSON.stringify({ type: "about:blank", title: "Unauthorized", status: 401, detail: "Sign in." }));
    }
  }).listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Takes what the tap recorded, so this file's own plants do not fail it. */
const taken = () => pendingMismatches().splice(0);

describe("the suite-wide check of API answers", () => {
  it("names the route, status and mismatch of an undocumented problem body", async () => {
    await (await fetch(`${base}/api/v1/orders?limit=abc`)).text();
    const [found] = taken();
    expect(found.mismatch).toMatch(/^GET \/api\/v1\/orders → 400: body does not match the document: /);
    expect(found.mismatch).toContain("/errors must be object");
    expect(found.test).toContain("undocumented problem body");
  });

  it("reads a gzip-compressed answer as the client does", async () => {
    await (await fetch(`${base}/api/v1/orders?gzip=1`, { headers: { "accept-encoding": "gzip" } })).text();
    expect(taken().map((m) => m.mismatch)).toEqual([
      expect.stringMatching(/^GET \/api\/v1\/orders → 200: body does not match the document: .*\/data must be array/),
    ]);
  });

  it("passes a documented answer and leaves event streams to their own tests", async () => {
    await (await fetch(`${base}/api/v1/orders`)).text();
    await (await fetch(`${base}/api/v1/stream`)).text();
    expect(taken()).toEqual([]);
  });
});

describe("the hardening suite's fetch() check (spawned portals, no tap)", () => {
  it("names the route and mismatch of an answer read through fetch, and passes a documented one", async () => {
    const original = installFetchAnswers();
    try {
      // A port the tap does not watch: the answer is checked by the fetch wrapper alone.
      const plain = createServer((_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ data: [], page: { next: null, prev: null, limit: "fifty" }, timeZone: "UTC" }));
      }).listen(0, "127.0.0.1");
      await new Promise((r) => plain.once("listening", r));
      const url = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
      await (await fetch(`${url}/api/v1/orders`)).json();
      await settledFetchAnswers();
      plain.close();
      expect(taken().map((m) => m.mismatch)).toEqual([
        expect.stringMatching(
          /^GET \/api\/v1\/orders → 200: body does not match the document: \/page\/limit must be integer/,
        ),
      ]);
      await (await fetch(`${base}/api/v1/orders`)).text();
      await settledFetchAnswers();
      expect(taken()).toEqual([]);
    } finally {
      globalThis.fetch = original;
    }
  });
});

describe("the e2e suite's check of answers received by the browser", () => {
  const answer = (
    status: number,
    body: string,
    url = "http://localhost:3100/api/v1/sla/scorecard",
    navigation = false,
  ) =>
    ({
      url: () => url,
      status: () => status,
      ok: () => status >= 200 && status < 300,
      headers: () => ({ "content-type": "application/json" }),
      request: () => ({ method: () => "GET", isNavigationRequest: () => navigation }),
      body: async () => Buffer.from(body),
    }) as unknown as BrowserResponse;

  const check = (r: BrowserResponse) => browserAnswerMismatch(r, documentMismatch);

  it("names the route and the mismatch, and ignores pages and answers it cannot read", async () => {
    expect(await check(answer(200, JSON.stringify({ data: { kpis: "none" } })))).toMatch(
      /^GET \/api\/v1\/sla\/scorecard → 200: body does not match the document: \/data must have required property/,
    );
    expect(await check(answer(418, "{}"))).toMatch(/^GET \/api\/v1\/sla\/scorecard → 418: status not documented/);
    expect(await check(answer(200, "<html>", "http://localhost:3100/orders"))).toBeNull();
    const gone = {
      ...answer(200, ""),
      body: () => Promise.reject(new Error("navigated")),
    } as unknown as BrowserResponse;
    expect(await check(gone)).toBeNull();
    // A frame sent to a refused answer shows Chromium's error page, not the answer.
    expect(await check(answer(403, "<!doctype html><html>", undefined, true))).toBeNull();
    expect(await check(answer(403, "<!doctype html><html>"))).toMatch(/403/);
  });
});
