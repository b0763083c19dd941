// The HTTP application: security headers, the cross-origin form guard, health, Remix.
// Used by the process entry (main.server.ts) and by tests that need a real HTTP server.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ActionFunction, LoaderFunction, ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import type { PluginOption, ViteDevServer } from "vite";
import type { DbHandle } from "#db/client";
import { projectRoot } from "#db/root";
import { documentedMethods } from "../api/methods.server";
import { corsPreflight, withCorsDuringOutage } from "../embed/cors.server";
import { logger, noteRoute, requestLogging, viteLogger } from "../log.server";
import { serveWidgets } from "../embed/widgets-static.server";
import { refuseCrossOriginWrites } from "./csrf.server";
import { isDraining } from "./drain.server";
import { hubStats } from "../realtime/hub.server";
import { readiness } from "./health.server";
import { failedDependency, isDatabaseUnavailable, problems, unavailablePage } from "./problem.server";
import { securityHeaders } from "./security-headers.server";
import { devPrebundlePlugins, withoutViteExitOnSigterm } from "./vite-dev.mjs";

export const ROOT_DIR = projectRoot();

export interface PortalApp {
  app: express.Express;
  /** Stops the Vite dev server, if this function started one. */
  close(): Promise<void>;
}

export interface PortalAppOptions {
  dev: boolean;
  /** Development: the process's Vite server (the launcher's), whose SSR graph holds the routes. */
  vite?: ViteDevServer;
  /** Production: the server build the launcher imported; absent means import build/server/index.js. */
  build?: ServerBuild;
}

export async function createPortalApp(handle: DbHandle, opts: PortalAppOptions): Promise<PortalApp> {
  const app = express();
  app.disable("x-powered-by");
  app.use((_req, res, next) => {
    // A draining process asks clients to open their next request elsewhere (another worker).
    if (isDraining()) res.setHeader("Connection", "close");
    next();
  });
  app.set("trust proxy", false); // the client IP comes only from TRUSTED_PROXY_HEADER
  app.use(requestLogging()); // first, so every response carries X-Request-Id and gets an access line
  app.use(
    compression({
      // Server-Sent Events must not be buffered by the compressor.
      filter: (req, res) =>
        !String(res.getHeader("Content-Type") ?? "").includes("text/event-stream") && compression.filter(req, res),
    }),
  );
  app.use(securityHeaders(opts.dev));
  app.use((req, _res, next) => {
    // The socket address, for rate limits and audit; a client-sent header of this name is replaced.
    req.headers["x-sightline-remote-addr"] = req.socket.remoteAddress ?? "unknown";
    next();
  });
  app.use(refuseEmptyPathSegments);
  app.use(refuseUnknownApiPaths);
  app.use(refuseCrossOriginWrites);
  // Browsers ask for /favicon.ico whatever the page links; point them at the SVG icon.
  app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));
  // Embeddable widgets (public JS, any origin) and CORS preflights for the API (embed key origins only).
  app.use("/widgets", serveWidgets(path.join(ROOT_DIR, "public/widgets")));
  app.options("/api/v1/*", (req, res) => {
    const headers = new Headers();
    if (typeof req.headers.origin === "string") headers.set("origin", req.headers.origin);
    void corsPreflight(new Request(`http://portal${req.originalUrl}`, { method: "OPTIONS", headers })).then(
      (r) => res.status(r.status).set(Object.fromEntries(r.headers)).end(),
      () => res.status(503).end(),
    );
  });
  app.get("/healthz", (_req, res) => {
    // `streams`: this process's real-time hub counters (no tenant data), so one can check per
    // process that an event is read once per tenant however many streams are open (bench: workers).
    const { subscribers, tenants, notifications, tailReads, dbReads, deliveries } = hubStats();
    res.json({
      status: "ok",
      pid: process.pid,
      database: handle.kind,
      uptimeSeconds: Math.round(process.uptime()),
      streams: { subscribers, tenants, notifications, tailReads, dbReads, deliveries },
    });
  });
  app.get("/healthz/ready", (_req, res) => {
    void readiness(handle).then((r) => res.status(r.ready ? 200 : 503).json(r));
  });

  let build: ServerBuild | (() => Promise<ServerBuild>);
  let close = async () => undefined as void;
  if (opts.dev) {
    let server = opts.vite;
    if (!server) {
      server = await createDevVite();
      close = () => server!.close();
    }
    const vite = server;
    app.use(vite.middlewares);
    build = async () =>
      answerDatabaseLossWith503((await vite.ssrLoadModule("virtual:remix/server-build")) as ServerBuild);
  } else {
    const clientDir = path.join(ROOT_DIR, "build/client");
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(clientDir, { maxAge: "1h" }));
    build = answerDatabaseLossWith503(
      opts.build ??
        ((await import(
          /* @vite-ignore */ pathToFileURL(path.join(ROOT_DIR, "build/server/index.js")).href
        )) as ServerBuild),
    );
  }
  // Event streams are answered by Express (realtime/stream-route.server.ts), by the handler the
  // server build exports, so it shares the routes' hub and drain list; Remix's route remains for
  // the other methods.
  const buildNow = typeof build === "function" ? build : () => Promise.resolve(build as ServerBuild);
  app.get("/api/v1/stream", (req, res, next) => {
    buildNow().then((b) => {
      const handler = (b.entry.module as { streamEvents?: express.RequestHandler }).streamEvents;
      if (handler) handler(req, res, next);
      else next();
    }, next);
  });
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: opts.dev ? "development" : "production",
      getLoadContext: (_req, res) => ({
        cspNonce: String(res.locals.cspNonce ?? ""),
        // Bytes written but not yet flushed to the client: SSE uses it to drop slow consumers.
        responseBacklog: () => res.writableLength,
      }),
    }),
  );
  return { app, close };
}

