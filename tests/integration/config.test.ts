// `.env` loading and boot-time validation, against the real server launcher (server.mjs).
// Same on every database: the launcher on its embedded database (PGLITE_DIR), whatever the run. npm run test:pg leaves it out (vitest.config.ts).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, ROOT, serverMode } from "../support/server-process";

const WORK_DIR = path.join(ROOT, ".data", `config-${randomBytes(3).toString("hex")}`);

afterAll(() => rm(WORK_DIR, { recursive: true, force: true }));

/** Starts the entry with only an env file for its settings; resolves with what it wrote once `until` holds or it exits. */
async function boot(envFile: string, until: (output: string) => Promise<boolean> | boolean) {
  await mkdir(WORK_DIR, { recursive: true });
  const file = path.join(WORK_DIR, `${randomBytes(3).toString("hex")}.env`);
  await writeFile(file, envFile);
  // Nothing of the runner's own configuration: what the server gets must come from the file.
  const inherited = Object.entries(process.env).filter(
    ([k]) => !k.startsWith("VITEST") && !["NODE_ENV", "PORT", "DATABASE_URL", "PGLITE_DIR", "LOG_FORMAT"].includes(k),
  );
  const args = ["server.mjs", ...(serverMode().dev ? ["--dev"] : [])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    // No browser opens it: Vite's deps pre-bundling off, as tests/support/server-process.ts says why.
    env: {
      ...Object.fromEntries(inherited),
      NODE_ENV: "development",
      SIGHTLINE_ENV_FILE: file,
      SIGHTLINE_DEV_PREBUNDLE: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const state: { code?: number | null } = {};
  void exited.then((c) => (state.code = c));
  const deadline = Date.now() + 90_000;
  while (state.code === undefined && !(await until(output)) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 200));
  if (state.code === undefined) child.kill("SIGKILL");
  return { output, code: state.code ?? (await exited, null) };
}

describe(".env", () => {
  it("is loaded at start: the server listens on the port the file names", async () => {
    const port = await freePort();
    let answered = false;
    const { output } = await boot(
      [
        `PORT=${port}`,
        "INTRANET_PORT=0",
        "SIGHTLINE_SEED=none",
        "SIGHTLINE_SIMULATE=off",
        `PGLITE_DIR=${path.join(WORK_DIR, "db")}`,
        "LOG_FORMAT=json",
      ].join("\n"),
      async () => {
        answered = await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
        return answered;
      },
    );
    expect(answered, output).toBe(true);
    expect(output).toContain(`portal ready at http://localhost:${port}`);
  }, 120_000);

  it("a bad value in it stops the start with a message naming the variable, and no stack trace", async () => {
    const { output, code } = await boot("PORT=eighty\nSIGHTLINE_SEED=all\nLOG_FORMAT=json\n", () => false);
    expect(code).toBe(1);
    expect(output).toContain('PORT: expected a port number (1-65535) for PORT (got \\"eighty\\")');
    expect(output).toContain("SIGHTLINE_SEED: expected one of: demo, none");
    expect(output).not.toMatch(/at .*\.ts:\d+/);
  }, 120_000);
});
