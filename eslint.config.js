// One linter for the repo (Prettier formats). Type-aware rules stay off to keep `npm run lint`
// fast; `npm run typecheck` covers types.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import jsxA11y from "eslint-plugin-jsx-a11y";
import lit from "eslint-plugin-lit";
import litA11y from "eslint-plugin-lit-a11y";
import globals from "globals";
import formatjs from "eslint-plugin-formatjs";

/**
 * formatjs/no-literal-string-in-jsx, minus text that is only punctuation, digits or symbols
 * ("·", "—", "99+"): those read the same in every locale.
 */
const literalText = formatjs.rules["no-literal-string-in-jsx"];
const textOnly = /^[\s\p{P}\p{S}\p{N}]*$/u;
const noLiteralText = {
  meta: literalText.meta,
  create(context) {
    const report = (descriptor) => {
      const n = descriptor.node;
      const text =
        n.type === "JSXText"
          ? n.value
          : n.type === "Literal"
            ? String(n.value)
            : n.type === "JSXAttribute" && n.value?.type === "Literal"
              ? String(n.value.value)
              : n.type === "TemplateLiteral"
                ? n.quasis.map((q) => q.value.cooked ?? "").join("")
                : null;
      if (text !== null && textOnly.test(text)) return;
      context.report(descriptor);
    };
    return literalText.create(Object.create(context, { report: { value: report } }));
  },
};

/** Only server modules, tests, benchmarks, scripts and db itself may reach the database layer. */
const dbImportBan = {
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        {
          regex: "^((\\.\\./)+db|#db)(/|$)",
          message: "Only app/server/**, tests/, bench/ and db/ import db/. Go through a *.server.ts service.",
        },
      ],
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/widgets/**",
      "widgets/dist/**",
      "widgets/releases/**",
      ".data/**",
      "db/drafts/**",
      "bench/results/**",
      "node_modules/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/server/**"],
    rules: dbImportBan,
  },
  {
    // Components, forms, hooks and the message layer run in the browser too: a value import from
    // a server module there fails only the production build (Remix refuses .server modules in
    // the client bundle), so say it here. Types are erased and fine.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/server/**", "app/routes/**", "app/root.tsx", "app/entry.server.tsx", "app/**/*.test.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^(\\.\\./)*(\\./)?server/|^#app/server/|\\.server$)",
              allowTypeImports: true,
              message: "Browser-side modules import only types from server modules (import type).",
            },
          ],
        },
      ],
    },
  },
  {
    // Services sit below the UI: what a service and a component both need lives in app/domain
    // (or app/i18n), never in app/components.
    files: ["app/server/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^((\\.\\./)+|#app/)components(/|$)",
              message: "app/server never imports app/components: move what both need into app/domain.",
            },
          ],
        },
      ],
    },
  },
  {
    // Server code logs through app/server/log.server.ts (levels, request ids, JSON in production).
    files: ["app/server/**/*.ts", "app/routes/**/*.{ts,tsx}", "app/entry.server.tsx"],
    ignores: ["app/**/*.test.{ts,tsx}"],
    rules: { "no-console": "error" },
  },
  {
    files: ["widgets/**/*.ts"],
    rules: {
      ...dbImportBan,
      "no-restricted-imports": "off",
      // Type-only imports from app/ are erased from the bundle: that is how widgets share the
      // domain's value lists (e.g. OrderStatus) without shipping or copying app code.
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^((\\.\\./)+db|#db)(/|$)", message: "Widgets never import db/." },
            {
              regex: "^((\\.\\./)+app|#app)/(?!i18n/(format|locales|fiscal|messages/))",
              allowTypeImports: true,
              message: "Widgets import only types from app/ (import type), and the shared i18n modules.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(((\\.\\./)+|#app/)(db|server|routes|components)|#db)(/|$)",
              message: "app/domain is pure: no I/O, no framework.",
            },
            {
              regex: "^(react|@remix-run/.*|drizzle-orm.*|pg|@electric-sql/.*)$",
              message: "app/domain is pure: no framework.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.flatConfigs.recommended.rules },
  },
  {
    // Every component's user-visible text comes from the message catalogue (app/i18n/messages).
    files: ["app/**/*.tsx"],
    plugins: { i18n: { rules: { "no-literal-text": noLiteralText } } },
    rules: {
      "i18n/no-literal-text": [
        "error",
        { props: { include: [["*", "{label,title,description,placeholder,alt,hint,emptyText}"]] } },
      ],
    },
  },
  {
    // Every e2e spec's answers are checked against the OpenAPI document by the fixture in
    // tests/e2e/fixtures.ts: its `test` and `expect`, never Playwright's own.
    files: ["tests/e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              importNames: ["test", "expect"],
              message: "Import test and expect from ./fixtures (it checks API answers against the document).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["widgets/**/*.ts"],
    plugins: { lit, "lit-a11y": litA11y },
    rules: { ...lit.configs.recommended.rules, ...litA11y.configs.recommended.rules },
  },
);
