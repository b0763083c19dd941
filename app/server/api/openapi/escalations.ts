// OpenAPI paths and schemas for /api/v1/escalations (assembled by app/server/api/openapi.server.ts),
// generated from the zod schemas the handlers parse requests with (app/forms/escalations.ts) and
// type their answers by (app/server/escalations/api-schema.ts). Only public fields appear.
import { z } from "zod";
import { newEscalationSchema, replySchema } from "#app/forms/escalations";
import {
  escalationClockSchema,
  escalationListQuerySchema,
  escalationListResponseSchema,
  escalationReplyResponseSchema,
  escalationReplySchema,
  escalationSchema,
  escalationSummarySchema,
  exceptionRequestSchema,
} from "#app/server/escalations/api-schema";
import { inlineSchema, jsonBody, jsonResponse, pathId, problem, queryParameters } from "./zod";

const idParam = pathId("id", "The escalation id.");
const security = [{ session: [] }, { embedToken: ["escalations:read"] }];
const writeSecurity = [{ session: [] }, { embedToken: ["escalations:write"] }];

export const paths = {
  "/api/v1/escalations": {
    get: {
      operationId: "listEscalations",
      tags: ["Escalations"],
      summary: "List the account's escalations, the least SLA time left first",
      security,
      parameters: queryParameters(escalationListQuerySchema),
      responses: {
        "200": jsonResponse("Escalations of the caller's account.", "EscalationList"),
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
      requestBody: jsonBody("NewEscalation"),
      responses: {
        "201": jsonResponse("Raised. `Location` names the new escalation.", "Escalation", {
          Location: { schema: inlineSchema(z.string()) },
        }),
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
        "200": jsonResponse("The escalation.", "Escalation"),
        "401": problem("Not signed in and no valid embed token."),
        "403": problem("The token lacks the escalations:read scope, or the caller cannot read escalations."),
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
      requestBody: jsonBody("NewEscalationReply"),
      responses: {
        "201": jsonResponse("The reply and the escalation after it.", "EscalationReplyResult"),
        "400": problem("Empty or oversized reply. Nothing was saved."),
        "401": problem("Not signed in and no valid embed token."),
        "403": problem(
          "The token lacks the escalations:write scope, or a cookie-authenticated write came from another origin (or a cross-site fetch): the same-origin rule refuses it.",
        ),
        "404": problem("No such escalation in the caller's account."),
        "409": problem("The escalation is closed; reopen it first."),
        "413": problem("The body is larger than 64 KiB."),
        "415": problem("The body is not JSON."),
      },
    },
  },
};

export const schemas = {
  EscalationList: escalationListResponseSchema,
  EscalationClock: escalationClockSchema,
  EscalationSummary: escalationSummarySchema,
  Escalation: escalationSchema,
  EscalationReply: escalationReplySchema,
  EscalationReplyResult: escalationReplyResponseSchema,
  ExceptionRequest: exceptionRequestSchema,
};

export const requests = {
  NewEscalation: newEscalationSchema,
  NewEscalationReply: replySchema,
};
