// Feed health in real Chromium: Southern Cross's warehouse system (demo data) went silent 50
// minutes before the seed, so its pages carry the delay notice, in the account's zone, and list
// each source's latest delivery; Acme's ERP connector sends a batch and is listed as up to date,
// without a notice. (Appearing and clearing over time: tests/integration/feed-health.test.ts.)
import { expect, test } from "./fixtures";
import { ACME_INGEST_KEY, hydrationProblems, seriousViolations, signInThroughForm } from "./support";

test("a silent source puts a delay notice on the customer's pages; a live one is listed without it", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const southern = await signInThroughForm(browser, "admin@southerncross.example");
  const problems = hydrationProblems(southern);
  for (const path of ["/orders", "/sla"]) {
    await southern.goto(path);
    const notice = southern.getByRole("status").filter({ hasText: "Order updates from Warehouse system are delayed" });
    await expect(notice).toBeVisible();
    // The account's zone (Sydney) names itself by its UTC offset: "… delayed since 19:10 GMT+11."
    // (with the date in front when the silence began on an earlier day there)
    await expect(notice).toContainText(
      /delayed since [^.]*\d{1,2}:\d{2} GMT\+1[01]\. Last received [^.]*\d{1,2}:\d{2} GMT\+1[01]\./,
    );
    await expect(southern.getByRole("contentinfo")).toContainText("Warehouse system: updated");
  }
  expect(await seriousViolations(southern)).toEqual([]);
  expect(problems).toEqual([]);

  const batch = await request.post("/api/v1/ingest/events", {
    headers: { authorization: `Bearer ${ACME_INGEST_KEY}` },
    data: {
      items: [
        {
          source: "wms",
          eventId: `e2e-feed-${Date.now()}`,
          orderExternalId: "NO-SUCH-ORDER",
          type: "picked",
          occurredAt: new Date().toISOString(),
        },
      ],
    },
  });
  expect(batch.status()).toBe(200);
  const acme = await signInThroughForm(browser, "viewer@acme.example");
  await acme.goto("/orders");
  await expect(acme.getByRole("contentinfo")).toContainText("Demo ERP connector: updated");
  await expect(acme.getByText(/Order updates from .* are delayed/)).toHaveCount(0);
  await expect(acme.getByText("Warehouse system")).toHaveCount(0);
});
