// The write requests each route's action really accepts, built from the form schemas in
// app/forms, carrying another tenant's ids. A probe body that its own schema refuses would be
// answered 400 before any write code runs and would prove nothing, so every body here is checked
// against its schema (isolation.test.ts), and every intent a route's source names must appear
// here (a new intent fails the suite until it is probed).
import type { z } from "zod";
import { assignmentSchema, createTenantSchema, userActivationSchema } from "#app/forms/admin";
import { forgotPasswordSchema, inviteSchema, signInSchema } from "#app/forms/auth";
import { embedKeyFromForm, embedKeySchema } from "#app/forms/embed";
import {
  assignSchema,
  decisionSchema,
  newEscalationFromForm,
  newEscalationSchema,
  replySchema,
  staffCommentSchema,
  statusSchema,
  targetSchema,
} from "#app/forms/escalations";
import { createIngestKeySchema, feedIntervalSchema, revokeIngestKeySchema } from "#app/forms/ingest-keys";
import { digestSchema } from "#app/forms/notifications";
import { ratingSchema } from "#app/forms/ratings";
import { performanceAlertSchema } from "#app/forms/performance-alerts";
import { rootCauseSchema } from "#app/forms/root-causes";
import { decisionSchema as protocolDecisionSchema, proposalFromForm, proposalSchema } from "#app/forms/protocol";

/** Tenant A's ids, one chosen on purpose per kind (see `probeIds` in probe.ts). */
export interface ProbeIds {
  tenant: string;
  order: string;
  orderExternalId: string;
  orderSource: string;
  site: string;
  siteCode: string;
  shipment: string;
  escalation: string;
  comment: string;
  approval: string;
  alert: string;
  /** A performance alert (0083), the unpublished one when there is one. */
  performanceAlert: string;
  notification: string;
  embedKey: string;
  ingestKey: string;
  view: string;
  /** A's customer admin: user id, member row id and e-mail. */
  adminUser: string;
  member: string;
  adminEmail: string;
}

/** Which id a path parameter of that name takes. An unknown name fails the suite. */
export const PATH_PARAM: Record<string, keyof ProbeIds> = {
  id: "escalation",
  orderId: "order",
  invitationId: "escalation", // invitation ids are capabilities (the link is the secret): other ids are sent
};

export type FormBody = Record<string, string | string[] | undefined>;

export interface WriteProbe {
  /** What the body asks for, e.g. "reply". */
  intent: string;
  /** Query string appended to the route path (some staff pages take the account from it). */
  query?: string;
  form?: FormBody;
  json?: unknown;
  /** The schema the action parses this body with; the suite checks the body passes it. */
  schema?: z.ZodType;
  /** Turns the form into what `schema` sees, when the action does (embed keys, new escalations). */
  adapt?: (form: FormData) => unknown;
}

const formData = (body: FormBody): FormData => {
  const f = new FormData();
  for (const [k, v] of Object.entries(body))
    for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) f.append(k, x);
  return f;
};

/** Whether the probe's body passes the schema its action parses it with (vacuously, when none). */
export function bodyIsValid(p: WriteProbe): { ok: boolean; error?: string } {
  if (!p.schema) return { ok: true };
  const input = p.json ?? (p.adapt ? p.adapt(formData(p.form ?? {})) : (p.form ?? {}));
  const r = p.schema.safeParse(input);
  return r.success ? { ok: true } : { ok: false, error: r.error.issues.map((i) => i.message).join("; ") };
}

const escalationBody = (orderId: string) => ({
  orderId,
  category: "late_delivery",
  severity: "P2",
  title: "Probe: where is this order?",
  description: "Probe description, long enough to pass.",
  desiredOutcome: "Deliver it",
});

const escalationForm = (orderId: string): FormBody => escalationBody(orderId);