/**
 * Vite in middleware mode for the in-process portals of the tests, configured as the launcher's
 * (server.mjs --dev) and, like it, without Vite's exit on SIGTERM (vite-dev.mjs).
 * `plugins`: extra Vite plugins (the isolation probe's self-tests plant holes with them).
 */
export async function createDevVite(opts: { plugins?: PluginOption[] } = {}): Promise<ViteDevServer> {
  const vite = await import("vite");
  return withoutViteExitOnSigterm(() =>
    vite.createServer({
      root: ROOT_DIR,
      // cors: false — Vite would otherwise answer CORS for any localhost origin on every route.
      server: { middlewareMode: true, hmr: false, ws: false, cors: false },
      logLevel: "warn",
      customLogger: viteLogger(),
      plugins: [...(opts.plugins ?? []), ...devPrebundlePlugins()],
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Losing the database mid-request

/** The innermost message of an error chain (Drizzle's "Failed query: <sql>" wraps the driver's). */
function rootMessage(err: unknown): string {
  let e = err;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}

const dbLog = logger("db");

function guard<F extends LoaderFunction | ActionFunction>(
  fn: F | undefined,
  page: boolean,
  route: { id: string; depth: number },
): F | undefined {
  if (!fn) return undefined;
  const guarded = async (args: Parameters<F>[0]) => {
    noteRoute(route.id, route.depth); // the access log names the request by its route, not its URL
    try {
      return await fn(args);
    } catch (err) {
      const { method } = args.request;
      // Each failure by its source: the mail server refusing is not the database being down.
      const dependency = failedDependency(err);
      if (dependency) {
        dbLog.error(
          { method, route: route.id, dependency: dependency.dependency, cause: rootMessage(err) },
          "mail server unavailable",
        );
        throw page
          ? unavailablePage("Sightline could not send e-mail just now. Please try again in a few minutes.")
          : await withCorsDuringOutage(
              args.request,
              problems.unavailable("The mail server is unavailable; try again shortly."),
            );
      }
      if (!isDatabaseUnavailable(err)) throw err;
      dbLog.error(
        { method, route: route.id, cause: rootMessage(err) },
        `database unavailable during ${method} ${route.id}`,
      );
      // A widget on another origin can read the 503 (and retry) only with CORS headers.
      throw page ? unavailablePage() : await withCorsDuringOutage(args.request, problems.unavailable());
    }
  };
  return guarded as F; // same arguments; Remix awaits the result either way
}

const guardedBuilds = new WeakMap<ServerBuild, ServerBuild>();

/**
 * A database that goes away mid-request is "unavailable, retry shortly" (503), not a bug (500):
 * every route's loader and action is wrapped so that such an error (isDatabaseUnavailable)
 * becomes a thrown Response — problem+json for resource routes (the API), and for pages the
 * error boundary's "Sightline is briefly unavailable". Every other error passes through unchanged.
 */
export function answerDatabaseLossWith503(build: ServerBuild): ServerBuild {
  const cached = guardedBuilds.get(build);
  if (cached) return cached;
  const routes: ServerBuild["routes"] = {};
  const depthOf = (id: string | undefined): number => (id ? 1 + depthOf(build.routes[id]?.parentId) : -1);
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue;
    const m = route.module;
    const page = typeof m.default === "function";
    const info = { id, depth: depthOf(id) };
    routes[id] = {
      ...route,
      module: { ...m, loader: guard(m.loader, page, info), action: guard(m.action, page, info) },
    };
  }
  const guarded = { ...build, routes };
  guardedBuilds.set(build, guarded);
  return guarded;
}

/**
 * A path with an empty segment ("/api/v1/escalations//replies", an empty id) names nothing, and
 * Remix reads "//x" as a protocol-relative URL on host "x" (a 500 on actions). Answer 404 first.
 */
function refuseEmptyPathSegments(req: express.Request, res: express.Response, next: express.NextFunction): void {
  if (!req.path.includes("//")) return next();
  const body = {
    type: "about:blank",
    title: "Not found",
    status: 404,
    detail: "There is no resource at this address.",
  };
  res.status(404).type("application/problem+json").send(JSON.stringify(body));
}

/**
 * Everything under /api/v1 is in the OpenAPI document: a path it does not describe (a typo, an
 * id with a `..` segment resolved away) is a 404 problem, not the portal's HTML 404 page.
 * Preflights keep their own answer (corsPreflight).
 */
function refuseUnknownApiPaths(req: express.Request, res: express.Response, next: express.NextFunction): void {
  if (!req.path.startsWith("/api/v1/") || req.method === "OPTIONS" || documentedMethods(req.path)) return next();
  const r = problems.notFound(
    "There is no API endpoint at this address; the endpoints are listed in /api/v1/openapi.json.",
  );
  void r.text().then((body) => res.status(404).set(Object.fromEntries(r.headers)).send(body));
}
