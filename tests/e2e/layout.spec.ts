// Every page fits every screen: each page of tests/e2e/pages.ts, for every role that can open it,
// at a phone (390 px), a tablet (768 px) and a desktop (1440 px) width. A page fails when it
// scrolls sideways as a whole, or, on the desktop, when a table is wider than its box (columns
// behind a side-scroll) or hides a column.
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ids, PAGES, UNMATCHED, type PageCase } from "./pages";
import { contextAs, hydrated } from "./support";

const WIDTHS = [390, 768, 1440] as const;

/** Nordwind's SLA and review pages have the longest period labels (German, 4-4-5 calendar). */
const EXTRA: [string, PageCase[]][] = [
  ["sla.tsx (Nordwind)", [{ what: "scorecard", roles: ["nordwindAdmin"], path: "/sla", expectText: "Nordwind" }]],
  [
    "review.tsx (Nordwind)",
    [{ what: "quarterly review", roles: ["nordwindAdmin"], path: "/review", expectText: "Nordwind" }],
  ],
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
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
    };
    // The header's links, buttons and texts never run into each other (a long navigation once
    // pushed the signed-in person's role under the Profile link). Text is measured as rendered
    // (a Range), so text spilling out of a squeezed box counts.
    const headerItems = Array.from(
      document.querySelectorAll("header :is(a, button, p, [data-testid=tenant-name])"),
    ).filter((el) => visible(el) && !el.closest("dialog") && !el.querySelector("a, button, p"));
    const boxOf = (el: Element) => {
      // A box that clips its text (truncate) shows only itself.
      if (getComputedStyle(el).overflowX !== "visible") return el.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(el);
      const r = range.getBoundingClientRect();
      const own = el.getBoundingClientRect();
      return {
        left: Math.min(r.left, own.left),
        right: Math.max(r.right, own.right),
        top: Math.min(r.top, own.top),
        bottom: Math.max(r.bottom, own.bottom),
      };
    };
    const boxes = headerItems.map((el) => ({ el, box: boxOf(el) }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].box;
        const b = boxes[j].box;
        const overlap =
          Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
          Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
        if (overlap)
          out.push(
            `header: "${boxes[i].el.textContent?.trim().slice(0, 30)}" overlaps "${boxes[j].el.textContent?.trim().slice(0, 30)}"`,
          );
      }
    if (!desktop) return out;
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