/** A complete, valid protocol proposal (the form posts every term, not only the changed ones). */
const proposalForm = (): FormBody => {
  const body: FormBody = {
    intent: "propose",
    note: "Probe proposal",
    // Accepting it would move the account's running escalations (0090): the probe carries it.
    applyToRunning: "on",
    otifFloorPct: "91",
    consecutivePeriods: "2",
    fillRateFloorPct: "95",
  };
  for (const [i, s] of (["P1", "P2", "P3", "P4"] as const).entries()) {
    body[`${s}.definition`] = `Probe definition ${s}`;
    body[`${s}.firstResponseHours`] = String(i + 1);
    body[`${s}.resolutionHours`] = String((i + 1) * 8);
    body[`${s}.leadHours`] = String((i + 1) * 4);
    body[`${s}.account_executiveHours`] = String((i + 1) * 8);
    body[`${s}.leadershipHours`] = String((i + 1) * 16);
  }
  Object.assign(body, {
    "contact.0.side": "customer",
    "contact.0.level": "lead",
    "contact.0.name": "Probe Contact",
    "contact.0.role": "Probe role",
    "contact.0.businessHours": "probe@probe.example",
    "contact.0.outOfHours": "",
    "contact.0.email": "",
  });
  return body;
};

/**
 * Form posts per route pattern. Routes with an action that takes no ids, or whose ids are
 * capabilities, say why in NO_ID_WRITES instead.
 */
export const FORM_WRITES: Record<
  string,
  (a: ProbeIds, b: { staffUserId: string; agentUserId: string }) => WriteProbe[]
