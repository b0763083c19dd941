// OpenAPI paths and schemas for /api/v1/escalations (assembled by app/server/api/openapi.server.ts).
// Only public fields appear: internal notes and staff-only columns are never part of a response.
import { MAX_CREDIT_AMOUNT } from "#app/domain/escalations/approval";
import {
  ESCALATION_CATEGORIES,
  ESCALATION_SEVERITIES,
  ESCALATION_STATUSES,
  SEVERITY_GUIDANCE,
} from "#app/domain/escalations/workflow";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
});
const idParam = {
  name: "id",
  in: "path",
  required: true,
  description: "The escalation id.",
  schema: { type: "string", format: "uuid" },
};
const security = [{ session: [] }, { embedToken: ["escalations:read"] }];
const writeSecurity = [{ session: [] }, { embedToken: ["escalations:write"] }];

export const paths = {
  "/api/v1/escalations": {
    get: {
      operationId: "listEscalations",
      tags: ["Escalations"],
      summary: "List the account's escalations, the least SLA time left first",
      security,
      parameters: [
        {
          name: "status",
          in: "query",
          description: "`active` = not closed; `all` (default) or one status.",
          schema: { type: "string", enum: ["active", "all", ...ESCALATION_STATUSES] },
        },
        { name: "severity", in: "query", schema: { type: "string", enum: [...ESCALATION_SEVERITIES] } },
        { name: "orderId", in: "query", schema: { type: "string", format: "uuid" } },
        {
          name: "q",
          in: "query",
          description:
            "Search: an escalation key (`ACME-12`, also `acme 12`), a number (`ESC-12`, `12`), an order number (`SO-100012`) or words of the title.",
          schema: { type: "string", maxLength: 200 },
          example: "ACME-12",
        },
        { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 500, default: 100 } },
      ],
      responses: {
        "200": {
          description: "Escalations of the caller's account.",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["data", "timeZone"],
                properties: {
                  data: { type: "array", items: ref("EscalationSummary") },
                  timeZone: { type: "string", description: "The account's IANA time zone (SLA calendar)." },
                },
              },
            },
          },
        },
        "400": problem("A filter is not valid."),
        "401": problem("Not signed in and no valid embed token."),
        "403": problem("The token lacks the escalations:read scope."),
      },
    },
    post: {
      operationId: "createEscalation",
      tags: ["Escalations"],
      summary: "Raise an escalation, optionally for an order and with an exception request",
      security: writeSecurity,
      requestBody: {
        required: true,
        content: { "application/json": { schema: ref("NewEscalation") } },
      },
      responses: {
        "201": {
          description: "Raised. `Location` names the new escalation.",
          headers: { Location: { schema: { type: "string" } } },
          content: { "application/json": { schema: ref("Escalation") } },
        },
        "400": problem("The body is not valid; `errors` names each field. Nothing was saved."),
        "401": problem("Not signed in and no valid embed token."),
        "403": problem("The token lacks the escalations:write scope."),
        "413": problem("The body is larger than 64 KiB."),
        "415": problem("The body is not JSON."),
      },
    },
  },
  "/api/v1/escalations/{id}": {
    get: {
      operationId: "getEscalation",
      tags: ["Escalations"],
      summary: "One escalation with its public replies, SLA clocks and exception outcome",
      security,
      parameters: [idParam],
      responses: {
        "200": { description: "The escalation.", content: { "application/json": { schema: ref("Escalation") } } },
        "401": problem("Not signed in and no valid embed token."),
        "404": problem("No such escalation in the caller's account."),
      },
    },
  },
  "/api/v1/escalations/{id}/replies": {
    post: {
      operationId: "replyToEscalation",
      tags: ["Escalations"],
      summary: "Add a public reply; a reply to an escalation waiting for the customer resumes its SLA clock",
      security: writeSecurity,
      parameters: [idParam],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["body"],
              additionalProperties: false,
              properties: { body: { type: "string", minLength: 1, maxLength: 10000 } },
            },
          },
        },
      },
      responses: {
        "201": {
          description: "The reply and the escalation after it.",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["reply", "escalation"],
                properties: { reply: ref("EscalationReply"), escalation: ref("Escalation") },
              },
            },
          },
        },
        "400": problem("Empty or oversized reply. Nothing was saved."),
        "401": problem("Not signed in and no valid embed token."),
        "403": problem(
          "A cookie-authenticated write from another origin (or a cross-site fetch): the same-origin rule refuses it.",
        ),
        "404": problem("No such escalation in the caller's account."),
        "409": problem("The escalation is closed; reopen it first."),
      },
    },
  },
};

