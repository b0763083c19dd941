// How the portal's Vite dev servers are made, in plain JavaScript so the launcher (server.mjs,
// run by node without a transpiler) and the in-process portals (app.server.ts, createDevVite)
// share one copy.

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

/**
 * Makes a Vite dev server with `create` and takes back the SIGTERM handler Vite installs on the
 * way: Remix's plugin starts a child compiler (a dev server without middlewareMode), and Vite
 * gives every such server a handler that closes it and exits the process — which, registered
 * before the portal's own, ended the process ~0.2 s after SIGTERM, before in-flight requests
 * finished and streams were told to reconnect. The portal's shutdown closes Vite itself.
 * @template {import("vite").ViteDevServer} T
 * @param {() => Promise<T>} create
 * @returns {Promise<T>}
 */
export async function withoutViteExitOnSigterm(create) {
  const before = new Set(process.listeners("SIGTERM"));
  const server = await create();
  for (const listener of process.listeners("SIGTERM")) {
    if (!before.has(listener)) process.off("SIGTERM", listener);
  }
  return server;
}
