// A real portal HTTP server for integration tests: the same Express app as `npm start`, with
// Remix served by Vite in middleware mode (no build needed) or from the production build, on a
// random port.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { DbHandle } from "#db/client";
import { setDb } from "#app/server/db.server";
import type { PluginOption } from "vite";
import { createDevVite, createPortalApp } from "#app/server/http/app.server";
import { tapApiAnswers } from "./api-answers";

export interface TestPortal {
  url: string;
  close(): Promise<void>;
}

/**
 * `production`: serve the production build (build/server, as `npm start` does) instead of Vite's
 * dev middleware, which transforms every route module on its first request (in the hardening
 * suite about a quarter of a file's CPU time). Not with `plugins`: those plant holes in the sources.
 */
export async function startPortal(
  handle: DbHandle,
  opts: { plugins?: PluginOption[]; production?: boolean } = {},
): Promise<TestPortal> {
  if (opts.production && opts.plugins) throw new Error("plugins plant holes in the sources: they need the dev server");
  setDb(handle);
  // better-auth binds to the database it was created with; a second portal in the same test
  // file (describeEachDb: PGlite, then PostgreSQL) needs a fresh one on its own handle.
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("sightline.auth")];
  // A Vite server of its own when plugins are given, so planted holes never reach another portal.
  const vite = opts.plugins ? await createDevVite({ plugins: opts.plugins }) : undefined;
  const portal = await createPortalApp(handle, { dev: !opts.production, vite });
  // Every /api/v1 answer is checked against the OpenAPI document (tests/support/api-answers.ts).
  const server = createServer((req, res) => {
    tapApiAnswers(req, res);
    portal.app(req, res);
  }).listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await portal.close();
      await vite?.close();
    },
  };
}

/** A browser-like client: keeps cookies, sends same-origin Origin on posts, never follows redirects. */
export class Browser {
  private cookies = new Map<string, string>();
  constructor(
    private readonly base: string,
    private readonly ip = "203.0.113.10",
  ) {}

  private store(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(";");
      const [name, ...rest] = pair.split("=");
      const value = rest.join("=");
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim())) || value === "";
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  private headers(extra: Record<string, string> = {}): Headers {
    const h = new Headers({ "x-forwarded-for": this.ip, ...extra });
    if (this.cookies.size) h.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    return h;
  }

  async get(path: string, extra: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(this.base + path, { headers: this.headers(extra), redirect: "manual" });
    this.store(res);
    return res;
  }

  async post(path: string, form: Record<string, string>, opts: { origin?: string | null } = {}): Promise<Response> {
    const extra: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
    const origin = opts.origin === undefined ? this.base : opts.origin;
    if (origin) extra.origin = origin;
    const res = await fetch(this.base + path, {
      method: "POST",
      headers: this.headers(extra),
      body: new URLSearchParams(form).toString(),
      redirect: "manual",
    });
    this.store(res);
    return res;
  }

  /**
   * Any method and body (e.g. JSON to /api/v1), with the session cookies and a same-origin Origin
   * (`origin` names another one, or null sends none; `headers` adds e.g. Sec-Fetch-Site).
   */
  async request(
    path: string,
    init: {
      method: string;
      body?: BodyInit;
      contentType?: string;
      origin?: string | null;
      headers?: Record<string, string>;
    },
  ): Promise<Response> {
    const extra: Record<string, string> = { ...init.headers };
    const origin = init.origin === undefined ? this.base : init.origin;
    if (origin) extra.origin = origin;
    if (init.contentType) extra["content-type"] = init.contentType;
    const res = await fetch(this.base + path, {
      method: init.method,
      headers: this.headers(extra),
      body: init.body,
      redirect: "manual",
    });
    this.store(res);
    return res;
  }

  /** Takes over another client's cookies, e.g. the same browser talking to a restarted server. */
  adoptCookies(other: Browser): this {
    this.cookies = new Map(other.cookies);
    return this;
  }

  async signIn(email: string, password = "sightline-demo"): Promise<Response> {
    return this.post("/login", { email, password });
  }
}
