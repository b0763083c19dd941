// Configuration: every variable is declared once (app/server/env.server.ts), validated with a
// message an operator can act on, and documented by the README table generated from it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { envTable } from "#app/server/env-table.server";
import { ConfigError, envSchema, parseEnv } from "#app/server/env.server";

const ROOT = path.resolve(import.meta.dirname, "../..");

function configError(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(source)}`);
}

describe("parseEnv", () => {
  it("gives every variable its documented default when nothing is set", () => {
    const e = parseEnv({});
    expect(e).toMatchObject({ PORT: 3000, PGLITE_DIR: ".data/pglite", SIGHTLINE_SEED: "demo", INTRANET_PORT: 3001 });
  });

  it("treats an empty value as unset", () => {
    const e = parseEnv({ PORT: "", DATABASE_URL: "" });
    expect(e.PORT).toBe(3000);
    expect(e.DATABASE_URL).toBeUndefined();
  });

  it("names each bad variable, what it expects and the value it got", () => {
    const message = configError({ PORT: "eighty", SIGHTLINE_SEED: "all", LOG_LEVEL: "loud" });
    expect(message).toContain('PORT: expected a port number (1-65535) for PORT (got "eighty")');
    expect(message).toContain('SIGHTLINE_SEED: expected one of: demo, none (got "all")');
    expect(message).toContain("LOG_LEVEL: expected one of: fatal, error, warn, info, debug, trace, silent");
  });

  it("never repeats the value of a secret or a URL (they can carry passwords)", () => {
    const message = configError({ SESSION_SECRET: "short-secret", DATABASE_URL: "not a url:pw@host" });
    expect(message).toContain("SESSION_SECRET: use at least 32 random characters");
    expect(message).toContain("DATABASE_URL: expected a URL");
    expect(message).not.toContain("short-secret");
    expect(message).not.toContain("pw@host");
  });
});

describe("documentation", () => {
  it("the README's configuration table is the one generated from the schema", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    expect(readme, "run `npx tsx scripts/env-table.ts` and paste it under README ## Configuration").toContain(
      envTable(),
    );
  });

  it("every variable the server reads is declared in the schema (so it is validated and documented)", () => {
    const read = new Set<string>();
    const scan = (file: string) => {
      const source = readFileSync(file, "utf8");
      for (const m of source.matchAll(/process\.env\.([A-Z_]+)|msFromEnv\("([A-Z_]+)"/g)) read.add(m[1] ?? m[2]!);
    };
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) scan(p);
      }
    };
    walk(path.join(ROOT, "app"));
    scan(path.join(ROOT, "server.mjs"));
    expect(read.size).toBeGreaterThan(5);
    const undeclared = [...read].filter((name) => !(name in envSchema.shape));
    expect(undeclared, "add these to envSchema in app/server/env.server.ts (and regenerate the README table)").toEqual(
      [],
    );
  });
});
