// The server secret that signs session cookies, the staff account cookie and embed tokens.
// Never a constant from the repository: anyone who had read it could mint widget tokens.
//   - SESSION_SECRET set: that one (required with DATABASE_URL or PUBLIC_URL: a deployment).
//   - unset (the no-configuration `npm start`): 32 random bytes made on first start and kept
//     beside the embedded database (file mode 0600), so restarts keep everyone signed in.
//   - SESSION_SECRET_PREVIOUS: earlier secrets, accepted to *verify* only, so rotating the
//     secret does not sign everyone out at once (docs/security.md, "Rotating the secret").
import { randomBytes } from "node:crypto";
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "../env.server";

export const MIN_SECRET_LENGTH = 32;

export interface SecretSettings {
  SESSION_SECRET?: string;
  /** Comma- or whitespace-separated earlier secrets, newest first. */
  SESSION_SECRET_PREVIOUS?: string;
  DATABASE_URL?: string;
  PUBLIC_URL?: string;
  PGLITE_DIR: string;
}

export interface SessionSecrets {
  /** Signs everything new. */
  current: string;
  /** Verify only, newest first. */
  previous: string[];
  /** Where `current` came from: the environment, or the file beside the embedded database. */
  source: "env" | "file";
  file?: string;
}

/** `.data/pglite` keeps its secret in `.data/pglite.session-secret`. */
export function secretFileFor(pgliteDir: string): string {
  const dir = path.resolve(pgliteDir);
  return path.join(path.dirname(dir), `${path.basename(dir)}.session-secret`);
}

function previousSecrets(list: string | undefined): string[] {
  const out = (list ?? "").split(/[\s,]+/).filter(Boolean);
  for (const s of out)
    if (s.length < MIN_SECRET_LENGTH)
      throw new Error(`SESSION_SECRET_PREVIOUS: every secret needs ${MIN_SECRET_LENGTH}+ characters.`);
  return out;
}

/**
 * Reads the kept secret, or makes it. Several processes may start at once (cluster workers,
 * test forks): each writes its own temporary file and hard-links it into place, which fails for
 * all but the first, and everyone then reads the winner.
 */
function readOrCreate(file: string): string {
  try {
    const stat = statSync(file);
    if ((stat.mode & 0o077) !== 0) chmodSync(file, 0o600); // readable by the owner only
    const kept = readFileSync(file, "utf8").trim();
    if (kept.length < MIN_SECRET_LENGTH)
      throw new Error(`${file} does not hold a usable secret: delete it to make a new one (signs everyone out).`);
    return kept;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(tmp, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  try {
    linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  } finally {
    unlinkSync(tmp);
  }
  return readOrCreate(file);
}

/** Decides the secrets from settings; throws a message an operator can act on. */
export function resolveSessionSecrets(settings: SecretSettings): SessionSecrets {
  const previous = previousSecrets(settings.SESSION_SECRET_PREVIOUS);
  if (settings.SESSION_SECRET) return { current: settings.SESSION_SECRET, previous, source: "env" };
  if (settings.DATABASE_URL || settings.PUBLIC_URL) {
    throw new Error(
      `SESSION_SECRET (${MIN_SECRET_LENGTH}+ random characters, e.g. \`openssl rand -base64 32\`) is required when ${
        settings.DATABASE_URL ? "DATABASE_URL" : "PUBLIC_URL"
      } is set: every process of a deployment must sign with the same secret.`,
    );
  }
  const file = secretFileFor(settings.PGLITE_DIR);
  return { current: readOrCreate(file), previous, source: "file", file };
}

let cached: SessionSecrets | undefined;

/** This process's secrets (decided once; main.server.ts calls it at boot so a bad setting stops the start). */
export function sessionSecrets(): SessionSecrets {
  cached ??= resolveSessionSecrets(env());
  return cached;
}

/** The secret that signs. */
export function sessionSecret(): string {
  return sessionSecrets().current;
}

/** Every secret a signature may have been made with: the current one first. */
export function verificationSecrets(): string[] {
  const s = sessionSecrets();
  return [s.current, ...s.previous.filter((p) => p !== s.current)];
}
