// The project root, found by walking up from a module's own location to the directory that holds
// package.json: `db/` when run from source, `build/server/` (or a chunk below it) when run from the
// production bundle. Files read at run time (migrations, public/, build/) are resolved from here.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export function projectRoot(fromUrl: string = import.meta.url): string {
  let dir = path.dirname(fileURLToPath(fromUrl));
  for (;;) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(fromUrl)}`);
    dir = parent;
  }
}