> = {
  "/escalations/:id": () => [
    { intent: "reply", form: { intent: "reply", body: "Probe reply" }, schema: replySchema },
    { intent: "status", form: { intent: "status", to: "closed" }, schema: statusSchema },
    { intent: "status", form: { intent: "status", to: "in_progress" }, schema: statusSchema },
  ],
  // A satisfaction rating on A's escalation: rating another tenant's work is a write too.
  "/escalations/:id/rating": () => [
    { intent: "rate", form: { score: "1", comment: "Probe rating" }, schema: ratingSchema },
  ],
  // The protocol of the caller's own account (the tenant comes from the session); the version
  // numbers are A's too (A has a pending version 2 after populate), so only a missing tenant
  // bound could let a decision reach A's proposal.
  "/protocol": () => [
    { intent: "propose", form: proposalForm(), schema: proposalSchema, adapt: proposalFromForm },
    { intent: "accept", form: { intent: "accept", version: "2" }, schema: protocolDecisionSchema },
    { intent: "decline", form: { intent: "decline", version: "2" }, schema: protocolDecisionSchema },
    { intent: "withdraw", form: { intent: "withdraw", version: "2" }, schema: protocolDecisionSchema },
  ],
  "/escalations/new": (a) => [
    { intent: "raise", form: escalationForm(a.order), schema: newEscalationSchema, adapt: newEscalationFromForm },
  ],
  "/orders": (a) => [
    { intent: "save", form: { intent: "save", name: "Probe view", query: `site=${a.site}` } },
    { intent: "default", form: { intent: "default", viewId: a.view, value: "on" } },
    { intent: "alerts", form: { intent: "alerts", viewId: a.view, value: "off" } },
    { intent: "delete", form: { intent: "delete", viewId: a.view } },
  ],
  "/notifications": (a) => [{ intent: "read", form: { notificationId: a.notification } }],
  "/settings": (a) => [
    {
      intent: "invite",
      form: { intent: "invite", email: a.adminEmail, role: "customer_admin" },
      schema: inviteSchema,
    },
    { intent: "role", form: { intent: "role", memberId: a.member, role: "customer_viewer" } },
    { intent: "role", form: { intent: "role", memberId: a.adminUser, role: "customer_viewer" } },
    { intent: "remove", form: { intent: "remove", memberId: a.member } },
    { intent: "remove", form: { intent: "remove", memberId: a.adminUser } },
  ],
  "/settings/notifications": () => [
    { intent: "digest", form: { intent: "digest", cadence: "week" }, schema: digestSchema },
  ],
  "/settings/embed": (a) => [
    {
      intent: "create",
      form: {
        intent: "create",
        name: "Probe key",
        origins: "https://probe.example",
        scopes: ["orders:read"],
        sites: [a.site],
      },
      schema: embedKeySchema,
      adapt: embedKeyFromForm,
    },
    { intent: "revoke", form: { intent: "revoke", keyId: a.embedKey } },
  ],
  "/staff/accounts": (a) => [{ intent: "open", form: { tenantId: a.tenant } }],
  "/staff/queue": (a) => [{ intent: "dismiss", form: { intent: "dismiss", alertId: a.alert } }],
  "/staff/queue/:id": (a, s) => [
    { intent: "take", form: { intent: "take" } },
    { intent: "assign", form: { intent: "assign", assignee: s.agentUserId }, schema: assignSchema },
    { intent: "status", form: { intent: "status", to: "acknowledged" }, schema: statusSchema },
    {
      intent: "comment",
      form: { intent: "comment", body: "Probe note", visibility: "internal" },
      schema: staffCommentSchema,
    },
    {
      intent: "comment",
      form: { intent: "comment", body: "Probe reply", visibility: "public" },
      schema: staffCommentSchema,
    },
    {
      intent: "decide",
      form: { intent: "decide", approvalId: a.approval, decision: "approved", reason: "Probe approval" },
      schema: decisionSchema,
    },
    // The victim's escalation is the duplicate; the target is unknown, so only a missing tenant or
    // assignment check on the duplicate could let this write.
    { intent: "merge", form: { intent: "merge", into: "00000000-0000-4000-8000-000000000001" } },
  ],
  // Recording (or resolving with) a root cause on A's escalation.
  "/staff/queue/:id/cause": () => [
    { intent: "set", form: { intent: "set", rootCause: "other" }, schema: rootCauseSchema },
    { intent: "resolve", form: { intent: "resolve", rootCause: "carrier_delay" }, schema: rootCauseSchema },
  ],
  // Acknowledging, closing, or publishing a recovery plan on A's performance alert.
  "/staff/performance-alerts": (a) => [
    { intent: "acknowledge", form: { intent: "acknowledge", id: a.performanceAlert }, schema: performanceAlertSchema },
    { intent: "close", form: { intent: "close", id: a.performanceAlert }, schema: performanceAlertSchema },
    {
      intent: "publish",
      form: { intent: "publish", id: a.performanceAlert, plan: "Probe recovery plan" },
      schema: performanceAlertSchema,
    },
  ],
  "/staff/queue/targets": (a) => [
    {
      intent: "save",
      query: `tenant=${a.tenant}`,
      form: { intent: "save", severity: "P1", firstResponseHours: "1", resolutionHours: "4" },
      schema: targetSchema,
    },
    { intent: "reset", query: `tenant=${a.tenant}`, form: { intent: "reset", severity: "P2" } },
  ],
  "/staff/admin": (a, s) => [
    {
      intent: "create-tenant",
      form: {
        intent: "create-tenant",
        name: "Probe Tenant",
        slug: "probe-tenant",
        tier: "standard",
        timeZone: "Europe/Berlin",
        country: "DE",
      },
      schema: createTenantSchema,
    },
    {
      intent: "assign",
      form: { intent: "assign", staffUserId: s.agentUserId, tenantId: a.tenant },
      schema: assignmentSchema,
    },
    {
      intent: "unassign",
      form: { intent: "unassign", staffUserId: s.staffUserId, tenantId: a.tenant },
      schema: assignmentSchema,
    },
    { intent: "deactivate", form: { intent: "deactivate", userId: a.adminUser }, schema: userActivationSchema },
    { intent: "reactivate", form: { intent: "reactivate", userId: a.adminUser }, schema: userActivationSchema },
  ],
  "/staff/admin/ingest-keys": (a) => [
    {
      intent: "create",
      form: { intent: "create", tenantId: a.tenant, name: "Probe ERP" },
      schema: createIngestKeySchema,
    },
    {
      intent: "revoke",
      form: { intent: "revoke", tenantId: a.tenant, keyId: a.ingestKey },
      schema: revokeIngestKeySchema,
    },
    {
      intent: "interval",
      form: { intent: "interval", tenantId: a.tenant, keyId: a.ingestKey, intervalMin: "7" },
      schema: feedIntervalSchema,
    },
  ],
  "/staff/admin/targets": (a) => [
    {
      intent: "save",
      form: {
        intent: "save",
        tenantId: a.tenant,
        otifPct: "90",
        onTimePct: "92",
        inFullPct: "95",
        fillRatePct: "97",
        leadTimeHours: "40",
        onTimeToleranceDays: "0",
        inFullTolerancePct: "0",
      },
    },
    { intent: "reset", form: { intent: "reset", tenantId: a.tenant } },
  ],
  "/login": (a) => [
    { intent: "sign-in", form: { email: a.adminEmail, password: "not-the-password" }, schema: signInSchema },
  ],
  "/forgot-password": (a) => [{ intent: "reset-link", form: { email: a.adminEmail }, schema: forgotPasswordSchema }],
};