const clock = {
  type: "object",
  required: ["targetMinutes", "elapsedMinutes", "remainingMinutes", "dueAt", "status"],
  properties: {
    targetMinutes: { type: "integer", description: "Target in business minutes (or wall-clock when 24x7)." },
    elapsedMinutes: { type: "integer", description: "Counted so far; pauses excluded." },
    remainingMinutes: { type: "integer", description: "Negative once breached." },
    dueAt: { type: ["string", "null"], format: "date-time", description: "Null while paused or stopped." },
    status: { type: "string", enum: ["running", "breaching_soon", "breached", "paused", "met", "missed"] },
    pausedSince: { type: ["string", "null"], format: "date-time" },
    pauseReason: { type: ["string", "null"], enum: ["awaiting_customer", "resolved", null] },
  },
};

export const schemas = {
  EscalationClock: clock,
  EscalationSummary: {
    type: "object",
    required: ["id", "number", "reference", "key", "category", "severity", "status", "title", "createdAt", "sla"],
    properties: {
      id: { type: "string", format: "uuid" },
      number: { type: "integer" },
      reference: { type: "string", example: "ESC-12", description: "The account's own numbering." },
      key: {
        type: "string",
        example: "ACME-12",
        description: "Unique across the platform: the account's short code and the number. Stable.",
      },
      orderId: { type: ["string", "null"], format: "uuid" },
      orderNumber: { type: ["string", "null"] },
      category: { type: "string", enum: [...ESCALATION_CATEGORIES] },
      severity: { type: "string", enum: [...ESCALATION_SEVERITIES] },
      status: { type: "string", enum: [...ESCALATION_STATUSES] },
      title: { type: "string" },
      ownerFirstName: { type: ["string", "null"], description: "First name of the support agent who owns it." },
      exceptionStatus: { type: "string", enum: ["none", "pending", "approved", "rejected"] },
      createdAt: { type: "string", format: "date-time" },
      updatedAt: { type: "string", format: "date-time" },
      sla: {
        type: "object",
        required: ["firstResponse", "resolution", "twentyFourSeven", "active"],
        properties: {
          firstResponse: ref("EscalationClock"),
          resolution: ref("EscalationClock"),
          twentyFourSeven: { type: "boolean" },
          active: { type: "string", enum: ["firstResponse", "resolution"] },
        },
      },
    },
  },
  Escalation: {
    allOf: [
      ref("EscalationSummary"),
      {
        type: "object",
        required: ["description", "desiredOutcome", "request", "replies", "approvals"],
        properties: {
          description: { type: "string" },
          desiredOutcome: { type: "string" },
          request: ref("ExceptionRequest"),
          raisedByName: { type: "string" },
          firstResponseAt: { type: ["string", "null"], format: "date-time" },
          resolvedAt: { type: ["string", "null"], format: "date-time" },
          closedAt: { type: ["string", "null"], format: "date-time" },
          reopenUntil: { type: ["string", "null"], format: "date-time" },
          replies: { type: "array", items: ref("EscalationReply") },
          approvals: {
            type: "array",
            items: {
              type: "object",
              properties: {
                id: { type: "string", format: "uuid" },
                decision: { type: "string", enum: ["pending", "approved", "rejected"] },
                requiredApprover: { type: "string", enum: ["support team", "support lead", "executive"] },
                reason: { type: ["string", "null"] },
                decidedAt: { type: ["string", "null"], format: "date-time" },
              },
            },
          },
        },
      },
    ],
  },
  EscalationReply: {
    type: "object",
    required: ["id", "authorName", "fromSupport", "body", "createdAt"],
    properties: {
      id: { type: "string", format: "uuid" },
      authorName: { type: "string", description: "Support staff appear by first name." },
      fromSupport: { type: "boolean" },
      body: { type: "string", description: "Plain text as typed; render it as text, never as HTML." },
      createdAt: { type: "string", format: "date-time" },
    },
  },
  ExceptionRequest: {
    type: "object",
    properties: {
      expedite: { type: "boolean" },
      creditAmount: { type: ["number", "null"], minimum: 0, maximum: MAX_CREDIT_AMOUNT },
      policyOverride: { type: ["string", "null"], maxLength: 2000 },
    },
  },
  NewEscalation: {
    type: "object",
    required: ["category", "severity", "title", "description", "desiredOutcome"],
    properties: {
      orderId: { type: ["string", "null"], format: "uuid", description: "An order of the caller's account." },
      category: { type: "string", enum: [...ESCALATION_CATEGORIES] },
      severity: {
        type: "string",
        enum: [...ESCALATION_SEVERITIES],
        description: ESCALATION_SEVERITIES.map((s) => `${s}: ${SEVERITY_GUIDANCE[s]}`).join("\n"),
      },
      title: { type: "string", minLength: 3, maxLength: 200 },
      description: { type: "string", minLength: 10, maxLength: 10000 },
      desiredOutcome: { type: "string", minLength: 3, maxLength: 4000 },
      requestExpedite: { type: "boolean", default: false },
      requestCreditAmount: {
        type: ["number", "null"],
        minimum: 0,
        maximum: MAX_CREDIT_AMOUNT,
        description: "At most two decimals. Above the tier's threshold it waits for a lead or an executive.",
      },
      requestPolicyOverride: { type: ["string", "null"], maxLength: 2000 },
    },
  },
};
