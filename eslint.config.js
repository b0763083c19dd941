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
 * Files whose user-visible text all comes from the message catalogue (app/i18n/messages). Add a
 * file here once its strings are converted; the list widens until it covers app/**.
 */
const CATALOGUE_ONLY = [
  "app/root.tsx",
  "app/components/app-header.tsx",
  "app/components/feed-health.tsx",
  "app/components/error-boundary.tsx",
  "app/routes/profile.tsx",
  "app/routes/escalations.new.tsx",
  "app/routes/escalations.$id.tsx",
  "app/routes/staff.queue.$id.tsx",
  "app/components/escalations/shared.tsx",
  "app/components/escalations/detail.tsx",
  "app/components/escalations/history.tsx",
  "app/components/escalations/customer-detail-page.tsx",
  "app/components/escalations/staff-detail-page.tsx",
  "app/components/escalations/new-page.tsx",
  "app/routes/settings.audit.tsx",
  "app/routes/staff.admin.audit.tsx",
  "app/components/audit-filters.tsx",
  "app/routes/settings._index.tsx",
  "app/routes/settings.embed.tsx",
  "app/routes/notifications.tsx",
  "app/routes/settings.calendar.tsx",
  "app/components/calendar/settings-form.tsx",
  "app/routes/staff.accounts.tsx",
  "app/routes/staff.admin._index.tsx",
  "app/components/admin/platform-admin-page.tsx",
  "app/components/admin/accounts.tsx",
  "app/components/admin/users.tsx",
  "app/components/admin/staff-assignments.tsx",
  "app/routes/staff.queue._index.tsx",
  "app/components/staff/queue-page.tsx",
  "app/routes/staff.workload.tsx",
  "app/components/staff/workload-page.tsx",
  "app/components/staff/workload-figures.tsx",
  "app/routes/staff.queue.targets.tsx",
  "app/components/staff/escalation-targets-page.tsx",
  "app/routes/staff.admin.targets.tsx",
  "app/components/admin/sla-targets-page.tsx",
  "app/components/admin/targets-form.tsx",
  "app/components/result-alert.tsx",
  "app/routes/staff.admin.ingest-keys.tsx",
  "app/components/admin/ingest-keys-page.tsx",
  "app/routes/protocol.tsx",
  "app/components/joint/protocol-page.tsx",
  "app/components/joint/protocol-panel.tsx",
  "app/routes/staff.satisfaction.tsx",
  "app/routes/staff.recurring.tsx",
  "app/routes/staff.performance-alerts.tsx",
  "app/components/joint/performance-alerts-page.tsx",
  "app/components/joint/recovery-plans.tsx",
  "app/components/joint/ratings-report.tsx",
  "app/components/joint/recurring-report.tsx",
  "app/components/joint/recurring-drill-note.tsx",
  "app/components/joint/satisfaction-by-period.tsx",
  "app/components/joint/rating-card.tsx",
  "app/components/joint/root-cause-card.tsx",
  "app/routes/review.tsx",
  "app/components/joint/quarterly-review-page.tsx",
  "app/components/sla/trend-chart.tsx",
  "app/components/sla/sla-page.tsx",
  "app/components/sla/miss-breakdown.tsx",
  "app/components/sla/scorecard-download.tsx",
  "app/components/orders/drill-banner.tsx",
  "app/components/calendar/calendar-view.tsx",
];

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
    files: CATALOGUE_ONLY,
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