/**
 * Actions whose bodies carry no id of another tenant, with the reason. The isolation test
 * fails for a route with an action that is in neither list.
 */
export const NO_ID_WRITES: Record<string, string> = {
  "/logout": "ends the caller's own session; no ids",
  "/profile": "sets the caller's own language and time zone; takes no ids",
  "/settings/calendar":
    "writes the caller's own tenant's calendar (the tenant comes from the session); its fields hold no ids — probed with A's tenant id added",
  "/reset-password": "the reset token is the capability; probed with a token that is not A's",
  "/invitations/:invitationId": "the invitation id is the capability (the link is the secret); probed with other ids",
};

/** JSON writes per API route pattern. */
export const API_WRITES: Record<string, (a: ProbeIds) => WriteProbe[]> = {
  "/api/v1/escalations": (a) => [{ intent: "raise", json: escalationBody(a.order), schema: newEscalationSchema }],
  "/api/v1/escalations/:id/replies": () => [{ intent: "reply", json: { body: "Probe reply" }, schema: replySchema }],
  "/api/v1/embed/tokens": () => [{ intent: "mint", json: { origin: "http://127.0.0.1:3001" } }],
  "/api/v1/ingest/orders": (a) => [
    {
      intent: "ingest",
      json: {
        items: [
          {
            source: a.orderSource,
            externalId: a.orderExternalId,
            version: 99,
            orderNumber: "SO-PROBE",
            siteCode: a.siteCode,
            status: "cancelled",
            orderedAt: "2025-03-10T14:00:00Z",
            statusAt: "2025-03-10T15:00:00Z",
            currency: "USD",
            value: 1,
            lines: [{ lineNo: 1, sku: "PROBE", description: "Probe", qtyOrdered: 1, unitPrice: 1 }],
          },
        ],
      },
    },
  ],
  "/api/v1/ingest/events": (a) => [
    {
      intent: "event",
      json: {
        items: [
          {
            source: "probe",
            eventId: "EV-PROBE-1",
            orderSource: a.orderSource,
            orderExternalId: a.orderExternalId,
            type: "cancelled",
            occurredAt: "2030-01-01T00:00:00Z",
          },
        ],
      },
    },
  ],
};

/** The intents a route module's source names (hidden inputs, submit buttons, comparisons, enums). */
export function intentsInSource(source: string): string[] {
  const out = new Set<string>();
  for (const m of source.matchAll(/name="intent"\s+value="([\w-]+)"/g)) out.add(m[1]);
  for (const m of source.matchAll(/(?<!typeof\s+[\w.]*)intent\s*[!=]==\s*"([\w-]+)"/g)) out.add(m[1]);
  for (const m of source.matchAll(/intent:\s*z\.(?:enum\(\[([^\]]*)\]|literal\("([\w-]+)"\))/g)) {
    for (const v of (m[1] ?? `"${m[2]}"`).matchAll(/"([\w-]+)"/g)) out.add(v[1]);
  }
  return [...out].sort();
}
