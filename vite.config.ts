import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
import remixConfig from "./remix.config.js";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [tailwindcss(), remix(remixConfig)],
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  ssr: { external: ["@electric-sql/pglite", "pg", "better-auth", "date-holidays"] },
  // react-intl is pre-bundled up front: discovered on the first page load instead, Vite would
  // re-optimise and reload that page in dev.
  optimizeDeps: { exclude: ["@electric-sql/pglite"], include: ["react-intl"] },
  server: { hmr: { port: 24690 } },
});
