// Every page fits every screen: each page of tests/e2e/pages.ts, for every role that can open it,
// at a phone (390 px), a tablet (768 px) and a desktop (1440 px) width. A page fails when it
// scrolls sideways as a whole, or, on the desktop, when a table is wider than its box (columns
// behind a side-scroll) or hides a column.
import { expect, test, type Page } from "@playwright/test";
import { ids, PAGES, UNMATCHED, type PageCase } from "./pages";
import { contextAs, hydrated } from "./support";

const WIDTHS = [390, 768, 1440] as const;

/** Nordwind's SLA page has the longest period labels (German, 4-4-5 calendar). */
const EXTRA: [string, PageCase[]][] = [
  ["sla.tsx (Nordwind)", [{ what: "scorecard", roles: ["nordwindAdmin"], path: "/sla", expectText: "Nordwind" }]],
];

interface LayoutProblem {
  width: number;
  problem: string;
}

async function layoutProblems(page: Page, width: number): Promise<LayoutProblem[]> {
  const found = await page.evaluate((desktop) => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth)
      out.push(`page is ${doc.scrollWidth - doc.clientWidth} px wider than the screen`);
    if (!desktop) return out;
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
    };
    for (const table of Array.from(document.querySelectorAll("table")).filter(visible)) {
      const name =
        table.getAttribute("data-testid") ??
        table.querySelector("caption")?.textContent?.trim().slice(0, 60) ??
        table.querySelector("th")?.textContent?.trim() ??
        "table";
      for (let box = table.parentElement; box && box !== document.body; box = box.parentElement) {
        if (box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== "visible") {
          out.push(`table "${name}" is ${box.scrollWidth - box.clientWidth} px wider than its box`);
          break;
        }
      }
      const headers = Array.from(table.querySelectorAll("thead th"));
      const hidden = headers.filter((th) => getComputedStyle(th).display === "none");
      if (hidden.length) out.push(`table "${name}" hides ${hidden.map((th) => th.textContent?.trim()).join(", ")}`);
    }
    return out;
  }, width >= 1280);
  return found.map((problem) => ({ width, problem }));
}

for (const [file, cases] of [...Object.entries(PAGES), ...EXTRA, ["(no route)", UNMATCHED] as const]) {
  for (const c of cases) {
    for (const role of c.roles) {
      test(`${file} — ${c.what}, as ${role ?? "a signed-out visitor"}: fits 390, 768 and 1440 px`, async ({
        browser,
      }) => {
        const path = typeof c.path === "function" ? c.path(await ids(browser)) : c.path;
        const context = await contextAs(browser, role, { reducedMotion: "reduce" });
        try {
          const problems: LayoutProblem[] = [];
          for (const width of WIDTHS) {
            const page = await context.newPage();
            await page.setViewportSize({ width, height: 900 });
            await page.goto(path);
            await hydrated(page);
            if (c.act) await c.act(page);
            await expect(page.locator("body")).toContainText(c.expectText);
            problems.push(...(await layoutProblems(page, width)));
            await page.close();
          }
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
}
