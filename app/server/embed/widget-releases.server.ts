// Widget releases that intranets can pin (widgets/README.md, "Versions").
//
// Three kinds of file, one bundle name:
// - `widgets/releases/<version>/sightline-widgets.js`: every released version, committed and never
//   changed (`widgets/releases/releases.json` records each file's SRI hash; a test compares them).
//   Served at `/widgets/v<version>/…` with a year's immutable caching.
// - the current build (`public/widgets/`, version from `widgets/package.json`): served at its own
//   versioned URL until it is released — revalidated on every use, since a deploy may still change
//   it — and at the unversioned `/widgets/sightline-widgets.js` older snippets use.
// - `/widgets/v<major>/…`: the newest release of that major, cached five minutes, so a host page that
//   wants fixes without editing its snippet gets them the same day but no breaking change.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "#db/root";

export const WIDGET_FILE = "sightline-widgets.js";
const SEMVER = /^(0|[1-9]\d{0,3})\.(0|[1-9]\d{0,3})\.(0|[1-9]\d{0,3})$/;

export interface WidgetVersion {
  version: string;
  /** Absolute path of the bundle on disk. */
  file: string;
  /** `sha384-…` for the `integrity` attribute. */
  integrity: string;
  /** In widgets/releases/: frozen forever. False for the current build before its release. */
  released: boolean;
}

export interface ReleaseRecord {
  integrity: string;
  date: string;
}

export function isSemver(v: string): boolean {
  return SEMVER.test(v);
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

export function sriOf(bytes: Buffer): string {
  return `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
}

// The current build changes under a running dev server (`npm run build:widgets`): hash by mtime.
const hashes = new Map<string, { stamp: string; integrity: string }>();
function integrityOfFile(file: string): string | null {
  let stamp: string;
  try {
    const s = statSync(file);
    stamp = `${s.mtimeMs}:${s.size}`;
  } catch {
    return null;
  }
  const known = hashes.get(file);
  if (known?.stamp === stamp) return known.integrity;
  const integrity = sriOf(readFileSync(file));
  hashes.set(file, { stamp, integrity });
  return integrity;
}

export interface WidgetReleases {
  /** The source version (widgets/package.json) and its build, if built. */
  current: WidgetVersion | null;
  /** Released versions, oldest first. */
  released: WidgetVersion[];
  /** A versioned file by exact version, released first. */
  byVersion(version: string): WidgetVersion | null;
  /** The newest release of a major (the moving alias), else the current build of that major. */
  latestOfMajor(major: number): WidgetVersion | null;
  /** The version a new snippet should pin: the newest release, else the current build. */
  recommended(): WidgetVersion | null;
}

export function readReleaseIndex(root: string): Record<string, ReleaseRecord> {
  return JSON.parse(readFileSync(path.join(root, "widgets/releases/releases.json"), "utf8")) as Record<
    string,
    ReleaseRecord
  >;
}

export function sourceVersion(root: string): string {
  return (JSON.parse(readFileSync(path.join(root, "widgets/package.json"), "utf8")) as { version: string }).version;
}

export function widgetReleases(root: string = projectRoot(), buildDir = path.join(root, "public/widgets")) {
  const index = readReleaseIndex(root);
  const released: WidgetVersion[] = Object.keys(index)
    .filter(isSemver)
    .sort(compareVersions)
    .map((version) => ({
      version,
      file: path.join(root, "widgets/releases", version, WIDGET_FILE),
      // Recorded, not recomputed: the release test proves the file still matches it.
      integrity: index[version].integrity,
      released: true,
    }));
  const version = sourceVersion(root);
  const currentFile = path.join(buildDir, WIDGET_FILE);
  const current = (): WidgetVersion | null => {
    const integrity = integrityOfFile(currentFile);
    return integrity ? { version, file: currentFile, integrity, released: false } : null;
  };
  const releases: WidgetReleases = {
    get current() {
      return current();
    },
    released,
    byVersion(v) {
      return released.find((r) => r.version === v) ?? (v === version ? current() : null);
    },
    latestOfMajor(major) {
      const ofMajor = released.filter((r) => Number(r.version.split(".")[0]) === major);
      if (ofMajor.length) return ofMajor[ofMajor.length - 1];
      return Number(version.split(".")[0]) === major ? current() : null;
    },
    recommended() {
      return released.length ? released[released.length - 1] : current();
    },
  };
  return releases;
}

/** The host-page snippet for a pinned version: SRI needs `crossorigin` on a cross-origin script. */
export function pinnedScriptTag(portal: string, v: Pick<WidgetVersion, "version" | "integrity">): string {
  return `<script type="module" src="${portal}/widgets/v${v.version}/${WIDGET_FILE}" integrity="${v.integrity}" crossorigin="anonymous"></script>`;
}
