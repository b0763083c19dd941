// Every portal page a role can open, keyed by route file: shared by the accessibility spec (axe on
// each) and the layout spec (no sideways scrolling at phone, tablet and desktop widths). A route
// module with a UI that is missing here fails a11y.spec.ts's first test.
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { PORTAL_URL } from "./playwright.config";
import { contextAs, postForm, type Role } from "./support";

/** Real ids to put in detail URLs, read once through the API as the Acme admin. */
export interface Ids {
  order: string;
  escalation: string;
  invitation: string;
}

export interface PageCase {
  /** What the test looks at, e.g. "empty filter". */
  what: string;
  roles: Role[] | [null];
  path: string | ((ids: Ids) => string);
  /** Brings the page into the state to check (submits a form with errors, opens a panel...). */
  act?: (page: Page) => Promise<void>;
  /** Something that must be on the page before axe runs, so the right page is checked. */
  expectText: string | RegExp;
  phone?: boolean;
}

export const CUSTOMER: Role[] = ["customerAdmin", "viewer"];
export const STAFF: Role[] = ["agent", "lead", "platformAdmin"];

/** Route files without a page of their own, and why. */
export const NOT_PAGES: Record<string, string> = {
  "_index.tsx": "redirects to /login or the role's landing page",
  "logout.tsx": "a form action that redirects to /login",
  "settings.tsx": "the Settings layout: checked through each settings page it wraps",
};

