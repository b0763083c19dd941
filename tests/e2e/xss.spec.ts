// Stored XSS in Chromium: markup planted in every customer- or staff-writable text field, through
// the real UI or API as the role that may write it, executes nowhere it is shown — not in the
// portal (with the CSP switched off, so escaping alone is what is proven, and again as served,
// with no CSP violation), not in the CSV export, not in the widgets on the intranet demo.
//
// Vectors, each tagged with the field it was planted in (`__xss('<field>')`): <img onerror>,
// <script>, an attribute break-out ('"><svg onload>), a javascript: URL, a </title> break-out and
// {{…}} / ${…} template probes. Long fields get all of them, short ones as many as fit; each of
// the six test orders carries one vector in its short fields.
//
// Fields covered (planted by):
//   ingest API (Acme ingest key) — order number, customer PO, hold reason, internal notes, line
//     SKU and description, shipment carrier, tracking number and tracking URL (a javascript: URL
//     is refused with 422); event location and details (reason, note, carrier, tracking number,
//     SKU, signed by). Sites cannot be written through any API or form.
//   customer admin (forms) — saved view name (with delay alerts), embed key name, invitation
//     (the email is validated; the invitee chooses the name below)
//   invitee (UI) — user name on accepting the invitation, escalation title, description, outcome,
//     policy override, public reply
//   widget embed token (API) — escalation title, description, outcome, reply; the widget form
//     itself (title, description, outcome)
//   Deccan admin (UI) — calendar closure reason (holiday names come from a library; region is a
//     validated code)
//   support agent (UI) — internal note, public reply;  support lead (UI) — refusal reason
//   platform admin (forms) — ingest key name, customer account name (time zone, country and
//     region are validated codes; SLA targets are numbers; no target has a free-text note)
//   derived — notifications (escalation raised / replied / decided, delay alerts naming the
//     view and order), audit entries, calendar versions
// Pages visited: orders list (search and saved view), every test order's page, CSV export,
// escalations list, detail and new (customer, invitee and admin), notifications (invitee,
// admin, agent, lead), SLA, settings (users, calendar, embed keys, audit), staff accounts,
// queue, queue detail (agent, lead), order page as staff, admin, admin audit, ingest keys, SLA
// targets, escalation targets; on the intranet: order list, tracker for each test order, SLA
// scorecard, escalation form.
import { type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { INTRANET_URL, PORTAL_URL } from "./playwright.config";
import { parseCsv } from "../support/csv";
import {
  ACME_EMBED_KEY,
  ACME_ID,
  ACME_INGEST_KEY,
  contextAs,
  hydrated,
  PASSWORD,
  postForm,
  type Role,
} from "./support";

test.describe.configure({ mode: "serial" });

const STAMP = Date.now().toString(36).slice(-6);
/** Order numbers of the test orders start with this, so one search finds them all. */
const PREFIX = `XSS${STAMP}`;

const VECTORS: ((id: string) => string)[] = [
  (id) => `<img src=x onerror=__xss('${id}')>`,
  (id) => `<script>__xss('${id}')</script>`,
  (id) => `'"><svg onload=__xss('${id}')>`,
  (id) => `javascript:__xss('${id}')`,
  (id) => `</title><script>__xss('${id}')</script>`,
  (id) => `{{__xss('${id}')}}\${__xss('${id}')}`,
];

/** Every text planted, by field id. */
const T: Record<string, string> = {};

/** Plants every vector (for fields that take a few hundred characters). */
function all(id: string): string {
  T[id] = VECTORS.map((v) => v(id)).join(" ");
  return T[id];
}

/** Plants as many vectors as fit in `max` characters, starting with vector `from`. */
function fit(id: string, max: number, from = 0): string {
  let out = "";
  for (let i = 0; i < VECTORS.length; i++) {
    const next = VECTORS[(from + i) % VECTORS.length](id);
    if ((out ? `${out} ${next}` : next).length > max) break;
    out = out ? `${out} ${next}` : next;
  }
  T[id] = out;
  return out;
}

/** Plants vector `v` alone (short fields of the test orders). */
function one(id: string, v: number, prefix = ""): string {
  T[id] = `${prefix}${VECTORS[v](id)}`;
  return T[id];
}

const ORDERS = VECTORS.length;
/** What planting produced and the sweep needs. */
const planted = {
  orderIds: [] as string[],
  alertOrderId: "",
  viewId: "",
  escalationId: "",
  apiEscalationId: "",
  inviteeState: null as Awaited<ReturnType<BrowserContext["storageState"]>> | null,
};

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000);
const isoDate = (offset: number) => day(offset).toISOString().slice(0, 10);

