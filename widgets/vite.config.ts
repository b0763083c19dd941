// The widget bundle: one self-contained ES module (Lit included) in public/widgets/, with the
// size budget enforced here: the build fails above 20 KB gzip and always prints the figure.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { transform } from "esbuild";
import { defineConfig, type Plugin } from "vite";
import { catalogueHashes, widgetCatalogues } from "./catalogues";

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, "../public/widgets");
export const BUDGET_GZIP_BYTES = 20 * 1024;

/** Vite keeps whitespace in ES library output; host pages get the fully minified module. */
function minifyEsModule(): Plugin {
  return {
    name: "sightline-minify-es",
    apply: "build",
    enforce: "post",
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk") continue;
        const r = await transform(chunk.code, { minify: true, format: "esm", target: "es2021", legalComments: "none" });
        chunk.code = r.code;
      }
    },
  };
}

/** The non-English catalogues beside the bundle (fetched on demand, hashes in the bundle). */
function catalogues(): Plugin {
  return {
    name: "sightline-widget-catalogues",
    apply: "build",
    generateBundle() {
      for (const c of widgetCatalogues()) this.emitFile({ type: "asset", fileName: c.fileName, source: c.source });
    },
  };
}

function sizeBudget(): Plugin {
  return {
    name: "sightline-size-budget",
    apply: "build",
    closeBundle() {
      const file = path.join(outDir, "sightline-widgets.js");
      const raw = readFileSync(file);
      const gz = gzipSync(raw, { level: 9 }).length;
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      console.log(
        `[widgets] sightline-widgets.js: ${kb(raw.length)} raw, ${kb(gz)} gzip (budget ${kb(BUDGET_GZIP_BYTES)})`,
      );
      if (gz > BUDGET_GZIP_BYTES)
        throw new Error(`[widgets] bundle is ${kb(gz)} gzip, over the ${kb(BUDGET_GZIP_BYTES)} budget`);
    },
  };
}

export default defineConfig({
  root: here,
  publicDir: false,
  logLevel: "warn",
  build: {
    outDir,
    emptyOutDir: false,
    target: "es2021",
    minify: "esbuild",
    sourcemap: false,
    lib: {
      entry: path.join(here, "src/index.ts"),
      formats: ["es"],
      fileName: () => "sightline-widgets.js",
    },
  },
  esbuild: { legalComments: "none" },
  define: { __SIGHTLINE_CATALOGUES__: JSON.stringify(catalogueHashes()) },
  plugins: [minifyEsModule(), catalogues(), sizeBudget()],
});
