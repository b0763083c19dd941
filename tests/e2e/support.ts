// Shared pieces of the e2e specs: demo logins signed in once
// per role and reused as storage states, the demo secrets, and small page helpers.
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { PORTAL_URL } from "./playwright.config";

export const PASSWORD = "sightline-demo";
export const ACME_ID = "a1c3e000-0000-4000-8000-000000000001";
export const DECCAN_ID = "e5a7c000-0000-4000-8000-000000000005";
export const ACME_INGEST_KEY = "sl_ingest_demo_acme_0123456789abcdef";
export const ACME_EMBED_KEY = "sl_embed_demo_acme_0123456789abcdef";

export const LOGINS = {
  customerAdmin: "admin@acme.example",
  viewer: "viewer@acme.example",
  agent: "agent@sightline.example",
  lead: "lead@sightline.example",
  platformAdmin: "ops@sightline.example",
  deccanAdmin: "admin@deccan.example",
  nordwindAdmin: "admin@nordwind.example",
} as const;
export type Role = keyof typeof LOGINS;

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
const states = new Map<string, StorageState>();

/** Signs in through the login form (once per email and worker) and returns the session. */
export async function sessionOf(browser: Browser, email: string, password = PASSWORD): Promise<StorageState> {
  const known = states.get(email);
  if (known) return known;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  const state = await context.storageState();
  await context.close();
  states.set(email, state);
  return state;
}

/**
 * A new context signed in through the sign-in form (what a person does); waits until the page it
 * lands on has hydrated (not for the network to go quiet, half a second more on every sign-in).
 */
export async function signInThroughForm(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await hydrated(page);
  return page;
}

/** A fresh browser context signed in as `role` (staff roles have Acme opened, so account pages work). */
export async function contextAs(
  browser: Browser,
  role: Role | null,
  options: Parameters<Browser["newContext"]>[0] = {},
): Promise<BrowserContext> {
  if (!role) return browser.newContext(options);
  const context = await browser.newContext({ ...options, storageState: await sessionOf(browser, LOGINS[role]) });
  if (role === "agent" || role === "lead" || role === "platformAdmin") {
    const res = await context.request.post(`${PORTAL_URL}/staff/accounts`, {
      form: { tenantId: ACME_ID },
      headers: { Origin: PORTAL_URL },
      maxRedirects: 0,
    });
    expect(res.status(), "opening Acme as staff").toBe(302);
  }
  return context;
}

/** Posts a portal form as the context's user (same-origin, as the browser would). */
export async function postForm(
  request: APIRequestContext,
  path: string,
  form: Record<string, string>,
): Promise<{ status: number; location: string | null }> {
  const res = await request.post(`${PORTAL_URL}${path}`, {
    form,
    headers: { Origin: PORTAL_URL },
    maxRedirects: 0,
  });
  return { status: res.status(), location: res.headers()["location"] ?? null };
}

/** Waits until React has hydrated the document (event handlers attached, client rendering done). */
export async function hydrated(page: Page): Promise<void> {
  // `document.body` is briefly null while a page replaces itself (the dev server reloading after optimising a dependency).
  await page.waitForFunction(() => !!document.body && Object.keys(document.body).some((k) => k.startsWith("__react")));
}

/**
 * Opens a page and waits until it has hydrated. No reload and no retry: an error page fails the
 * test instead of being reloaded away.
 */
export async function openHydrated(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await hydrated(page);
  await expect(page.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);
}

/**
 * Collects React hydration problems while a page is used: the development build's warnings and
 * errors, and the production build's minified ones (#418 text, #423 whole root re-rendered on
 * the client, #425 text content). A mismatch makes React throw the server HTML away and render
 * the document again, under whatever the test is clicking.
 */
export function hydrationProblems(page: Page): string[] {
  const problems: string[] = [];
  const HYDRATION = /hydrat|did not match|server rendered|Minified React error #(418|419|421|422|423|425)\b/i;
  page.on("console", (m) => {
    if ((m.type() === "error" || m.type() === "warning") && HYDRATION.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => {
    if (HYDRATION.test(e.message)) problems.push(e.message);
  });
  return problems;
}

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical findings on the page (or the parts matched by `include`). */
export async function seriousViolations(page: Page, include?: string): Promise<AxeFinding[]> {
  // Only violations are read: axe then skips collecting the passing nodes, a good part of its work.
  let builder = new AxeBuilder({ page }).options({ resultTypes: ["violations"] });
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(" ")),
    }));
}
