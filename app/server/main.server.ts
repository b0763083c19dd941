// Process entry: migrate, seed an empty database, start background services, serve.
// Run with tsx (`npm start`, `npm run dev`). Keep this file to wiring; behaviour lives in services.
import { DEMO_EMBED_SECRET, demoIntranetOrigin } from "../../db/seed/embed";
import { startBackgroundServices } from "./background.server";
import { getDb } from "./db.server";
import { ensureDemoData } from "./demo.server";
import { startIntranetDemo } from "./embed/intranet.server";
import { env, portalOrigin } from "./env.server";
import { createPortalApp } from "./http/app.server";
import { logger } from "./log.server";

const log = logger("sightline");

const dev = process.argv.includes("--dev");

async function main(): Promise<void> {
  const e = env();
  const started = Date.now();
  const handle = await getDb();
  log.info(`database ready (${handle.kind}${handle.kind === "pglite" ? ` at ${e.PGLITE_DIR}` : ""})`);
  await ensureDemoData(handle);
  const portal = await createPortalApp(handle, { dev });
  const server = portal.app.listen(e.PORT, () => {
    log.info({ durationMs: Date.now() - started }, `portal ready at http://localhost:${e.PORT}`);
    log.info("demo logins are listed in README.md");
  });
  const stopBackground = await startBackgroundServices(handle);
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

  const shutdown = async (signal: string) => {
    log.info(`${signal}: shutting down`);
    server.close();
    server.closeAllConnections();
    intranet?.close();
    await stopBackground();
    await portal.close();
    await handle.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  log.fatal({ err }, "failed to start");
  process.exit(1);
});
