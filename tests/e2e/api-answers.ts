// Checks the /api/v1 answers a browser receives against the OpenAPI document (used by the
// auto fixture in ./fixtures.ts; tests/integration/api-answers-check.test.ts shows it failing).
import type { Browser, BrowserContext, Response } from "@playwright/test";
import type { DocumentMismatch } from "../support/openapi-checker";

/** The mismatch of one browser-received answer, or null (not an API answer, or it matches). */
export async function browserAnswerMismatch(
  response: Response,
  documentMismatch: DocumentMismatch,
): Promise<string | null> {
  const url = new URL(response.url());
  if (!url.pathname.startsWith("/api/v1/")) return null;
  const method = response.request().method();
  if (method === "OPTIONS" || method === "HEAD") return null;
  const contentType = response.headers()["content-type"] ?? null;
  let body = "";
  // Event streams never end while the page is open: their status and route are checked only.
  if (contentType && /json/i.test(contentType)) {
    try {
      body = (await response.body()).toString("utf8");
      // A frame that navigated to an API answer with an error status shows Chromium's own error
      // page (a hostile page's form post, refused 403): Playwright hands over that page instead.
      if (response.request().isNavigationRequest() && !response.ok() && /^\s*</.test(body)) return null;
    } catch {
      // The page went away before the body arrived (a navigation); nothing was read to check.
      return null;
    }
  }
  return documentMismatch({ method, url: url.toString(), status: response.status(), contentType, body });
}

/** Watches every context of a test; `finish()` waits for the checks and returns the mismatches. */
export function watchApiAnswers(browser: Browser, first: BrowserContext, documentMismatch: DocumentMismatch) {
  const mismatches: string[] = [];
  const pending = new Set<Promise<void>>();
  const watch = (context: BrowserContext) =>
    context.on("response", (response) => {
      const p: Promise<void> = browserAnswerMismatch(response, documentMismatch)
        .then((m) => void (m && mismatches.push(m)))
        .finally(() => pending.delete(p));
      pending.add(p);
    });
  watch(first);
  const newContext = browser.newContext;
  browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
    const context = await newContext.apply(browser, args);
    watch(context);
    return context;
  };
  return {
    async finish(): Promise<string[]> {
      browser.newContext = newContext;
      while (pending.size) await Promise.all([...pending]);
      return [...new Set(mismatches)];
    },
  };
}