async function ingest(request: APIRequestContext, kind: "orders" | "events", items: unknown[]): Promise<number> {
  const res = await request.post(`${PORTAL_URL}/api/v1/ingest/${kind}`, {
    headers: { Authorization: `Bearer ${ACME_INGEST_KEY}` },
    data: { items },
  });
  const body = await res.text();
  if (res.status() === 200) {
    const counts = (JSON.parse(body) as { counts: { rejected: number } }).counts;
    expect(counts.rejected, body).toBe(0);
  }
  return res.status();
}

function testOrder(i: number) {
  return {
    source: "xss",
    externalId: `${PREFIX}-${i}`,
    version: 1,
    orderNumber: one(`o.num.${i}`, i, `${PREFIX}${i} `),
    customerPo: one(`o.po.${i}`, i),
    siteCode: "CHI-01",
    status: "on_hold",
    holdReason: fit(`o.hold.${i}`, 300, i),
    orderedAt: day(-20).toISOString(),
    promisedDate: isoDate(-5),
    internalNotes: all(`o.internal.${i}`),
    lines: [
      { lineNo: 1, sku: one(`l.sku.${i}`, i), description: fit(`l.desc.${i}`, 300, i), qtyOrdered: 3, unitPrice: 2 },
    ],
    shipments: [
      {
        externalId: `${PREFIX}-s${i}`,
        carrier: one(`s.carrier.${i}`, i),
        trackingNumber: one(`s.track.${i}`, i),
        trackingUrl: `https://track.example/?n=${one(`s.url.${i}`, i)}`,
        status: "in_transit",
        shippedAt: day(-3).toISOString(),
      },
    ],
  };
}

function testEvents(i: number) {
  return [
    {
      source: "xss",
      eventId: `${PREFIX}-${i}-shipped`,
      orderExternalId: `${PREFIX}-${i}`,
      type: "shipped",
      occurredAt: day(-3).toISOString(),
      location: fit(`e.loc.${i}`, 120, i),
      detail: { carrier: one(`e.carrier.${i}`, i), trackingNumber: one(`e.track.${i}`, i) },
    },
    {
      source: "xss",
      eventId: `${PREFIX}-${i}-hold`,
      orderExternalId: `${PREFIX}-${i}`,
      type: "on_hold",
      occurredAt: day(-2).toISOString(),
      detail: { reason: fit(`e.reason.${i}`, 500, i) },
    },
    {
      source: "xss",
      eventId: `${PREFIX}-${i}-note`,
      orderExternalId: `${PREFIX}-${i}`,
      type: "note",
      occurredAt: day(-1).toISOString(),
      location: fit(`e.noteloc.${i}`, 120, i + 1),
      detail: { note: all(`e.note.${i}`), sku: one(`e.sku.${i}`, i), signedBy: one(`e.signed.${i}`, i) },
    },
  ];
}

async function orderIdOf(request: APIRequestContext, orderNumber: string): Promise<string> {
  const res = await request.get(`${PORTAL_URL}/api/v1/orders?q=${encodeURIComponent(orderNumber)}`);
  expect(res.status()).toBe(200);
  const rows = ((await res.json()) as { data: { id: string; orderNumber: string }[] }).data;
  const id = rows.find((r) => r.orderNumber === orderNumber)?.id;
  expect(id, `order ${orderNumber}`).toBeTruthy();
  return id ?? "";
}

// ---------------------------------------------------------------------------------------------
// Watching for executions

interface Findings {
  executions: string[];
  dialogs: string[];
  csp: string[];
  markup: string[];
}

const emptyFindings = (): Findings => ({ executions: [], dialogs: [], csp: [], markup: [] });

