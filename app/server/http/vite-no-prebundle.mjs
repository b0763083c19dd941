// Plain JavaScript so the launcher (server.mjs, run by node without a transpiler) and the
// in-process portals (app.server.ts, createDevVite) share one copy.

/**
 * SIGHTLINE_DEV_PREBUNDLE=off (the Vitest configs set it): a plugin that turns off Vite's
 * pre-bundling of browser dependencies, for servers that no browser opens (the test suites start
 * many at once): each would otherwise re-bundle into the one shared node_modules/.vite/deps on a
 * fresh clone, and one start's clean-up fails another's (ENOTEMPTY). It runs after Remix's
 * plugin, because inline `optimizeDeps.include` is concatenated, not replaced. Otherwise none.
 * @returns {import("vite").Plugin[]}
 */
export function devPrebundlePlugins() {
  if (process.env.SIGHTLINE_DEV_PREBUNDLE !== "off") return [];
  return [
    {
      name: "sightline:no-prebundle",
      enforce: "post",
      config(config) {
        config.optimizeDeps = { ...config.optimizeDeps, noDiscovery: true, include: [] };
      },
    },
  ];
}
