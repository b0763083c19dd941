// Fills widgets/dist/ for `npm pack` / `npm publish` in widgets/ (its prepack runs this after
// `npm run build:widgets`): the bundle and the custom-elements manifest from public/widgets/, and
// TypeScript declarations emitted from the sources (widgets/tsconfig.declarations.json). The type
// imports the widgets take from app/domain come along under dist/types/app/.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "widgets/dist");
const built = path.join(root, "public/widgets");

for (const f of ["sightline-widgets.js", "custom-elements.json"])
  if (!existsSync(path.join(built, f)))
    throw new Error(`public/widgets/${f} is missing: run npm run build:widgets first`);

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
// With the non-English catalogues, which the bundle fetches from beside itself.
const catalogues = readdirSync(built).filter((n) => /^sightline-widgets\.[a-z]{2}\.json$/.test(n));
for (const f of ["sightline-widgets.js", "custom-elements.json", ...catalogues])
  copyFileSync(path.join(built, f), path.join(dist, f));
execFileSync(
  process.execPath,
  [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "widgets/tsconfig.declarations.json"],
  {
    cwd: root,
    stdio: "inherit",
  },
);
writeFileSync(path.join(dist, "index.d.ts"), 'export * from "./types/widgets/src/index";\n');
console.log(`[widgets] package files in ${path.relative(root, dist)}/`);
