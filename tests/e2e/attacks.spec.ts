// Issue 13 in real Chromium: a signed-in customer visits a page on a sibling origin of the same
// site (another port of the portal's host, so SameSite=Lax still sends the session cookie), and
// that page tries to raise an escalation without a CORS preflight; and a crafted sign-in link tries
// to bounce the user to another host.
import { createServer, type Server } from "node:http";
import { expect, test } from "./fixtures";
import { PORTAL_URL } from "./playwright.config";
import { LOGINS, PASSWORD, sessionOf } from "./support";

const ATTACKER_PORT = Number(new URL(PORTAL_URL).port) + 2;
const ATTACKER_URL = `http://localhost:${ATTACKER_PORT}`;
const TITLE = `Forged P1 ${Date.now()}`;
const BODY = JSON.stringify({
  category: "late_delivery",
  severity: "P1",
  title: TITLE,
  description: "Raised by a page on another origin.",
  desiredOutcome: "Nothing at all",
});

/** The attacker's page: a no-preflight fetch with the cookie, and an auto-submitted text/plain form. */
function attackerPage(): string {
  const api = `${PORTAL_URL}/api/v1/escalations`;
  const [name, value] = [BODY.slice(0, -2) + ',"x":"', '"}'];
  return `<!doctype html><html><body>
<form id="f" method="post" action="${api}" enctype="text/plain" target="sink">
  <input type="hidden" name='${name.replace(/'/g, "&#39;")}' value='${value}'>
</form>
<iframe name="sink" title="sink"></iframe>
<script>
  window.results = {};
  fetch(${JSON.stringify(api)}, {
    method: "POST",
    mode: "no-cors",
    credentials: "include",
    headers: { "Content-Type": "text/plain; charset=application/json" },
    body: ${JSON.stringify(BODY)},
  }).then(() => { window.results.fetch = "sent"; }, (e) => { window.results.fetch = String(e); })
    .then(() => { document.getElementById("f").submit(); window.results.form = "sent"; });
</script></body></html>`;
}

let server: Server;
test.beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(attackerPage());
  });
  await new Promise<void>((resolve) => server.listen(ATTACKER_PORT, "127.0.0.1", resolve));
});
test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test("a page on a sibling origin cannot raise an escalation with the customer's session", async ({ browser }) => {
  const context = await browser.newContext({ storageState: await sessionOf(browser, LOGINS.customerAdmin) });
  const page = await context.newPage();
  const refused: number[] = [];
  page.on("response", (r) => {
    if (r.url() === `${PORTAL_URL}/api/v1/escalations` && r.request().method() === "POST") refused.push(r.status());
  });
  await page.goto(ATTACKER_URL);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { results: { form?: string } }).results.form))
    .toBe("sent");
  await expect.poll(() => refused.length).toBeGreaterThanOrEqual(2);
  expect(refused.every((s) => s === 403)).toBe(true);
  // The customer's own list has no such escalation.
  const list = await context.request.get(`${PORTAL_URL}/api/v1/escalations?status=all&limit=500`);
  expect(list.status()).toBe(200);
  expect(JSON.stringify(await list.json())).not.toContain(TITLE);
  await context.close();
});

test("the same customer still raises an escalation through the portal's own API call", async ({ browser }) => {
  const context = await browser.newContext({ storageState: await sessionOf(browser, LOGINS.customerAdmin) });
  const page = await context.newPage();
  await page.goto("/orders");
  const status = await page.evaluate(
    async (body) => {
      const res = await fetch("/api/v1/escalations", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body,
      });
      return res.status;
    },
    BODY.replace("Forged", "Genuine"),
  );
  expect(status).toBe(201);
  await context.close();
});

for (const trick of ["/\t/evil.example", "/\\evil.example", "/.//evil.example", "//evil.example"]) {
  test(`a sign-in link with redirectTo=${JSON.stringify(trick)} lands on the portal`, async ({ page }) => {
    await page.goto(`/login?redirectTo=${encodeURIComponent(trick)}`);
    await page.getByLabel("Email").fill(LOGINS.viewer);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    expect(new URL(page.url()).origin).toBe(PORTAL_URL);
    await expect(page.getByTestId("tenant-name")).toHaveText("Acme Manufacturing");
  });
}

test("a sign-in link to a portal page still lands there", async ({ page }) => {
  await page.goto(`/login?redirectTo=${encodeURIComponent("/sla")}`);
  await page.getByLabel("Email").fill(LOGINS.viewer);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/sla");
});
