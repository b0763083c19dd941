// The co-developed escalation protocol in real Chromium, from both sides: the Acme admin accepts
// Sightline's pending proposal (the demo's version 3) after reading its changes, then proposes a
// change of their own, which stays a proposal until the support lead, in the Acme account,
// accepts it. The viewer reads but cannot accept. The admin's proposal also applies to running
// escalations: the one they raised under version 3 moves to version 4, and its timeline says who agreed.
import { expect, test } from "./fixtures";
import { contextAs } from "./support";

test("either side proposes, and a change takes effect only when the other side accepts it", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await (await contextAs(browser, "customerAdmin")).newPage();
  await admin.goto("/protocol");
  await expect(admin.getByText("Version 2, in effect since")).toBeVisible();
  const pending = admin.getByTestId("pending-proposal");
  await expect(pending.getByText("P1: to Account executive after 4 h → 3 h")).toBeVisible();
  await expect(pending.getByText("Fill-rate floor: 95% → 96%")).toBeVisible();

  const viewer = await (await contextAs(browser, "viewer")).newPage();
  await viewer.goto("/protocol");
  await expect(viewer.getByText("Your account's admins accept or decline proposals.")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Accept version 3" })).toHaveCount(0);

  await admin.getByRole("button", { name: "Accept version 3" }).click();
  await expect(admin.getByText(/^Accepted: this version is now the protocol in effect/)).toBeVisible();
  await expect(admin.getByText("Version 3, in effect since")).toBeVisible();

  // An escalation raised under version 3, still running when version 4 is agreed.
  await admin.goto("/escalations/new");
  await admin.getByLabel("What is the problem about?").selectOption("other");
  await admin.getByLabel("Short summary").fill("Running while the protocol changes");
  await admin.getByLabel("What happened?").fill("The delivery is late and we need a new date.");
  await admin.getByLabel("What outcome do you need?").fill("A confirmed delivery date.");
  await admin.getByRole("button", { name: "Raise escalation" }).click();
  await expect(admin).toHaveURL(/\/escalations\/[0-9a-f-]{36}/);
  const raised = new URL(admin.url()).pathname;
  await admin.goto("/protocol");

  // The admin's own proposal: a tighter P2 resolution and their words for P4, for running escalations too.
  const p2 = admin.getByRole("group", { name: "P2", exact: true });
  await p2.getByLabel("Resolution (hours)").fill("5");
  await admin.getByLabel("P4: what it means").fill("A question or a document; answer within the week.");
  await admin.getByLabel("Why this change (shown to the other side)").fill("P2 hurts our customers most.");
  await admin.getByLabel(/^Also apply to running escalations/).check();
  await admin.getByRole("button", { name: "Send proposal" }).click();
  await expect(admin.getByText("Your proposal was sent.", { exact: false })).toBeVisible();
  await expect(admin.getByText("Version 3, in effect since")).toBeVisible();
  await expect(pending.getByText("P2: resolution 6 h → 5 h")).toBeVisible();
  await expect(admin.getByRole("button", { name: "Accept version 4" })).toHaveCount(0);

  const lead = await (await contextAs(browser, "lead")).newPage();
  await lead.goto("/protocol");
  const theirs = lead.getByTestId("pending-proposal");
  await expect(theirs.getByText("Why: P2 hurts our customers most.")).toBeVisible();
  await expect(theirs.getByText("P2: resolution 6 h → 5 h")).toBeVisible();
  await expect(
    theirs.getByText(/^Also applies to running escalations: when accepted, every open escalation of Acme/),
  ).toBeVisible();
  await lead.getByRole("button", { name: "Accept version 4" }).click();
  await expect(lead.getByText(/running escalations? moved to it\.$/)).toBeVisible();
  await expect(lead.getByText("Version 4, in effect since")).toBeVisible();

  await admin.reload();
  await expect(admin.getByText("Version 4, in effect since")).toBeVisible();
  await expect(admin.getByRole("row", { name: /P4 A question or a document; answer within the week\./ })).toBeVisible();

  // The running escalation now runs under version 4; its timeline names both sides (staff by first name).
  await admin.goto(raised);
  await expect(admin.getByText("Protocol version 4", { exact: true })).toBeVisible();
  await expect(
    admin.getByText("Moved to protocol version 4 by agreement of Acme Manufacturing Admin and Lee"),
  ).toBeVisible();
});
