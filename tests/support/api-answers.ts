// Every JSON answer any integration test gets from /api/v1 is checked against the OpenAPI document
// (tests/support/openapi-check.ts), whatever the test itself asserts. startPortal() taps its
// server with tapApiAnswers(); the setup file (tests/support/setup-api-answers.ts) fails the test
// that received a mismatching answer, naming the route, the status and the mismatch.
import type { IncomingMessage, ServerResponse } from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { expect } from "vitest";
import { documentMismatch } from "./openapi-check";

import { pendingMismatches } from "./api-mismatches";

export { pendingMismatches, type RecordedMismatch } from "./api-mismatches";

function decode(body: Buffer, encoding: string | undefined): string {
  switch ((encoding ?? "").toLowerCase()) {
    case "gzip":
      return gunzipSync(body).toString("utf8");
    case "deflate":
      return inflateSync(body).toString("utf8");
    case "br":
      return brotliDecompressSync(body).toString("utf8");
    default:
      return body.toString("utf8");
  }
}

type Chunk = string | Buffer | Uint8Array;

/** Call before the app handles the request: records the answer as the client receives it. */
export function tapApiAnswers(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? "/";
  const method = req.method ?? "GET";
  if (!url.startsWith("/api/v1/") || method === "OPTIONS" || method === "HEAD") return;
  const test = expect.getState().currentTestName ?? "(outside a test: beforeAll/afterAll)";
  const chunks: Buffer[] = [];
  let streamed = false;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (streamed || chunk == null || typeof chunk === "function") return;
    if (String(res.getHeader("content-type") ?? "").includes("text/event-stream")) {
      streamed = true; // a stream never ends in a test's lifetime; its status is all there is to check
      chunks.length = 0;
      return;
    }
    chunks.push(
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array),
    );
  };
  // Headers given to writeHead() directly are not readable through getHeader(): keep them.
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = rest.find((r) => typeof r === "object" && r !== null && !Array.isArray(r));
    for (const [k, v] of Object.entries((headers ?? {}) as Record<string, string>)) res.setHeader(k, v);
    return writeHead(status, ...rest);
  }) as ServerResponse["writeHead"];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: Chunk, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as ServerResponse["write"];
  // Checked when the app ends the answer (after compression), before the client can have read it.
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    const r = end(chunk, ...rest);
    check();
    return r;
  }) as ServerResponse["end"];
  const check = () => {
    if (streamed) return;
    let body: string;
    try {
      body = decode(Buffer.concat(chunks), res.getHeader("content-encoding") as string | undefined);
    } catch {
      body = "";
    }
    const mismatch = documentMismatch({
      method,
      url: `http://portal${url}`,
      status: res.statusCode,
      contentType: (res.getHeader("content-type") as string | undefined) ?? null,
      body,
    });
    if (mismatch) pendingMismatches().push({ test, mismatch });
  };
}
