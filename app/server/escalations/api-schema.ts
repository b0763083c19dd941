// Shapes of /api/v1/escalations answers, written once in zod: apiSummary/apiDetail
// (./api.server.ts) are typed by them and the OpenAPI document is generated from them
// (app/server/api/openapi/escalations.ts). Only public fields: no internal note, staff id,
// internal summary or alert bookkeeping.
import { z } from "zod";
import { ESCALATION_CATEGORIES, ESCALATION_SEVERITIES, ESCALATION_STATUSES } from "#app/domain/escalations/workflow";

const instant = z.iso.datetime({ offset: true });

/** The query string of GET /api/v1/escalations, as the handler parses it. */
export const escalationListQuerySchema = z.object({
  status: z
    .enum(["active", "all", ...ESCALATION_STATUSES], { message: "Unknown status filter." })
    .default("all")
    .describe("`active` = not closed; `all` (default) or one status."),
  severity: z.enum(ESCALATION_SEVERITIES, { message: "Severity must be P1, P2, P3 or P4." }).optional(),
  orderId: z.uuid("orderId must be a UUID.").optional(),
  q: z
    .string()
    .trim()
    .max(200, "q is at most 200 characters.")
    .describe(
      "Search: an escalation key (`ACME-12`, also `acme 12`), a number (`ESC-12`, `12`), an order number (`SO-100012`) or words of the title.",
    )
    .meta({ examples: ["ACME-12"] })
    .optional(),
  limit: z.coerce.number().int().min(1).max(500, "limit is at most 500.").default(100),
});

export const escalationClockSchema = z.object({
  targetMinutes: z.int().describe("Target in business minutes (or wall-clock when 24x7)."),
  elapsedMinutes: z.int().describe("Counted so far; pauses excluded."),
  remainingMinutes: z.int().describe("Negative once breached."),
  dueAt: instant.nullable().describe("Null while paused or stopped."),
  status: z.enum(["running", "breaching_soon", "breached", "paused", "met", "missed"]),
  pausedSince: instant.nullable(),
  pauseReason: z.enum(["awaiting_customer", "resolved"]).nullable(),
});

export const escalationSummarySchema = z.object({
  id: z.uuid(),
  number: z.int(),
  reference: z
    .string()
    .describe("The account's own numbering.")
    .meta({ examples: ["ESC-12"] }),
  key: z
    .string()
    .describe("Unique across the platform: the account's short code and the number. Stable.")
    .meta({ examples: ["ACME-12"] }),
  orderId: z.uuid().nullable(),
  orderNumber: z.string().nullable(),
  category: z.enum(ESCALATION_CATEGORIES),
  severity: z.enum(ESCALATION_SEVERITIES),
  status: z.enum(ESCALATION_STATUSES),
  title: z.string(),
  ownerFirstName: z.string().nullable().describe("First name of the support agent who owns it."),
  exceptionStatus: z.enum(["none", "pending", "approved", "rejected"]),
  createdAt: instant,
  updatedAt: instant,
  sla: z.object({
    firstResponse: escalationClockSchema,
    resolution: escalationClockSchema,
    twentyFourSeven: z.boolean(),
    active: z.enum(["firstResponse", "resolution"]),
  }),
});

export const exceptionRequestSchema = z.object({
  expedite: z.boolean(),
  creditAmount: z.number().nullable(),
  policyOverride: z.string().nullable(),
});

export const escalationReplySchema = z.object({
  id: z.uuid(),
  authorName: z.string().describe("Support staff appear by first name."),
  fromSupport: z.boolean(),
  body: z.string().describe("Plain text as typed; render it as text, never as HTML."),
  createdAt: instant,
});

export const escalationSchema = escalationSummarySchema.extend({
  description: z.string(),
  desiredOutcome: z.string(),
  request: exceptionRequestSchema,
  raisedByName: z.string(),
  firstResponseAt: instant.nullable(),
  resolvedAt: instant.nullable(),
  closedAt: instant.nullable(),
  reopenUntil: instant.nullable(),
  replies: z.array(escalationReplySchema),
  approvals: z.array(
    z.object({
      id: z.uuid(),
      decision: z.enum(["pending", "approved", "rejected"]),
      requiredApprover: z.enum(["support team", "support lead", "executive"]),
      reason: z.string().nullable(),
      decidedAt: instant.nullable(),
    }),
  ),
});

export const escalationListResponseSchema = z.object({
  data: z.array(escalationSummarySchema),
  timeZone: z.string().describe("The account's IANA time zone (SLA calendar)."),
});

export const escalationReplyResponseSchema = z.object({
  reply: escalationReplySchema,
  escalation: escalationSchema,
});

export type ApiClock = z.infer<typeof escalationClockSchema>;
export type ApiEscalationSummary = z.infer<typeof escalationSummarySchema>;
export type ApiEscalation = z.infer<typeof escalationSchema>;