export const PAGES: Record<string, PageCase[]> = {
  "login.tsx": [
    { what: "sign-in form", roles: [null], path: "/login", expectText: "Sign in to Sightline" },
    {
      what: "wrong password message",
      roles: [null],
      path: "/login",
      act: async (page) => {
        await page.getByLabel("Email").fill("viewer@acme.example");
        await page.getByLabel("Password").fill("not-the-password");
        await page.getByRole("button", { name: "Sign in" }).click();
        await expect(page.getByRole("alert")).toBeVisible();
      },
      expectText: "do not match an active account",
    },
  ],
  "forgot-password.tsx": [
    { what: "request form", roles: [null], path: "/forgot-password", expectText: "Reset your password" },
    {
      what: "validation error",
      roles: [null],
      path: "/forgot-password",
      act: async (page) => {
        await page.getByLabel("Email").fill("not an email");
        await page.getByRole("button", { name: "Send reset link" }).click();
        await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
      },
      expectText: "Reset your password",
    },
  ],
  "reset-password.tsx": [
    { what: "link without a token", roles: [null], path: "/reset-password", expectText: "not valid any more" },
    { what: "form with a token", roles: [null], path: "/reset-password?token=e2e-a11y", expectText: "new password" },
  ],
  "invitations.$invitationId.tsx": [
    {
      what: "pending invitation",
      roles: [null],
      path: (ids) => `/invitations/${ids.invitation}`,
      expectText: "Join Acme Manufacturing on Sightline",
    },
    {
      what: "form errors",
      roles: [null],
      path: (ids) => `/invitations/${ids.invitation}`,
      act: async (page) => {
        await page.getByRole("button", { name: "Accept and sign in" }).click();
        await expect(page.locator("[aria-invalid=true]").first()).toBeVisible();
      },
      expectText: "Join Acme Manufacturing on Sightline",
    },
    {
      what: "unknown invitation",
      roles: [null],
      path: "/invitations/no-such-invitation",
      expectText: "This invitation cannot be used",
    },
  ],
  "orders._index.tsx": [
    // Ten rows: every row has the same markup, and axe's time grows with the rows.
    { what: "order list", roles: [...CUSTOMER, "agent"], path: "/orders?limit=10", expectText: "Every order" },
    {
      what: "empty filter",
      roles: ["viewer"],
      path: "/orders?q=NOTHING-MATCHES-THIS",
      expectText: "No orders match",
    },
    { what: "invalid date", roles: ["viewer"], path: "/orders?promised_from=2026-02-31", expectText: "Promised from" },
    {
      what: "save-view form open",
      roles: ["customerAdmin"],
      path: "/orders?limit=10",
      act: async (page) => {
        await page.getByRole("button", { name: "Save view…" }).click();
        await expect(page.getByLabel("View name")).toBeVisible();
      },
      expectText: "View name",
    },
    { what: "cards on a phone", roles: ["viewer"], path: "/orders?limit=10", expectText: "Every order", phone: true },
  ],
  "orders.$orderId.tsx": [
    {
      what: "order detail",
      roles: [...CUSTOMER, "lead"],
      path: (ids) => `/orders/${ids.order}`,
      expectText: "Timeline",
    },
    {
      what: "order that does not exist (404)",
      roles: ["viewer"],
      path: "/orders/00000000-0000-4000-8000-00000000a11e",
      expectText: "We could not find that page",
    },
  ],
  "escalations._index.tsx": [
    { what: "escalation list", roles: [...CUSTOMER, "agent"], path: "/escalations?status=all", expectText: "ESC-" },
    {
      what: "empty state",
      // Deccan's demo data has no acknowledged escalation and no spec acknowledges one (Acme's do:
      // escalations.spec.ts acknowledges one before the layout walk, so Acme's list was not empty).
      roles: ["deccanAdmin"],
      path: "/escalations?status=acknowledged",
      expectText: "No escalations match",
    },
  ],
  "protocol.tsx": [
    {
      what: "escalation protocol",
      roles: [...CUSTOMER, "agent", "lead"],
      path: "/protocol",
      expectText: "Severities and targets",
    },
  ],
  "escalations.$id.tsx": [
    {
      what: "escalation detail",
      roles: CUSTOMER,
      path: (ids) => `/escalations/${ids.escalation}`,
      expectText: "Conversation",
    },
    {
      what: "empty reply error",
      roles: ["viewer"],
      path: (ids) => `/escalations/${ids.escalation}`,
      act: async (page) => {
        await page.getByRole("button", { name: "Send reply" }).click();
        await expect(page.locator("[aria-invalid=true]").first()).toBeVisible();
      },
      expectText: "Conversation",
    },
  ],
  "escalations.new.tsx": [
    { what: "new escalation form", roles: CUSTOMER, path: "/escalations/new", expectText: "Raise an escalation" },
    {
      what: "form for an order",
      roles: ["viewer"],
      path: (ids) => `/escalations/new?order=${ids.order}`,
      expectText: "For order",
    },
    {
      what: "validation errors",
      roles: ["customerAdmin"],
      path: "/escalations/new",
      act: async (page) => {
        await page.getByRole("button", { name: "Raise escalation" }).click();
        await expect(page.getByText("Please correct the highlighted fields.")).toBeVisible();
      },
      expectText: "Please correct the highlighted fields.",
    },
  ],
  "notifications.tsx": [
    {
      what: "notifications",
      roles: [...CUSTOMER, "agent", "lead"],
      path: "/notifications",
      expectText: "Notifications",
    },
  ],
  "calendar.tsx": [
    { what: "business calendar (read-only)", roles: [...CUSTOMER], path: "/calendar", expectText: "Business calendar" },
  ],
  "profile.tsx": [{ what: "profile", roles: ["viewer", "agent"], path: "/profile", expectText: "Your profile" }],
  "sla.tsx": [
    { what: "scorecard", roles: [...CUSTOMER, "agent"], path: "/sla", expectText: "Service levels" },
    { what: "this year", roles: ["viewer"], path: "/sla?period=this-year", expectText: "Service levels" },
    {
      what: "unknown period message",
      roles: ["viewer"],
      path: "/sla?period=no-such-period",
      expectText: "is not a period of your calendar",
    },
  ],
  "review.tsx": [
    { what: "quarterly review", roles: [...CUSTOMER, "agent"], path: "/review", expectText: "Quarterly review" },
    {
      what: "not a quarter message",
      roles: ["viewer"],
      path: "/review?quarter=FY2026-P03",
      expectText: "not a fiscal quarter",
    },
  ],
  "settings._index.tsx": [
    { what: "users", roles: ["customerAdmin"], path: "/settings", expectText: "Invite someone" },
    {
      what: "invitation error",
      roles: ["customerAdmin"],
      path: "/settings",
      act: async (page) => {
        await page.getByLabel("Work email").fill("not an email");
        await page.getByRole("button", { name: "Send invitation" }).click();
        await expect(page.locator("[aria-invalid=true]").first()).toBeVisible();
      },
      expectText: "Invite someone",
    },
    { what: "refused to a viewer (403)", roles: ["viewer"], path: "/settings", expectText: "Error 403" },
  ],
  "settings.calendar.tsx": [
    { what: "calendar settings", roles: ["customerAdmin"], path: "/settings/calendar", expectText: "Fiscal calendar" },
    {
      what: "preview with errors",
      roles: ["customerAdmin"],
      path: "/settings/calendar",
      act: async (page) => {
        await page.getByRole("button", { name: "Add closure" }).click();
        await page.getByRole("button", { name: "Preview" }).click();
        await expect(page.getByText("Date must be a real date").first()).toBeVisible();
      },
      expectText: "Fiscal calendar",
    },
  ],
  "settings.embed.tsx": [
    { what: "embed keys", roles: ["customerAdmin"], path: "/settings/embed", expectText: "New embed key" },
    {
      what: "form errors",
      roles: ["customerAdmin"],
      path: "/settings/embed",
      act: async (page) => {
        await page.getByRole("button", { name: "Create key" }).click();
        await expect(page.locator("[aria-invalid=true]").first()).toBeVisible();
      },
      expectText: "New embed key",
    },
  ],
  "settings.notifications.tsx": [
    {
      what: "SLA digest subscription",
      roles: CUSTOMER,
      path: "/settings/notifications",
      expectText: "SLA digest e-mail",
    },
  ],
  "settings.audit.tsx": [
    { what: "audit log", roles: ["customerAdmin"], path: "/settings/audit", expectText: "Audit log" },
  ],
  "staff.accounts.tsx": [{ what: "accounts", roles: STAFF, path: "/staff/accounts", expectText: "Accounts" }],
  "staff.satisfaction.tsx": [
    { what: "satisfaction", roles: STAFF, path: "/staff/satisfaction", expectText: "Customer satisfaction" },
  ],
  "staff.recurring.tsx": [
    { what: "recurring failures", roles: STAFF, path: "/staff/recurring", expectText: "Recurring failures" },
  ],
  "staff.performance-alerts.tsx": [
    { what: "performance alerts", roles: STAFF, path: "/staff/performance-alerts", expectText: "Performance alerts" },
    {
      what: "all performance alerts",
      roles: ["lead"],
      path: "/staff/performance-alerts?view=all",
      expectText: "Performance alerts",
    },
  ],
  "staff.queue._index.tsx": [
    { what: "queue", roles: STAFF, path: "/staff/queue", expectText: "Escalation queue" },
    {
      what: "empty filter",
      roles: ["agent"],
      path: "/staff/queue?assignee=nobody-e2e",
      expectText: "Nothing in the queue matches",
    },
  ],
  "staff.queue.$id.tsx": [
    {
      what: "escalation as staff",
      roles: STAFF,
      path: (ids) => `/staff/queue/${ids.escalation}`,
      expectText: "What the customer reported",
    },
    {
      what: "empty note error",
      roles: ["agent"],
      path: (ids) => `/staff/queue/${ids.escalation}`,
      act: async (page) => {
        await page.getByRole("button", { name: "Add to conversation" }).click();
        await expect(page.getByRole("textbox", { name: "Message" })).toHaveAttribute("aria-invalid", "true");
      },
      expectText: "What the customer reported",
    },
  ],
  "staff.queue.targets.tsx": [
    { what: "escalation targets", roles: ["platformAdmin"], path: "/staff/queue/targets", expectText: "P1" },
    { what: "refused to an agent (403)", roles: ["agent"], path: "/staff/queue/targets", expectText: "Error 403" },
  ],
  "staff.workload.tsx": [
    { what: "workload per owner and account", roles: ["lead"], path: "/staff/workload", expectText: "Per owner" },
    { what: "refused to an agent (403)", roles: ["agent"], path: "/staff/workload", expectText: "Error 403" },
  ],
  "staff.admin._index.tsx": [
    { what: "administration", roles: ["platformAdmin"], path: "/staff/admin", expectText: "Platform administration" },
    {
      what: "new account errors",
      roles: ["platformAdmin"],
      path: "/staff/admin",
      act: async (page) => {
        await page.getByRole("button", { name: "Create account" }).click();
        await expect(page.locator("[aria-invalid=true]").first()).toBeVisible();
      },
      expectText: "Platform administration",
    },
    { what: "refused to a lead (403)", roles: ["lead"], path: "/staff/admin", expectText: "Error 403" },
  ],
  "staff.admin.audit.tsx": [
    { what: "platform audit log", roles: ["platformAdmin"], path: "/staff/admin/audit", expectText: "Audit" },
  ],
  "staff.admin.ingest-keys.tsx": [
    { what: "ingest keys", roles: ["platformAdmin"], path: "/staff/admin/ingest-keys", expectText: "Ingest API keys" },
  ],
  "staff.admin.targets.tsx": [
    { what: "SLA targets", roles: ["platformAdmin"], path: "/staff/admin/targets", expectText: "Tier defaults" },
  ],
};

