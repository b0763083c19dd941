// The one logger: JSON lines in production (for a log shipper), readable lines in development.
// Every module takes a child (`logger("orders")`); HTTP requests get one access line each
// (requestLogging), and the request's id and tenant follow the work through an
// AsyncLocalStorage so problem+json bodies and log lines can name them without threading args.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { pino, type DestinationStream, type Logger } from "pino";
import type { Logger as ViteLogger } from "vite";

interface RequestContext {
  requestId: string;
  /** Remix route id of the deepest route that ran a loader or the action (`routes/api.v1.orders`). */
  route?: string;
  routeDepth: number;
  tenantId?: string;
  /** The caller's Accept-Language, and the signed-in user's resolved locale once known: server
   * texts answered without a page (problem titles) speak it. */
  acceptLanguage?: string;
  locale?: string;
  /** Time spent waiting on the database for this request (ms), summed over its round trips. */
  dbMs: number;
  /** How many round trips to the database the request made (an N+1 shows here first). */
  dbCalls: number;
  /** True once the response's head is sent: loaders are done, streaming (SSE, render) goes on. */
  responseStarted: () => boolean;
  /** GET and HEAD only read; another method's action may change what the loaders after it see. */
  readOnly: boolean;
  /** Answers shared by the loaders of one request (sharedWhileLoading). */
  shared?: Map<string, Promise<unknown>>;
}

// One store per process, not per module instance: the Remix build (Vite in development, the
// built bundle in production) loads its own copy of this module beside the entry's copy.
const requestContext: AsyncLocalStorage<RequestContext> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for("sightline.requestContext")
] ??= new AsyncLocalStorage<RequestContext>()) as AsyncLocalStorage<RequestContext>;

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
type Level = (typeof LEVELS)[number];

/**
 * Read straight from process.env (not env.server.ts): the logger must exist before the
 * configuration is validated, so that a bad configuration can itself be logged.
 */
function settings(): { level: Level; pretty: boolean } {
  const raw = process.env.LOG_LEVEL?.toLowerCase();
  const nodeEnv = process.env.NODE_ENV;
  const level: Level = LEVELS.includes(raw as Level)
    ? (raw as Level)
    : nodeEnv === "test"
      ? "warn" // test runs stay quiet unless a test asks for more
      : "info";
  const format = process.env.LOG_FORMAT?.toLowerCase();
  const pretty = format ? format === "pretty" : nodeEnv !== "production";
  return { level, pretty };
}

/** pino-pretty is a devDependency: a production install without it still logs (as JSON). */
function prettyStream(): DestinationStream | undefined {
  try {
    const require = createRequire(import.meta.url);
    const pretty = require("pino-pretty") as (opts: Record<string, unknown>) => DestinationStream;
    // sync: lines appear in order with other output and are not lost on process.exit.
    return pretty({
      sync: true,
      singleLine: true,
      colorize: process.stdout.isTTY,
      ignore: "pid,hostname",
      translateTime: "HH:MM:ss.l",
    });
  } catch {
    return undefined;
  }
}

function createRoot(): Logger {
  const { level, pretty } = settings();
  const options = {
    level,
    base: { pid: process.pid },
    // Lines written while serving a request carry its id, so one grep finds all of them.
    // (The access logger binds it itself; a second key would be a duplicate in the JSON line.)
    mixin: (_merge: object, _level: number, self: Logger) => {
      const id = requestContext.getStore()?.requestId;
      return id && !("reqId" in self.bindings()) ? { reqId: id } : {};
    },
    // Belt and braces: no code logs these, but an error object or a careless child binding might.
    redact: {
      paths: ["authorization", "cookie", "password", "secret", "token", "*.authorization", "*.cookie", "*.token"],
      censor: "[redacted]",
    },
  };
  const stream = pretty ? prettyStream() : undefined;
  return stream ? pino(options, stream) : pino(options);
}

export const rootLogger: Logger = ((globalThis as Record<symbol, unknown>)[Symbol.for("sightline.rootLogger")] ??=
  createRoot()) as Logger;

/** A child logger naming the part of the system that writes (`module` field). */
export function logger(module: string): Logger {
  return rootLogger.child({ module });
}

// ---------------------------------------------------------------------------------------------
// Per-request context

/** The id of the request being served, if any (background work has none). */
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

/** Records the signed-in caller's locale (their preference, the account's default, ...). */
export function noteRequestLocale(locale: string): void {
  const store = requestContext.getStore();
  if (store) store.locale = locale;
}

/** What the current request says about its language: the caller's locale if known, Accept-Language. */
export function requestLanguage(): { locale?: string; acceptLanguage?: string } {
  const store = requestContext.getStore();
  return { locale: store?.locale, acceptLanguage: store?.acceptLanguage };
}

/** Records which tenant the current request works for (called where tenant data is reached). */
export function noteTenant(tenantId: string | null | undefined): void {
  const store = requestContext.getStore();
  if (store && tenantId) store.tenantId = tenantId;
}

/** Adds one database round trip's time to the current request (background work has none). */
export function noteDbTime(ms: number): void {
  const store = requestContext.getStore();
  if (store) {
    store.dbMs += ms;
    store.dbCalls++;
  }
}

/**
 * One answer per request for what every loader of a page asks again (the root's, the layout's
 * and the route's guards resolve the same session): computed once while a GET's response has
 * not started, afresh afterwards, so an open event stream's heartbeat re-checks for real. An
 * action (POST, ...) and work outside a request (jobs, tests calling services) always compute,
 * as does anything after a failure.
 */