/** Records every call of window.__xss, every CSP violation and every dialog in the context. */
async function watch(context: BrowserContext, findings: Findings): Promise<void> {
  await context.exposeBinding("__xss", ({ page }, id: unknown) => {
    findings.executions.push(`${String(id)} on ${page.url()}`);
  });
  await context.exposeBinding("__cspViolation", ({ page }, what: unknown) => {
    findings.csp.push(`${String(what)} on ${page.url()}`);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __cspViolation(s: string): void }).__cspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || "inline"}: ${e.sample}`,
      );
    });
  });
  context.on("page", (page) => {
    page.on("dialog", (d) => {
      findings.dialogs.push(`${d.type()} "${d.message()}" on ${page.url()}`);
      void d.dismiss();
    });
  });
}

/** Markup from a payload that reached the DOM as elements or attributes (shadow roots included). */
async function injectedMarkup(page: Page): Promise<string[]> {
  const found = await page.evaluate(() => {
    const out: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll("*"))) {
        for (const a of Array.from(el.attributes)) {
          const name = a.name.toLowerCase();
          if (name.startsWith("on") && a.value.includes("__xss")) out.push(`<${el.localName} ${name}="${a.value}">`);
          if (/^(href|src|action|formaction|xlink:href)$/.test(name) && /^\s*javascript:/i.test(a.value))
            out.push(`<${el.localName} ${name}="${a.value}">`);
        }
        if (el.localName === "script" && /^\s*__xss\(/.test(el.textContent ?? ""))
          out.push(`<script>${el.textContent}`);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return out;
  });
  return found.map((f) => `${f} on ${page.url()}`);
}

/** The planted text of `id` is on the page as text (rendered, not dropped and not parsed). */
async function expectShown(page: Page, ids: string[]): Promise<void> {
  for (const id of ids) {
    expect(T[id], `nothing was planted as ${id}`).toBeTruthy();
    await expect(page.locator("body"), `${id} on ${page.url()}`).toContainText(T[id], { useInnerText: true });
  }
}

type Viewer = Role | "invitee";

interface Visit {
  as: Viewer;
  path: string;
  /** Field ids whose text must be visible (checked on the CSP-off pass). */
  shows?: string[];
  /** Field ids that must be the value of a form field (as typed, not parsed). */
  values?: string[];
  /**
   * false: skip on the pass served with its CSP. Markup that got in is already caught on the first
   * pass, so that pass is about the page's own scripts: one order page stands for all six.
   */
  served?: boolean;
  /** Save a screenshot under this name (CSP-off pass) to look at the layout with payloads. */
  screenshot?: string;
}

async function viewerContext(browser: Browser, as: Viewer, bypassCSP: boolean): Promise<BrowserContext> {
  if (as !== "invitee") return contextAs(browser, as, { bypassCSP });
  expect(planted.inviteeState).not.toBeNull();
  return browser.newContext({ bypassCSP, storageState: planted.inviteeState ?? undefined });
}

function visits(): Visit[] {
  const orderNos = Array.from({ length: ORDERS }, (_, i) => `o.num.${i}`);
  const pos = Array.from({ length: ORDERS }, (_, i) => `o.po.${i}`);
  const escalation = ["esc.title", "esc.desc", "esc.outcome", "esc.policy", "u.name", "c.reply", "s.reply", "a.reason"];
  const list: Visit[] = [
    { as: "customerAdmin", path: `/orders?q=${PREFIX}`, shows: [...orderNos, ...pos], screenshot: "orders-list" },
    { as: "customerAdmin", path: `/orders?q=${PREFIX}&view=${planted.viewId}`, shows: ["v.name"] },
    ...planted.orderIds.map((id, i): Visit => ({
      as: "customerAdmin",
      path: `/orders/${id}`,
      shows: [`o.num.${i}`, `o.po.${i}`, `l.sku.${i}`, `l.desc.${i}`, `s.carrier.${i}`, `s.track.${i}`]
        .concat([`e.loc.${i}`, `e.carrier.${i}`, `e.track.${i}`, `e.reason.${i}`, `e.note.${i}`, `e.sku.${i}`])
        .concat([`e.signed.${i}`, `e.noteloc.${i}`]),
      screenshot: i === 0 ? "order-detail" : undefined,
      served: i === 0,
    })),
    { as: "customerAdmin", path: "/escalations?status=all", shows: ["esc.title", "api.title", "w.title"] },
    { as: "customerAdmin", path: `/escalations/${planted.escalationId}`, shows: escalation },
    {
      as: "customerAdmin",
      path: `/escalations/${planted.apiEscalationId}`,
      shows: ["api.title", "api.desc", "api.outcome", "api.reply"],
    },
    { as: "customerAdmin", path: "/escalations/new" },
    { as: "customerAdmin", path: `/escalations/new?order=${planted.orderIds[2]}`, shows: ["o.num.2"] },
    { as: "customerAdmin", path: "/notifications", shows: ["v.name", "o.num.alert"] },
    { as: "customerAdmin", path: "/sla" },
    { as: "customerAdmin", path: "/settings", shows: ["u.name"] },
    { as: "customerAdmin", path: "/settings/embed", shows: ["k.embed"] },
    { as: "customerAdmin", path: "/settings/audit" },
    { as: "invitee", path: "/orders", shows: ["u.name"] },
    { as: "invitee", path: `/escalations/${planted.escalationId}`, shows: escalation, screenshot: "escalation" },
    { as: "invitee", path: "/notifications", shows: ["esc.title"] },
    { as: "viewer", path: "/escalations", shows: ["esc.title"] },
    { as: "deccanAdmin", path: "/settings/calendar", values: ["cal.closure"] },
    { as: "agent", path: "/staff/queue", shows: ["esc.title", "api.title"] },
    {
      as: "agent",
      path: `/staff/queue/${planted.escalationId}`,
      shows: [...escalation, "s.note"],
      screenshot: "queue-detail",
    },
    { as: "agent", path: "/notifications", shows: ["esc.title"] },
    { as: "agent", path: `/orders/${planted.orderIds[4]}`, shows: ["o.num.4", "e.note.4"] },
    { as: "lead", path: `/staff/queue/${planted.escalationId}`, shows: ["a.reason", "s.note"] },
    { as: "lead", path: "/notifications", shows: ["esc.title"] },
    { as: "lead", path: "/staff/accounts", shows: ["t.name"] },
    { as: "platformAdmin", path: "/staff/admin", shows: ["t.name"], screenshot: "admin" },
    { as: "platformAdmin", path: "/staff/admin/audit" },
    { as: "platformAdmin", path: "/staff/admin/ingest-keys", shows: ["k.ingest"] },
    { as: "platformAdmin", path: "/staff/admin/targets", shows: ["t.name"] },
    { as: "platformAdmin", path: "/staff/queue/targets" },
    { as: "platformAdmin", path: "/staff/queue", shows: ["esc.title"] },
  ];
  return list;
}

/** Visits every page as its viewer and collects what executed, what CSP blocked, what became markup. */
async function sweep(browser: Browser, bypassCSP: boolean): Promise<Findings> {
  const findings = emptyFindings();
  const byViewer = new Map<Viewer, Visit[]>();
  for (const v of visits().filter((x) => bypassCSP || x.served !== false))
    byViewer.set(v.as, [...(byViewer.get(v.as) ?? []), v]);
  for (const [as, list] of byViewer) {
    const context = await viewerContext(browser, as, bypassCSP);
    try {
      await watch(context, findings);
      const page = await context.newPage();
      for (const v of list) {
        const res = await page.goto(v.path);
        expect(res?.status(), v.path).toBe(200);
        await hydrated(page);
        if (bypassCSP) {
          await expectShown(page, v.shows ?? []);
          for (const id of v.values ?? []) {
            const inputs = page.locator("input, textarea");
            await expect
              .poll(() =>
                inputs.evaluateAll((els, text) => els.some((e) => (e as HTMLInputElement).value === text), T[id]),
              )
              .toBe(true);
          }
          if (v.screenshot)
            await page.screenshot({ path: test.info().outputPath(`${v.screenshot}.png`), fullPage: true });
        }
        findings.markup.push(...(await injectedMarkup(page)));
      }
    } finally {
      await context.close();
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------

test("markup is accepted as text in every writable field, through the UI and the APIs", async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);

  // A backend system sends six orders (one vector each in the short fields) and their events.
  const orders = Array.from({ length: ORDERS }, (_, i) => testOrder(i));
  const alertOrder = {
    ...testOrder(0),
    externalId: `${PREFIX}-alert`,
    orderNumber: one("o.num.alert", 0, `${PREFIX}A `),
    status: "confirmed",
    holdReason: null,
    promisedDate: isoDate(30),
    shipments: [],
  };
  // A javascript: tracking link is refused outright (422, nothing written).
  const jsUrl = { ...testOrder(0), externalId: `${PREFIX}-js` };
  jsUrl.shipments[0].trackingUrl = "javascript:__xss('s.url.js')";
  expect(await ingest(request, "orders", [jsUrl])).toBe(422);

  // The Acme admin saves a view of the test orders with delay alerts, before anything happens to them.
  const admin = await contextAs(browser, "customerAdmin");
  const view = await postForm(admin.request, "/orders?index", {
    intent: "save",
    query: `q=${PREFIX}`,
    name: fit("v.name", 80, 0),
    alerts: "on",
  });
  expect(view.status).toBe(302);
  planted.viewId = /view=([0-9a-f-]+)/.exec(view.location ?? "")?.[1] ?? "";
  expect(planted.viewId).not.toBe("");

  expect(await ingest(request, "orders", [...orders, alertOrder])).toBe(200);
  expect(
    await ingest(
      request,
      "events",
      orders.flatMap((_, i) => testEvents(i)),
    ),
  ).toBe(200);
  planted.orderIds = await Promise.all(orders.map((o) => orderIdOf(admin.request, o.orderNumber)));
  planted.alertOrderId = await orderIdOf(admin.request, alertOrder.orderNumber);

  // Other customer-admin texts: an embed key, and an invitation whose invitee picks a name.
  const embed = await postForm(admin.request, "/settings/embed", {
    intent: "create",
    name: fit("k.embed", 100, 2),
    origins: "https://xss.example",
    scopes: "orders:read",
  });
  expect(embed.status).toBe(200);
  const email = `xss.${STAMP}@acme.example`;
  expect(
    (await postForm(admin.request, "/settings?index", { intent: "invite", email, role: "customer_viewer" })).status,
  ).toBe(200);
  const settings = await (await admin.request.get(`${PORTAL_URL}/settings`)).text();
  const invitation = new RegExp(`href="(/invitations/[^"]+)"[^>]*aria-label="Invitation link for ${email}"`).exec(
    settings,
  );
  expect(invitation, "invitation link").not.toBeNull();

  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  await invitee.goto(invitation?.[1] ?? "");
  await invitee.getByLabel("Your name").fill(fit("u.name", 120, 0));
  await invitee.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await invitee.getByLabel("Repeat the password").fill(PASSWORD);
  await invitee.getByRole("button", { name: "Accept and sign in" }).click();
  await expect(invitee.getByTestId("user-name")).toHaveText(T["u.name"]);
  planted.inviteeState = await inviteeContext.storageState();

  // The invitee raises an escalation about a test order, with a credit that needs a lead.
  await invitee.goto(`/escalations/new?order=${planted.orderIds[0]}`);
  await hydrated(invitee);
  await invitee.getByLabel("What is the problem about?").selectOption("late_delivery");
  await invitee.getByLabel("Short summary").fill(fit("esc.title", 200, 0));
  await invitee.getByLabel("What happened?").fill(all("esc.desc"));
  await invitee.getByLabel("What outcome do you need?").fill(all("esc.outcome"));
  await invitee.getByLabel("Credit amount").fill("30000");
  await invitee.getByLabel("Policy override").fill(all("esc.policy"));
  await invitee.getByRole("button", { name: "Raise escalation" }).click();
  // The page drops its one-time "?raised=1" from the address bar once it has shown the notice,
  // so the address may already be the plain escalation URL when this looks.
  await invitee.waitForURL(/\/escalations\/[0-9a-f-]+(\?raised=1)?$/);
  planted.escalationId = /\/escalations\/([0-9a-f-]+)/.exec(invitee.url())?.[1] ?? "";
  await hydrated(invitee);
  await invitee.getByLabel("Reply or add information").fill(all("c.reply"));
  await invitee.getByRole("button", { name: "Send reply" }).click();
  await expect(invitee.getByText("Your reply was sent to the support team.")).toBeVisible();
  await inviteeContext.close();

  // An intranet widget raises one through the API with its embed token, and replies to it.
  const minted = await request.post(`${PORTAL_URL}/api/v1/embed/tokens`, {
    headers: { Authorization: `Bearer ${ACME_EMBED_KEY}` },
    data: { origin: INTRANET_URL },
  });
  expect(minted.status()).toBe(200);
  const widgetAuth = {
    Authorization: `Bearer ${((await minted.json()) as { token: string }).token}`,
    Origin: INTRANET_URL,
  };
  const raised = await request.post(`${PORTAL_URL}/api/v1/escalations`, {
    headers: widgetAuth,
    data: {
      orderId: planted.orderIds[1],
      category: "damaged_goods",
      severity: "P3",
      title: fit("api.title", 200, 3),
      description: all("api.desc"),
      desiredOutcome: all("api.outcome"),
    },
  });
  expect(raised.status(), await raised.text()).toBe(201);
  planted.apiEscalationId = ((await raised.json()) as { id: string }).id;
  const replied = await request.post(`${PORTAL_URL}/api/v1/escalations/${planted.apiEscalationId}/replies`, {
    headers: widgetAuth,
    data: { body: all("api.reply") },
  });
  expect(replied.status(), await replied.text()).toBeLessThan(300);

  // The agent adds an internal note and a public reply; the lead refuses the credit with a reason.
  const agent = await contextAs(browser, "agent");
  const agentPage = await agent.newPage();
  await agentPage.goto(`/staff/queue/${planted.escalationId}`);
  await hydrated(agentPage);
  await agentPage.getByLabel("Internal note — staff only").check();
  await agentPage.getByLabel("Message").fill(all("s.note"));
  await agentPage.getByRole("button", { name: "Add to conversation" }).click();
  await expect(agentPage.getByText("Internal note added.")).toBeVisible();
  await agentPage.getByLabel("Public reply — the customer sees it").check();
  await agentPage.getByLabel("Message").fill(all("s.reply"));
  await agentPage.getByRole("button", { name: "Add to conversation" }).click();
  await expect(agentPage.getByText("Reply sent to the customer.")).toBeVisible();
  await agent.close();

  const lead = await contextAs(browser, "lead");
  const leadPage = await lead.newPage();
  await leadPage.goto(`/staff/queue/${planted.escalationId}`);
  await hydrated(leadPage);
  await leadPage.getByLabel("Reason (the customer sees it)").fill(all("a.reason"));
  await leadPage.getByRole("button", { name: "Reject" }).click();
  await expect(leadPage.getByText("Exception request rejected.")).toBeVisible();
  await lead.close();

  // The platform admin names an ingest key and a new customer account.
  const ops = await contextAs(browser, "platformAdmin");
  const key = await postForm(ops.request, "/staff/admin/ingest-keys", {
    intent: "create",
    tenantId: ACME_ID,
    name: fit("k.ingest", 80, 1),
  });
  expect(key.status).toBe(200);
  const tenant = await postForm(ops.request, "/staff/admin?index", {
    intent: "create-tenant",
    name: fit("t.name", 120, 4),
    slug: `xss-${STAMP}`,
    tier: "standard",
    timeZone: "Europe/Berlin",
    country: "DE",
  });
  expect(tenant.status).toBe(200);
  await ops.close();

  // Deccan's admin closes a day with a reason (Deccan, so Acme's calendar versions stay as other specs expect).
  const deccan = await contextAs(browser, "deccanAdmin");
  const calendar = await deccan.newPage();
  await calendar.goto("/settings/calendar");
  await hydrated(calendar);
  await calendar.getByRole("button", { name: "Add closure" }).click();
  await calendar
    .locator('input[name^="closures."][name$=".date"]')
    .last()
    .fill(`${new Date().getUTCFullYear() + 1}-01-04`);
  await calendar
    .locator('input[name^="closures."][name$=".label"]')
    .last()
    .fill(fit("cal.closure", 200, 5));
  await calendar.getByRole("button", { name: "Save as new version" }).click();
  await expect(calendar.getByText(/Saved as version/)).toBeVisible();
  await deccan.close();

  // A status change of an order in the admin's view becomes a delay alert naming the view and the
  // order. The alert service starts from the events after its first look at the view, so keep
  // moving the order until the alert arrives.
  const steps = ["allocated", "picked", "packed", "shipped", "in_transit", "out_for_delivery", "delivered"];
  let alerted = false;
  for (let i = 0; i < steps.length && !alerted; i++) {
    const event = {
      source: "xss",
      eventId: `${PREFIX}-alert-${i}`,
      orderExternalId: `${PREFIX}-alert`,
      type: steps[i],
      occurredAt: new Date().toISOString(),
    };
    expect(await ingest(request, "events", [event])).toBe(200);
    await expect
      .poll(
        async () => (await (await admin.request.get(`${PORTAL_URL}/notifications`)).text()).includes("o.num.alert"),
        {
          timeout: 6_000,
        },
      )
      .toBe(true)
      .then(
        () => (alerted = true),
        () => undefined,
      );
  }
  expect(alerted, "a delay alert for the test order").toBe(true);
  await admin.close();
});

