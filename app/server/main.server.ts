// Process entry: migrate, seed an empty database, start background services, serve Remix.
// Run with tsx (`npm start`, `npm run dev`). Keep this file to wiring; behaviour lives in services.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { startBackgroundServices } from "./background.server";
import { getDb } from "./db.server";
import { ensureDemoData } from "./demo.server";
import { env } from "./env.server";
import { refuseCrossOriginForms } from "./http/csrf.server";
import { securityHeaders } from "./http/security-headers.server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dev = process.argv.includes("--dev");

async function main(): Promise<void> {
  const e = env();
  const started = Date.now();
  const handle = await getDb();
  console.log(`[sightline] database ready (${handle.kind}${handle.kind === "pglite" ? ` at ${e.PGLITE_DIR}` : ""})`);
  await ensureDemoData(handle);

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false); // the client IP comes only from TRUSTED_PROXY_HEADER
  app.use(
    compression({
      // Server-Sent Events must not be buffered by the compressor.
      filter: (req, res) =>
        !String(res.getHeader("Content-Type") ?? "").includes("text/event-stream") && compression.filter(req, res),
    }),
  );
  app.use(securityHeaders(dev));
  app.use((req, _res, next) => {
    // The socket address, for rate limits and audit; a client-sent header of this name is replaced.
    req.headers["x-sightline-remote-addr"] = req.socket.remoteAddress ?? "unknown";
    next();
  });
  app.use(refuseCrossOriginForms);
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", database: handle.kind, uptimeSeconds: Math.round(process.uptime()) });
  });

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (dev) {
    const vite = await import("vite");
    const server = await vite.createServer({ root, server: { middlewareMode: true } });
    app.use(server.middlewares);
    build = () => server.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    const clientDir = path.join(root, "build/client");
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(clientDir, { maxAge: "1h" }));
    build = (await import(pathToFileURL(path.join(root, "build/server/index.js")).href)) as ServerBuild;
  }
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: dev ? "development" : "production",
      getLoadContext: (_req, res) => ({ cspNonce: String(res.locals.cspNonce ?? "") }),
    }),
  );

  const server = app.listen(e.PORT, () => {
    const url = `http://localhost:${e.PORT}`;
    console.log(`[sightline] portal ready at ${url} (${Date.now() - started} ms)`);
    console.log(`[sightline] demo logins (password "sightline-demo") are listed in README.md`);
  });
  const stopBackground = await startBackgroundServices(handle);

  const shutdown = async (signal: string) => {
    console.log(`[sightline] ${signal}: shutting down`);
    server.close();
    server.closeAllConnections();
    await stopBackground();
    await handle.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error("[sightline] failed to start:", err);
  process.exit(1);
});
