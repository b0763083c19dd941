// SIGTERM with many open event streams (issue 17), against the real server (`node server.mjs`)
// on the embedded database: 500 signed-in /api/v1/stream connections are open when the process
// receives SIGTERM. It exits within 10 s, having logged "stopped" (not the forced exit), and
// every stream was told to reconnect soon (`retry: 500` and "server restarting") before its
// connection ended — so EventSource clients resume elsewhere with Last-Event-ID. The same, with
// 20 streams, for the development server (`npm run dev`), which Vite used to end at once.
// HARDENING_DRAIN_STREAMS: how many streams (default 500).
import http from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "#db/client";
import { migrate } from "#db/migrate";
import { seedDemo } from "#db/seed/seed";
import { freePort, serverMode, startServer, type ServerProcess } from "../support/server-process";
import { signInCookie } from "./load-clients";

const STREAMS = Number(process.env.HARDENING_DRAIN_STREAMS ?? 500);

interface OpenStream {
  text: string;
  ended: boolean;
  req: http.ClientRequest;
}

function openStream(url: string, cookie: string): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const s: OpenStream = { text: "", ended: false, req: undefined as unknown as http.ClientRequest };
    s.req = http.get(url, { headers: { accept: "text/event-stream", cookie }, agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        s.text += chunk;
        if (s.text.includes(": connected")) resolve(s);
      });
      res.on("end", () => (s.ended = true));
      res.on("error", () => (s.ended = true));
    });
    s.req.on("error", (err) => {
      s.ended = true;
      reject(err);
    });
  });
}

/**
 * `dev`: `npm run dev`'s server (Vite dev middleware) instead of `npm start`'s production build.
 * Vite gives the dev server Remix's plugin starts a SIGTERM handler that exits the process at once;
 * the launcher takes it back (app/server/http/vite-dev.mjs), so development drains as production does.
 */
function drainsOnSigterm(name: string, opts: { dev: boolean; streams: number }): void {
  describe(name, () => {
    let dir = "";
    let server: ServerProcess;
    const streams: OpenStream[] = [];

    beforeAll(async () => {
      if (!opts.dev) {
        const mode = serverMode();
        if (mode.dev) throw new Error(`needs the production build: run \`npm run build\` (${mode.reason})`);
      }
      dir = await mkdtemp(path.join(tmpdir(), "sightline-drain-streams-"));
      const db = await openDb({ pgliteDir: dir });
      await migrate(db);
      await seedDemo(db, { ordersPerTenant: 2, progress: () => undefined });
      await db.close();
      server = await startServer({
        port: await freePort(),
        pgliteDir: dir,
        dev: opts.dev,
        env: { LOG_FORMAT: "json" },
        readyTimeoutMs: 180_000,
      });
    }, 300_000);

    afterAll(async () => {
      for (const s of streams) s.req.destroy();
      await server?.kill("SIGKILL");
      await rm(dir, { recursive: true, force: true });
    });

    it(`exits within 10 s of SIGTERM with ${opts.streams} streams open, telling every stream to reconnect`, async () => {
      const cookie = await signInCookie(server.url, "admin@acme.example");
      for (let opened = 0; opened < opts.streams; opened += 50)
        streams.push(
          ...(await Promise.all(
            Array.from({ length: Math.min(50, opts.streams - opened) }, () =>
              openStream(`${server.url}/api/v1/stream`, cookie),
            ),
          )),
        );
      expect(streams.filter((s) => !s.ended)).toHaveLength(opts.streams);

      const started = Date.now();
      process.kill(server.pid, "SIGTERM");
      while (!server.exited() && Date.now() - started < 15_000) await new Promise((r) => setTimeout(r, 20));
      const ms = Date.now() - started;
      // The last bytes reach the clients, and the process's last lines reach its pipe (after `exit`).
      const settle = Date.now();
      while (!server.log().includes('"msg":"stopped"') && Date.now() - settle < 3_000)
        await new Promise((r) => setTimeout(r, 50));
      console.log(`[drain-streams] ${name}: ${opts.streams} streams, exited ${ms} ms after SIGTERM`);

      expect(server.exited(), server.log().slice(-3000)).toBe(true);
      expect(ms).toBeLessThan(10_000);
      expect(server.log()).toContain('"msg":"stopped"');
      expect(server.log()).not.toContain("shutdown took longer");
      const notTold = streams.filter((s) => !(s.text.includes("retry: 500") && s.text.includes("server restarting")));
      expect(notTold).toHaveLength(0);
      expect(streams.filter((s) => !s.ended)).toHaveLength(0);
    });
  });
}

drainsOnSigterm("SIGTERM with many open event streams (embedded database, npm start)", {
  dev: false,
  streams: STREAMS,
});
drainsOnSigterm("SIGTERM with open event streams in development (npm run dev)", { dev: true, streams: 20 });
