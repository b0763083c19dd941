// axe-core in Chromium on every portal page, for every role that can see it, and on the four
// widgets of the demo intranet: 0 serious or critical violations. Pages include detail pages with
// real ids, forms showing their validation errors, empty states, error pages (403, 404) and the
// signed-out pages. PAGES is keyed by route file, and the first test fails when a route module
// with a UI (a default export) is added to app/routes without being listed here.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "./fixtures";
import { INTRANET_URL } from "./playwright.config";
import { NOT_PAGES, PAGES, UNMATCHED, ids } from "./pages";
import { contextAs, hydrated, seriousViolations } from "./support";

const ROUTES_DIR = join(import.meta.dirname, "../../app/routes");

const WIDGETS = [
  "sightline-order-list",
  "sightline-order-tracker",
  "sightline-sla-scorecard",
  "sightline-escalation-form",
] as const;

test("every route module with a page is listed in this spec", () => {
  const files = readdirSync(ROUTES_DIR).filter((f) => /\.tsx?$/.test(f));
  const withUi = files.filter((f) => /^export default /m.test(readFileSync(join(ROUTES_DIR, f), "utf8")));
  const unlisted = withUi.filter((f) => !(f in PAGES) && !(f in NOT_PAGES));
  expect(unlisted, "add these route files to PAGES (or NOT_PAGES with a reason) in tests/e2e/pages.ts").toEqual([]);
  const gone = [...Object.keys(PAGES), ...Object.keys(NOT_PAGES)].filter((f) => !files.includes(f));
  expect(gone, "these listed route files no longer exist").toEqual([]);
});

for (const [file, cases] of [...Object.entries(PAGES), ["(no route)", UNMATCHED] as const]) {
  for (const c of cases) {
    for (const role of c.roles) {
      test(`${file} — ${c.what}, as ${role ?? "a signed-out visitor"}: no serious violations`, async ({ browser }) => {
        const path = typeof c.path === "function" ? c.path(await ids(browser)) : c.path;
        const context = await contextAs(browser, role, {
          // The live indicator's pulse restyles the page every frame, which makes each layout read
          // of axe's contrast check wait for a new style pass (several seconds a page). The markup
          // checked is the same without it.
          reducedMotion: "reduce",
          ...(c.phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
        });
        try {
          const page = await context.newPage();
          await page.goto(path);
          await hydrated(page);
          if (c.act) await c.act(page);
          await expect(page.locator("body")).toContainText(c.expectText);
          expect(await seriousViolations(page)).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
}

test.describe("widgets on the demo intranet", () => {
  test.use({ reducedMotion: "reduce" });
  for (const widget of WIDGETS) {
    test(`${widget}: no serious violations`, async ({ page }) => {
      await page.goto(INTRANET_URL);
      const rows = page.locator("sightline-order-list tbody tr[part=row]");
      await expect(rows.first()).toBeVisible();
      if (widget === "sightline-order-tracker" || widget === "sightline-escalation-form") {
        // With an order chosen, the tracker shows its timeline and the form is for that order.
        await rows.first().getByRole("button").click();
        await expect(page.locator("sightline-order-tracker").getByRole("heading", { name: /^Order / })).toBeVisible();
      }
      if (widget === "sightline-escalation-form") {
        await page.locator(widget).getByRole("button", { name: "Raise escalation" }).click();
        await expect(page.locator(widget).locator("[aria-invalid=true]").first()).toBeVisible();
      }
      if (widget === "sightline-sla-scorecard") {
        await expect(
          page
            .locator(widget)
            .getByText(/Target/)
            .first(),
        ).toBeVisible();
      }
      expect(await seriousViolations(page, widget)).toEqual([]);
    });
  }
});
