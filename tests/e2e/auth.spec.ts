// Sign-in flows in real Chromium against the built portal with demo data.
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function submitSignIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signIn(page: Page, email: string, password = "sightline-demo") {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

test("a customer viewer signs in, sees their organisation, and signs out", async ({ page }) => {
  await signIn(page, "viewer@acme.example");
  await expect(page.getByTestId("tenant-name")).toHaveText("Acme Manufacturing");
  await expect(page.getByTestId("user-name")).toHaveText("Vera Viewer");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Sightline" })).toBeVisible();
});

test("a wrong password shows a clear message and keeps the user on the form", async ({ page }) => {
  await submitSignIn(page, "viewer@acme.example", "definitely-wrong");
  await expect(page.getByRole("alert")).toContainText("do not match an active account");
  await expect(page.getByLabel("Email")).toBeVisible();
});

test("an agent switches to Nordwind and cannot open Sakura", async ({ page }) => {
  await signIn(page, "agent@sightline.example");
  // Agents land on their queue; the account switcher is one click away.
  await expect(page).toHaveURL(/\/staff\/queue\?assignee=me_or_unassigned/);
  await page.goto("/staff/accounts");
  await expect(page.getByRole("heading", { name: "Accounts" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Open Sakura Retail KK" })).toHaveCount(0);
  await page.getByRole("button", { name: "Open Nordwind Handels GmbH" }).click();
  await expect(page.getByTestId("tenant-name")).toHaveText("Viewing Nordwind Handels GmbH");
  // Forging the form with Sakura's id is refused by the server.
  const status = await page.evaluate(async () => {
    const res = await fetch("/staff/accounts", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "tenantId=c3e5a000-0000-4000-8000-000000000003",
      redirect: "manual",
    });
    return res.status;
  });
  expect(status).toBe(403);
});

test("a customer admin invites a user who accepts and signs in", async ({ page, browser }) => {
  const email = `e2e.${Date.now()}@acme.example`;
  await signIn(page, "admin@acme.example");
  await page.goto("/settings");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${email}`);
  await expect(page.getByText(email, { exact: true })).toBeVisible();
  // Without SMTP the mail goes to the server log; the admin can also copy the link from the page.
  const href = await page.getByRole("link", { name: `Invitation link for ${email}` }).getAttribute("href");
  expect(href).toMatch(/^\/invitations\//);
  const invitee = await browser.newPage();
  await invitee.goto(new URL(href ?? "", page.url()).href);
  await expect(invitee.getByRole("heading", { name: "Join Acme Manufacturing on Sightline" })).toBeVisible();
  await invitee.getByLabel("Your name").fill("Ivy Invitee");
  await invitee.getByLabel("Password", { exact: true }).fill("a-long-password");
  await invitee.getByLabel("Repeat the password").fill("a-long-password");
  await invitee.getByRole("button", { name: "Accept and sign in" }).click();
  await expect(invitee.getByTestId("user-name")).toHaveText("Ivy Invitee");
  await expect(invitee.getByTestId("tenant-name")).toHaveText("Acme Manufacturing");
});
