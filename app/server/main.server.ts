// One portal process (a cluster worker, or the only process): migrate, seed an empty database,
// serve, start background services, and shut down gracefully on SIGTERM.
//
// Not run directly: the launcher `server.mjs` calls runPortal() — in production through the
// built server bundle (`build.entry.module`, see app/entry.server.tsx), in development through
// Vite's SSR loader — so this module, the routes and every service share one module graph.
// Keep this file to wiring; behaviour lives in services.
import { once } from "node:events";
import type { Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import type { ViteDevServer } from "vite";
import { DEMO_EMBED_SECRET, demoIntranetOrigin } from "#db/seed/embed";
import { getAuth } from "./auth/better-auth.server";
import { sessionSecrets } from "./auth/session-secret.server";
import { startBackgroundServices } from "./background.server";
import { getDb } from "./db.server";
import { ensureDemoData } from "./demo.server";
import { startIntranetDemo } from "./embed/intranet.server";
import { env, portalOrigin } from "./env.server";
import { createPortalApp } from "./http/app.server";
import { startDraining } from "./http/drain.server";
import { logger } from "./log.server";

const log = logger("sightline");

export interface RunPortalOptions {
  dev: boolean;
  /** Production: the server build that holds this very module. */
  build?: ServerBuild;
  /** Development: the launcher's Vite server (its SSR graph holds the routes and this module). */
  vite?: ViteDevServer;
}

/** In-flight requests get this long after SIGTERM; the whole shutdown stays under 10 s. */
const DRAIN_MS = 7_000;
const FORCED_EXIT_MS = 9_500;

export async function runPortal(opts: RunPortalOptions): Promise<void> {
  const e = env();
  // Before anything else: a deployment without SESSION_SECRET stops here with a clear message.
  const secrets = sessionSecrets();
  log.info(
    secrets.source === "env"
      ? `signing with SESSION_SECRET${secrets.previous.length ? ` (+${secrets.previous.length} previous, verify only)` : ""}`
      : `signing with the generated secret in ${secrets.file}`,
  );
  const started = Date.now();
  const handle = await getDb();
  log.info(`database ready (${handle.kind}${handle.kind === "pglite" ? ` at ${e.PGLITE_DIR}` : ""})`);
  await ensureDemoData(handle);
  const portal = await createPortalApp(handle, opts);
  const server = portal.app.listen(e.PORT, () => {
    log.info({ durationMs: Date.now() - started }, `portal ready at http://localhost:${e.PORT}`);
    log.info("demo logins are listed in README.md");
  });
  // Background services (and their first rounds of work) start once the port is open, so a
  // restarted process answers /healthz without waiting for them.
  await once(server, "listening");
  const stopBackground = await startBackgroundServices(handle);
  // The sign-in library is loaded on first use (better-auth.server.ts); load it now that the
  // process serves, so the first signed-in request after a restart does not pay for it.
  setImmediate(() => void getAuth().catch((err: unknown) => log.error({ err }, "loading the sign-in library failed")));
  // The sample customer intranet on another origin (README, widgets/README.md); 0 turns it off.
  const intranetOrigin = demoIntranetOrigin(e.INTRANET_PORT);
  const intranet = e.INTRANET_PORT
    ? startIntranetDemo({
        port: e.INTRANET_PORT,
        portalUrl: portalOrigin(),
        portalInternalUrl: `http://127.0.0.1:${e.PORT}`,
        origin: intranetOrigin,
        secret: DEMO_EMBED_SECRET,
      }).once("listening", () => log.info(`demo intranet (widgets) at ${intranetOrigin}`))
    : null;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: draining`);
    setTimeout(() => {
      log.error(`shutdown took longer than ${FORCED_EXIT_MS} ms: exiting`);
      process.exit(1);
    }, FORCED_EXIT_MS).unref();
    // Stop accepting; readiness turns 503; SSE clients are told to reconnect (and resume).
    startDraining();
    const closed = closeServer(server, DRAIN_MS);
    intranet?.close();
    // Background work stops between steps and gives its job leases back for another process.
    await stopBackground();
    await closed;
    await opts.vite?.close();
    await portal.close();
    await handle.close();
    log.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

/**
 * Stops accepting connections and lets in-flight requests finish: idle keep-alive connections
 * are closed now and again while draining (a busy one becomes idle after its response, which
 * carries `Connection: close`); whatever is still open after `graceMs` is cut.
 */
function closeServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}
