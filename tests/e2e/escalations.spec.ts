// The escalation loop in real Chromium: the Acme viewer raises an escalation from a late order
// with a credit above the strategic threshold; the agent sees it arrive live on the queue, adds
// an internal note and a public reply; the viewer sees the reply and not the note; the credit
// waits for the lead, who approves it, and the viewer sees the outcome.
import { expect, test } from "./fixtures";
import { signInThroughForm } from "./support";

test("an escalation goes from a late order through the live queue, a reply, a note and a lead's approval", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const title = `Late order needs attention ${stamp}`;
  const note = `Internal: carrier lost the pallet ${stamp}`;
  const reply = `We found your pallet and rebooked it ${stamp}`;

  // The agent watches the queue before anything is raised.
  const agent = await signInThroughForm(browser, "agent@sightline.example");
  await agent.goto("/staff/queue");
  await expect(agent.getByRole("heading", { name: "Escalation queue" })).toBeVisible();
  await expect(agent.getByTestId("queue-live")).toContainText("Live");
  await expect(agent.getByText(title)).toHaveCount(0);

  // The viewer raises it from a late order.
  const viewer = await signInThroughForm(browser, "viewer@acme.example");
  await expect(viewer.getByRole("link", { name: "Escalations" }).first()).toBeVisible();
  await viewer.goto("/escalations");
  await expect(viewer.getByRole("heading", { name: "Escalations" })).toBeVisible();
  await viewer.getByRole("link", { name: "Raise an escalation" }).click();
  const orders = viewer.getByRole("list", { name: "Orders at risk" });
  await expect(orders).toBeVisible();
  const lateRow = orders.getByRole("listitem").filter({ hasText: "Late" }).first();
  const orderNumber = (await lateRow.locator("strong").textContent())?.trim() ?? "";
  expect(orderNumber).not.toBe("");
  await lateRow.getByRole("link", { name: `Escalate order ${orderNumber}` }).click();
  await expect(viewer.getByText(`For order ${orderNumber}`)).toBeVisible();
  await expect(viewer.getByLabel("What is the problem about?")).toHaveValue("late_delivery");
  await viewer.getByLabel("Short summary").fill(title);
  await viewer.getByLabel("What happened?").fill("The order is past its promised date and tracking shows no movement.");
  await viewer.getByLabel("What outcome do you need?").fill("Delivery this week and a credit for the line stop.");
  await viewer.getByLabel("Credit amount").fill("30000");
  // A late demo order may already have an open escalation: the form warns, and this is a new problem.
  const duplicate = viewer.getByTestId("duplicate-warning");
  if (await duplicate.isVisible()) await duplicate.getByRole("checkbox").check();
  await viewer.getByRole("button", { name: "Raise escalation" }).click();
  await expect(viewer.getByText("Your escalation was raised")).toBeVisible();
  await expect(viewer.getByText("Waiting for approval")).toBeVisible();
  const escalationUrl = viewer.url();

  // It arrives on the agent's queue without a reload.
  const row = agent.getByTestId("queue-row").filter({ hasText: title });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await row.getByRole("link").first().click();
  await expect(agent.getByRole("heading", { name: new RegExp(title) })).toBeVisible();
  await agent.getByRole("button", { name: "Acknowledge" }).click();
  await expect(agent.getByText("Status changed.")).toBeVisible();

  await agent.getByLabel("Internal note — staff only").check();
  await agent.getByLabel("Message").fill(note);
  await agent.getByRole("button", { name: "Add to conversation" }).click();
  await expect(agent.getByText("Internal note added.")).toBeVisible();
  await agent.getByLabel("Public reply — the customer sees it").check();
  await agent.getByLabel("Message").fill(reply);
  await agent.getByRole("button", { name: "Add to conversation" }).click();
  await expect(agent.getByText("Reply sent to the customer.")).toBeVisible();
  await expect(agent.getByTestId("internal-note").filter({ hasText: note })).toBeVisible();
  // The credit is above Acme's threshold: the agent cannot decide it.
  await expect(agent.getByText("Your role cannot decide this request.")).toBeVisible();

  // The viewer sees the reply (live) and never the note.
  await expect(viewer.getByText(reply)).toBeVisible({ timeout: 15_000 });
  await viewer.reload();
  await expect(viewer.getByText(reply)).toBeVisible();
  await expect(viewer.getByText(note)).toHaveCount(0);
  await expect(viewer.getByText("owner Alex")).toBeVisible();

  // The lead approves the credit with a reason.
  const lead = await signInThroughForm(browser, "lead@sightline.example");
  await lead.goto(escalationUrl.replace("/escalations/", "/staff/queue/").replace(/\?.*$/, ""));
  await lead.getByLabel("Reason (the customer sees it)").fill("Line stop confirmed; credit approved.");
  await lead.getByRole("button", { name: "Approve" }).click();
  await expect(lead.getByText("Exception request approved.")).toBeVisible();

  await viewer.reload();
  await expect(viewer.getByTestId("approval")).toContainText("Approved");
  await expect(viewer.getByTestId("approval")).toContainText("Line stop confirmed; credit approved.");
});