/** Pages that no route file serves: the 404 page of an unknown URL, signed in and signed out. */
export const UNMATCHED: PageCase[] = [
  { what: "unknown URL (404)", roles: [null], path: "/no-such-page", expectText: "We could not find that page" },
  {
    what: "unknown URL (404)",
    roles: ["customerAdmin"],
    path: "/no-such-page",
    expectText: "We could not find that page",
  },
];

let idsPromise: Promise<Ids> | null = null;

async function loadIds(browser: Browser): Promise<Ids> {
  const context = await contextAs(browser, "customerAdmin");
  try {
    const api: APIRequestContext = context.request;
    const orders = await api.get(`${PORTAL_URL}/api/v1/orders?limit=1`);
    expect(orders.status()).toBe(200);
    const order = ((await orders.json()) as { data: { id: string }[] }).data[0].id;
    const escs = await api.get(`${PORTAL_URL}/api/v1/escalations?status=active&limit=1`);
    expect(escs.status()).toBe(200);
    const escalation = ((await escs.json()) as { data: { id: string }[] }).data[0].id;
    const email = `a11y.${Date.now().toString(36)}@acme.example`;
    const invited = await postForm(api, "/settings?index", { intent: "invite", email, role: "customer_viewer" });
    expect(invited.status).toBe(200);
    const settings = await (await api.get(`${PORTAL_URL}/settings`)).text();
    const invitation = new RegExp(`href="/invitations/([^"]+)"[^>]*aria-label="Invitation link for ${email}"`).exec(
      settings,
    )?.[1];
    expect(invitation, "the new invitation's link on the settings page").toBeTruthy();
    return { order, escalation, invitation: invitation ?? "" };
  } finally {
    await context.close();
  }
}

export function ids(browser: Browser): Promise<Ids> {
  idsPromise ??= loadIds(browser);
  return idsPromise;
}
