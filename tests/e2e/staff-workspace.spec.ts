// The support workspace in real Chromium, on a desk (1440 px) and a phone (390 px): the agent
// finds a new escalation by its key, opens it, sees when it is due, takes it and replies (which
// acknowledges it); the lead goes from the workload view to the agent's queue and reassigns it.
// And the queue at laptop widths, between the two layouts.
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PORTAL_URL } from "./playwright.config";
import { contextAs } from "./support";

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

async function fitsTheScreen(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(0);
}

for (const viewport of VIEWPORTS) {
  test(`agent and lead work an escalation from the queue at ${viewport.width} px`, async ({ browser }) => {
    test.setTimeout(180_000);
    const stamp = `${viewport.width}-${Date.now().toString(36)}`;
    const title = `Workspace walk ${stamp}`;
    const reply = `We are on it ${stamp}`;

    // The customer raises it, as the portal's form would.
    const viewer = await contextAs(browser, "viewer");
    const raised = await viewer.request.post(`${PORTAL_URL}/api/v1/escalations`, {
      data: {
        category: "other",
        severity: "P3",
        title,
        description: "Raised by the workspace walk-through.",
        desiredOutcome: "An answer.",
      },
      headers: { Origin: PORTAL_URL },
    });
    expect(raised.status()).toBe(201);
    const { key } = (await raised.json()) as { key: string };
    expect(key).toMatch(/^ACME-\d+$/);
    await viewer.close();

    // The agent finds it by the key a customer would read out on the phone.
    const agentContext = await contextAs(browser, "agent", { viewport });
    const agent = await agentContext.newPage();
    await agent.goto("/staff/queue");
    await agent.getByLabel("Find an escalation").fill(key.toLowerCase());
    await agent.getByRole("button", { name: "Search" }).click();
    const row = agent.getByTestId("queue-row");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(title);
    await expect(row.getByTestId("queue-due")).toBeVisible();
    await fitsTheScreen(agent);
    await row.getByRole("link", { name: new RegExp(key) }).click();
    await expect(agent.getByRole("heading", { name: `${key}: ${title}` })).toBeVisible();
    await expect(agent.getByTestId("clock-First response")).toContainText("due");
    await fitsTheScreen(agent);

    await agent.getByRole("button", { name: "Take it" }).click();
    await expect(agent.getByText("You own this escalation.")).toBeVisible();
    await agent.getByLabel("Message").fill(reply);
    await agent.getByRole("button", { name: "Add to conversation" }).click();
    await expect(agent.getByTestId("public-reply").filter({ hasText: reply })).toBeVisible();
    // The first public reply acknowledged it.
    await expect(agent.locator("header, main").getByText("Acknowledged", { exact: true }).first()).toBeVisible();
    await agentContext.close();

    // The lead sees the agent's load, opens their queue and hands the escalation to themself.
    const leadContext = await contextAs(browser, "lead", { viewport });
    const lead = await leadContext.newPage();
    await lead.goto("/staff/workload");
    await expect(lead.getByRole("heading", { name: "Workload" })).toBeVisible();
    await fitsTheScreen(lead);
    await lead
      .getByTestId("workload-owner")
      .getByRole("link", { name: /^Alex Agent: \d+ open —/ })
      .click();
    await expect(lead).toHaveURL(/assignee=/);
    const agentsRow = lead.getByTestId("queue-row").filter({ hasText: title });
    await expect(agentsRow).toHaveCount(1);
    await agentsRow.getByRole("link", { name: new RegExp(key) }).click();
    await expect(lead.getByRole("heading", { name: `${key}: ${title}` })).toBeVisible();
    await lead.getByLabel("Assign to").selectOption({ label: "Lee Lead" });
    await lead.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(lead.getByText(/owner Lee\b/)).toBeVisible();
    await fitsTheScreen(lead);
    await leadContext.close();
  });
}

// A laptop is wider than a tablet and narrower than a desk: at 1024 px the queue once drew its
// seven-column table with the escalation column squeezed to one letter per line, and the header's
// name and role ran under "Profile". Below 1280 px the queue shows its cards and the header leaves
// the name out (Profile leads to it).
for (const width of [1024, 1180, 1280]) {
  test(`the queue keeps each escalation's title readable and the header apart at ${width} px`, async ({ browser }) => {
    const context = await contextAs(browser, "agent", { viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto("/staff/queue");
    const titles = page.getByTestId("queue-row").getByRole("link");
    await expect(titles.first()).toBeVisible();
    // The space the title has (its cell or card), not the link's own width: a short title is narrow.
    const cells = await titles.evaluateAll((links) => links.map((l) => l.parentElement!.getBoundingClientRect().width));
    for (const width of cells) expect(width, "the room an escalation title has").toBeGreaterThanOrEqual(180);
    const header = await page.evaluate(() => {
      const shown = [
        ...document.querySelectorAll(
          "header a, header button, header [data-testid=user-name], header [data-testid=user-name] + p",
        ),
      ]
        .map((e) => e.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0);
      return shown.flatMap((a, i) =>
        shown
          .slice(i + 1)
          .filter((b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
          .map(() => 1),
      ).length;
    });
    expect(header, "header items drawn over each other").toBe(0);
    await fitsTheScreen(page);
    await context.close();
  });
}