test("the intranet widgets show the planted text and execute none of it", async ({ browser }) => {
  test.setTimeout(120_000);
  const findings = emptyFindings();
  const context = await browser.newContext();
  try {
    await watch(context, findings);
    const page = await context.newPage();
    await page.goto(INTRANET_URL);
    const list = page.locator("sightline-order-list");
    await expect(list.locator("tbody tr[part=row]").first()).toBeVisible();
    await list.getByLabel("Search orders").fill(PREFIX);
    const rows = list.locator("tbody tr[part=row]");
    await expect(rows).toHaveCount(ORDERS + 1);
    const tracker = page.locator("sightline-order-tracker");
    const form = page.locator("sightline-escalation-form");
    for (let i = 0; i < ORDERS; i++) {
      const row = rows.filter({ hasText: T[`o.num.${i}`] });
      await expect(row).toContainText(T[`o.po.${i}`]);
      await row.getByRole("button").click();
      await expect(tracker.getByRole("heading", { name: `Order ${T[`o.num.${i}`]}` })).toBeVisible();
      await expect(tracker.getByText(T[`e.carrier.${i}`]).first()).toBeVisible();
      await expect(tracker.getByText(T[`e.loc.${i}`]).first()).toBeVisible();
      await expect(form.getByRole("heading")).toContainText(T[`o.num.${i}`]);
      findings.markup.push(...(await injectedMarkup(page)));
    }
    await expect(
      page
        .locator("sightline-sla-scorecard")
        .getByText(/Target/)
        .first(),
    ).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("intranet.png"), fullPage: true });

    // The widget's own form: markup typed into it is sent and confirmed as text.
    await form.getByLabel("Summary").fill(fit("w.title", 200, 1));
    await form.getByLabel("What happened?").fill(all("w.desc"));
    await form.getByLabel("What outcome do you need?").fill(all("w.outcome"));
    await form.getByRole("button", { name: "Raise escalation" }).click();
    await expect(form.locator("[part=confirmation]")).toContainText(/ESC-\d+ was raised/);
    findings.markup.push(...(await injectedMarkup(page)));
  } finally {
    await context.close();
  }
  expect(findings).toEqual(emptyFindings());
});

