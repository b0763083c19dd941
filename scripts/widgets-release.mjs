// Releases the current widget build as the version in widgets/package.json:
//   npm run build:widgets && npm run widgets:release
// copies public/widgets/sightline-widgets.js (and its sightline-widgets.<locale>.json catalogues) to
// widgets/releases/<version>/ and records the bundle's SRI hash
// in widgets/releases/releases.json. A released file is never changed again (a test compares it
// with the recorded hash), so bump widgets/package.json to the next version in the same commit
// (tests/unit/widget-releases.test.ts refuses a source version that is already released) and move
// the CHANGELOG's "Unreleased" notes under the new version's heading.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { version } = JSON.parse(readFileSync(path.join(root, "widgets/package.json"), "utf8"));
const indexFile = path.join(root, "widgets/releases/releases.json");
const index = JSON.parse(readFileSync(indexFile, "utf8"));
if (index[version]) throw new Error(`widgets ${version} is already released: bump widgets/package.json first`);
const built = path.join(root, "public/widgets/sightline-widgets.js");
if (!existsSync(built)) throw new Error("public/widgets/sightline-widgets.js is missing: run npm run build:widgets");

const dir = path.join(root, "widgets/releases", version);
mkdirSync(dir, { recursive: true });
copyFileSync(built, path.join(dir, "sightline-widgets.js"));
// The non-English catalogues the bundle fetches from beside itself (it carries their hashes).
for (const f of readdirSync(path.dirname(built)).filter((n) => /^sightline-widgets\.[a-z]{2}\.json$/.test(n)))
  copyFileSync(path.join(path.dirname(built), f), path.join(dir, f));
const integrity = `sha384-${createHash("sha384").update(readFileSync(built)).digest("base64")}`;
index[version] = { integrity, date: new Date().toISOString().slice(0, 10) };
writeFileSync(indexFile, JSON.stringify(index, null, 2) + "\n");
console.log(`[widgets] released ${version} (${integrity})`);
