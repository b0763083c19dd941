// Satisfaction in real Chromium: the Acme viewer rates the demo's resolved escalation from its
// page, sees the rating, changes it within the 7 days; the SLA page carries it in the current
// period, and the agent finds it on the staff satisfaction page.
import { expect, test } from "./fixtures";
import { signInThroughForm } from "./support";

test("a customer rates a resolved escalation, changes the rating, and staff and the SLA page show it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const viewer = await signInThroughForm(browser, "viewer@acme.example");
  await viewer.goto("/escalations");
  await viewer
    .getByRole("link", { name: /Invoice shows the wrong unit price/ })
    .first()
    .click();
  const card = viewer.locator("section", { has: viewer.getByRole("heading", { name: "How did we do?" }) });
  await expect(card).toBeVisible();
  // Sent without a score: the fetcher form answers with the error and focus lands on the first choice.
  await card.getByRole("button", { name: "Send rating" }).click();
  await expect(card.getByText("Choose a rating from 1 to 5.")).toBeVisible();
  await expect(card.getByLabel("1 – Very dissatisfied")).toBeFocused();
  await card.getByLabel("2 – Dissatisfied").check();
  await card.getByLabel("Comment (optional)").fill("Two reminders before anyone answered.");
  await card.getByRole("button", { name: "Send rating" }).click();
  await expect(card.getByText("Thank you for your rating.")).toBeVisible();
  await expect(card.getByRole("img", { name: "2 of 5" })).toBeVisible();

  await card.getByRole("button", { name: "Change rating" }).click();
  await card.getByLabel("4 – Satisfied").check();
  await card.getByRole("button", { name: "Save rating" }).click();
  await expect(card.getByText("Your rating was changed.")).toBeVisible();
  await expect(card.getByRole("img", { name: "4 of 5" })).toBeVisible();
  await expect(card.getByText("Two reminders before anyone answered.")).toBeVisible();

  await viewer.goto("/sla");
  const table = viewer.getByRole("table", { name: /satisfaction per fiscal period/ });
  await expect(table).toBeVisible();
  // Newest period first; the rating just given falls in it (the integration test checks the figures).
  await expect(table.locator("tbody tr").first()).toContainText(/\d \/ 5/);

  const agent = await signInThroughForm(browser, "agent@sightline.example");
  const pageErrors: string[] = [];
  agent.on("pageerror", (e) => {
    if (!/WebSocket/.test(e.message)) pageErrors.push(e.message); // the dev server's HMR socket is not the page
  });
  await agent.goto("/staff/satisfaction");
  await expect(agent.getByRole("heading", { name: "Customer satisfaction" })).toBeVisible();
  await expect(agent.getByText("Two reminders before anyone answered.")).toBeVisible();
  await agent.getByLabel("Rated in").selectOption("30");
  await agent.getByRole("button", { name: "Show" }).click();
  await expect(agent).toHaveURL(/days=30/);
  await expect(agent.getByText("Two reminders before anyone answered.")).toBeVisible();
  expect(pageErrors).toEqual([]);
});
