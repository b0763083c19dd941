// Custom-elements manifest from the widgets' JSDoc:
//   npx cem analyze --config widgets/custom-elements-manifest.config.mjs
export default {
  globs: ["widgets/src/components/**/*.component.ts", "widgets/src/core/element.ts"],
  exclude: ["**/*.test.ts"],
  outdir: "public/widgets",
  litelement: true,
  dev: false,
};
