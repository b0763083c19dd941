// Turning escalation service failures into HTTP answers: readable pages for the portal,
// problem+json for /api/v1. Database refusals (a policy, a trigger, a check constraint) that
// slip past validation become 403/400 rather than 500; anything else is rethrown (a real 500).
import type { MessageId } from "#app/i18n/catalogue";
import type { Locale } from "#app/i18n/locales";
import type { Translate } from "#app/i18n/translate";
import { pageProblem } from "#app/i18n/page-problem";
import { problem, type ProblemTitle } from "../http/problem.server";
import { EscalationError } from "./actor.server";

/**
 * The services' fixed refusals and their catalogue messages: the API answers with the English
 * detail (on purpose), pages with the reader's wording (escalationErrorText). Keep the two in step
 * when a service gains a refusal; one not listed reads as a general refusal outside English.
 */
// Sentences with details in them (a reference, a status) are thrown with their own catalogue id
// and values (EscalationError's `words`) instead.
const ERROR_IDS: Record<string, MessageId> = {
  "Only support staff can decide exception requests.": "escalations.error.onlyStaffDecide",
  "There is no such exception request.": "escalations.error.noSuchRequest",
  "Only staff can assign escalations.": "escalations.error.onlyStaffAssign",
  "That person cannot work on this account. Choose someone assigned to it, or a lead.":
    "escalations.error.assigneeNotOnAccount",
  "That person cannot work on this account.": "escalations.error.assigneeField",
  "Customers can only add public replies.": "escalations.error.customerPublicOnly",
  "This escalation is closed. Reopen it to add information, or raise a new one.": "escalations.error.closedNoComments",
  "Only staff can edit the internal summary.": "escalations.error.onlyStaffSummary",
  "Open the customer account first, then raise the escalation there.": "escalations.error.openAccountFirst",
  "That account does not exist or you cannot see it.": "escalations.error.noSuchAccountVisible",
  "That order was not found in your account.": "escalations.error.orderNotFound",
  "You are not allowed to do that.": "escalations.error.notAllowed",
  "Some of the values are not acceptable. Check the form and try again.": "escalations.error.valuesRejected",
  "Only support staff can merge escalations.": "escalations.error.onlyStaffMerge",
  "An escalation cannot be merged into itself.": "escalations.error.mergeSelf",
  "There is no such escalation in this account. Merge only escalations of the same account.":
    "escalations.error.mergeOtherAccount",
  "Only staff can dismiss alerts.": "escalations.error.onlyStaffDismiss",
  "There is no such alert.": "escalations.error.noSuchAlert",
  "There is no such escalation, or you cannot see it.": "escalations.error.noSuchEscalation",
  "There is no such account.": "escalations.error.noSuchAccount",
  "Only platform admins can change an account's SLA targets.": "escalations.error.onlyAdminsTargets",
};

/** The catalogue id of a fixed refusal (or of a service that throws ids), else null. */
function knownId(text: string): MessageId | null {
  // Some services throw catalogue ids ("joint.protocol.error.stale") rather than sentences.
  if (/^[a-z-]+\.[A-Za-z.]+$/.test(text)) return text as MessageId;
  return ERROR_IDS[text] ?? null;
}

/** A sentence with details in it (a status, a reference): the general refusal for its kind. */
const generalId = (status: number): MessageId =>
  status === 409 ? "escalations.error.conflict" : "escalations.error.refused";

/** A refusal's text in the reader's language (field errors likewise). */
function wordOne(text: string, status: number, t: Translate<MessageId>, locale: Locale): string {
  const id = knownId(text);
  if (id) return t(id);
  if (locale === "en") return text;
  return t(generalId(status));
}

/** What a page shows for an expected failure: the message and field errors, in the reader's words. */
export function escalationErrorText(
  e: EscalationError,
  t: Translate<MessageId>,
  locale: Locale,
): { message: string; fieldErrors: Record<string, string> } {
  return {
    message: e.words ? t(e.words.id, e.words.values) : wordOne(e.message, e.status, t, locale),
    fieldErrors: Object.fromEntries(
      Object.entries(e.fieldErrors).map(([k, v]) => [k, wordOne(v, e.status, t, locale)]),
    ),
  };
}

/** The catalogue ids the table uses (a test checks each exists in every locale). */
export const ESCALATION_ERROR_IDS: readonly MessageId[] = Object.values(ERROR_IDS);

// The catalogued problem titles (the caller reads them in their language, see problem()).
const TITLES: Record<number, ProblemTitle> = {
  400: "Bad request",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
};

function sqlState(err: unknown): string | null {
  for (let e: unknown = err, i = 0; e && typeof e === "object" && i < 4; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

/** An expected failure as an EscalationError, or null when the error is not one. */
export function asEscalationError(err: unknown): EscalationError | null {
  if (err instanceof EscalationError) return err;
  const code = sqlState(err);
  if (code === "42501") return new EscalationError(403, "You are not allowed to do that.");
  if (code === "23514" || code === "22001" || code === "22P02" || code === "22003") {
    return new EscalationError(400, "Some of the values are not acceptable. Check the form and try again.");
  }
  return null;
}

/** For API routes: the problem+json Response of an expected failure; rethrows anything else. */
export function escalationProblem(err: unknown): Response {
  const e = asEscalationError(err);
  if (!e) throw err;
  return problem({
    status: e.status,
    title: TITLES[e.status] ?? "Error",
    detail: e.message,
    extra: Object.keys(e.fieldErrors).length ? { errors: e.fieldErrors } : undefined,
  });
}

/** For loaders: a thrown Response (404/403 page) for an expected failure; rethrows anything else. */
export function pageFailure(err: unknown): never {
  const e = asEscalationError(err);
  if (!e) throw err;
  if (e.words) throw pageProblem(e.status, e.words.id, e.words.values);
  const id = knownId(e.message);
  throw id ? pageProblem(e.status, id) : pageProblem(e.status, generalId(e.status), undefined, e.message);
}