test("with the CSP switched off, no planted payload executes or becomes markup on any portal page", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // bypassCSP: the nonce CSP would block inline handlers anyway; this proves the escaping alone.
  expect(await sweep(browser, true)).toEqual(emptyFindings());
});

test("served with its CSP, no portal page showing the payloads reports a CSP violation", async ({ browser }) => {
  test.setTimeout(180_000);
  expect(await sweep(browser, false)).toEqual(emptyFindings());
});

test("the CSV export is a download that carries the planted text as data", async ({ browser }) => {
  const admin = await contextAs(browser, "customerAdmin");
  try {
    const res = await admin.request.get(`${PORTAL_URL}/orders/export.csv?q=${PREFIX}`);
    expect(res.status()).toBe(200);
    const headers = res.headers();
    expect(headers["content-type"]).toMatch(/^text\/csv/);
    expect(headers["content-disposition"]).toMatch(/^attachment/);
    // The route and the security middleware both send nosniff (twice, "nosniff, nosniff"; harmless).
    const nosniff = new Set(headers["x-content-type-options"].split(",").map((v) => v.trim()));
    expect([...nosniff]).toEqual(["nosniff"]);
    const [header, ...rows] = parseCsv((await res.text()).replace(/^\uFEFF/, ""));
    const col = (name: string) => header.indexOf(name);
    for (let i = 0; i < ORDERS; i++) {
      const row = rows.find((r) => r[col("Order number")] === T[`o.num.${i}`]);
      expect(row, `CSV row of ${T[`o.num.${i}`]}`).toBeTruthy();
      expect(row?.[col("Customer PO")]).toBe(T[`o.po.${i}`]);
      expect(row?.[col("Carrier")]).toBe(T[`e.carrier.${i}`]);
      expect(row?.[col("Tracking number")]).toBe(T[`e.track.${i}`]);
    }
  } finally {
    await admin.close();
  }
});
