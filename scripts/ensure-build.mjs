// `npm start` runs this first: build the portal when there is no build or sources are newer.
// The server bundle holds app/ and the db/ code it imports (migrations are read from db/migrations).
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const marker = "build/server/index.js";

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

const stale =
  !existsSync(marker) ||
  ["app", "db", "widgets/src"].some((d) => existsSync(d) && newest(d) > statSync(marker).mtimeMs);
if (stale) {
  console.log("[sightline] building the portal (first start or changed sources)...");
  execSync("npm run build", { stdio: "inherit" });
}