export function sharedWhileLoading<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const store = requestContext.getStore();
  if (!store || !store.readOnly || store.responseStarted()) return compute();
  const shared = (store.shared ??= new Map());
  const known = shared.get(key) as Promise<T> | undefined;
  if (known) return known;
  const answer = compute();
  shared.set(key, answer);
  answer.catch(() => shared.delete(key));
  return answer;
}

/**
 * Forgets the answers the request's loaders shared (sharedWhileLoading): for a response that
 * streams for a long time (an event stream) once it has started, so an open stream does not hold
 * its session and account lookups for its whole life.
 */
export function forgetLoaderAnswers(): void {
  const store = requestContext.getStore();
  if (store) store.shared = undefined;
}

/** Records a Remix route that ran for this request; the deepest one names the request in the log. */
export function noteRoute(routeId: string, depth: number): void {
  const store = requestContext.getStore();
  if (store && depth >= store.routeDepth) {
    store.route = routeId;
    store.routeDepth = depth;
  }
}

/** Taken from the client or a proxy only when it is an id, not arbitrary text for our logs. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && ACCEPTABLE_ID.test(value) ? value : randomUUID();
}

const contexts = new WeakMap<IncomingMessage, RequestContext>();

/** Routes served by Express itself (not Remix), named for the access log. */
function expressRoute(req: IncomingMessage): string {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (path.startsWith("/widgets/")) return "static:widgets";
  if (path.startsWith("/assets/")) return "static:assets";
  if (path === "/healthz" || path.startsWith("/healthz/")) return "healthz";
  return "static";
}

/**
 * Express middleware: request id (from `x-request-id` or new, echoed in the response header),
 * the request context for everything downstream, and one access line when the response ends:
 * method, route id, status, duration, tenant id, request id. Never the URL's query, headers,
 * cookies or bodies — tokens travel in those (and in invitation paths, hence route ids, not paths).
 *
 * Written here rather than with pino-http, which gave every request two child loggers (one bound
 * to the serialized request, headers and cookies included, that nothing logged with): held for
 * as long as the connection, several KB per open event stream (issue 17).
 */
export function requestLogging(): (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void) => void {
  const access = logger("http");
  return (req, res, next) => {
    const started = Date.now();
    const id = requestIdFrom(req.headers["x-request-id"]);
    res.setHeader("X-Request-Id", id);
    const language = req.headers["accept-language"];
    const ctx: RequestContext = {
      requestId: id,
      routeDepth: -1,
      dbMs: 0,
      dbCalls: 0,
      responseStarted: () => res.headersSent,
      readOnly: req.method === "GET" || req.method === "HEAD",
      acceptLanguage: Array.isArray(language) ? language[0] : language,
    };
    contexts.set(req, ctx);
    const ended = (err?: unknown) => {
      res.off("finish", ended);
      res.off("close", ended);
      res.off("error", ended);
      const line = { reqId: id, ...accessLine(req, res, { responseTime: Date.now() - started }) };
      const message = `${req.method} ${routeOf(req)} ${res.statusCode}`;
      if (err || res.statusCode >= 500) {
        const error = err instanceof Error ? err : new Error(`failed with status code ${res.statusCode}`);
        access.error({ ...line, err: pino.stdSerializers.err(error) }, message);
      } else access.info(line, message);
    };
    res.on("finish", ended);
    res.on("close", ended);
    res.on("error", ended);
    if (next) requestContext.run(ctx, next);
  };
}

function routeOf(req: IncomingMessage): string {
  return contexts.get(req)?.route ?? expressRoute(req);
}

function accessLine(req: IncomingMessage, res: ServerResponse, loggable: { responseTime?: number }) {
  const ctx = contexts.get(req);
  return {
    method: req.method,
    route: routeOf(req),
    status: res.statusCode,
    durationMs: loggable.responseTime,
    // How much of durationMs was spent waiting on the database (the rest: our code and I/O).
    dbMs: ctx ? Math.round(ctx.dbMs * 10) / 10 : undefined,
    dbCalls: ctx?.dbCalls,
    tenantId: ctx?.tenantId,
  };
}

// ---------------------------------------------------------------------------------------------
// Background work

/**
 * Runs one pass of a background job and logs it with its duration and what it reports (an object
 * of counts): `info` when a count is above zero, `debug` for an idle pass (periodic jobs tick
 * every few seconds), `error` with the cause when it fails. Failures are logged, not thrown:
 * a periodic job tries again on its next tick.
 */
export async function logJobRun<T extends object | void>(
  log: Logger,
  job: string,
  fn: () => Promise<T>,
): Promise<T | undefined> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const result = await fn();
    const counts = Object.fromEntries(
      Object.entries(result ?? {}).filter((e): e is [string, number] => typeof e[1] === "number"),
    );
    const busy = Object.values(counts).some((n) => n > 0);
    log[busy ? "info" : "debug"]({ job, durationMs: elapsed(), ...counts }, `${job} done`);
    return result;
  } catch (err) {
    log.error({ job, durationMs: elapsed(), err }, `${job} failed`);
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Vite (development middleware) writes through the same logger, so dev output stays one format.

export function viteLogger(): ViteLogger {
  const log = logger("vite");
  const warned = new Set<string>();
  const vite: ViteLogger = {
    hasWarned: false,
    info: (msg) => log.info(msg),
    warn: (msg) => {
      vite.hasWarned = true;
      log.warn(msg);
    },
    warnOnce: (msg) => {
      if (warned.has(msg)) return;
      warned.add(msg);
      vite.warn(msg);
    },
    error: (msg, opts) => log.error({ err: opts?.error }, msg),
    clearScreen: () => undefined,
    hasErrorLogged: () => false,
  };
  return vite;
}
