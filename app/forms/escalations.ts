// Escalation form schemas, shared by the pages, the API and the services (the real check).
import { z } from "zod";
import { createFormatter } from "../i18n/format";
import { MAX_CREDIT_AMOUNT } from "../domain/escalations/approval";
import {
  ESCALATION_CATEGORIES,
  ESCALATION_SEVERITIES,
  ESCALATION_STATUSES,
  SEVERITY_GUIDANCE,
} from "../domain/escalations/workflow";

// Control characters (NUL above all: PostgreSQL text cannot hold it) are dropped; newlines and
// tabs stay. HTML is kept as typed and rendered as text everywhere.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

// These messages answer the API as well as the pages: English, with numbers through the one formatter.
const count = (n: number) => createFormatter("en", "UTC").number(n, 0);

const text = (label: string, min: number, max: number) =>
  z
    .string({ message: `Enter ${label}.` })
    .transform((s) => s.replace(CONTROL, "").trim())
    .pipe(
      z
        .string()
        .min(min, min <= 1 ? `Enter ${label}.` : `Enter ${label} (at least ${min} characters).`)
        .max(max, `Keep ${label} to ${count(max)} characters or fewer.`),
    )
    // The OpenAPI document shows the limits on the text as sent (control characters and the
    // surrounding white space are dropped before they apply).
    .meta({ minLength: min, maxLength: max });

const optionalText = (label: string, max: number) =>
  z
    .string()
    .transform((s) => s.replace(CONTROL, "").trim())
    .pipe(z.string().max(max, `Keep ${label} to ${count(max)} characters or fewer.`))
    .nullish()
    .transform((s) => (s ? s : null))
    .meta({ maxLength: max });

export const creditAmount = z
  .number({ message: "Enter the credit as a number, like 1500 or 1500.50." })
  .finite("Enter the credit as a number, like 1500 or 1500.50.")
  .min(0, "A credit cannot be negative.")
  .max(
    MAX_CREDIT_AMOUNT,
    `A credit above ${count(MAX_CREDIT_AMOUNT)} cannot be requested here; contact your account manager.`,
  )
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, "Use at most two decimal places.")
  .nullish()
  .transform((n) => (n ? n : null))
  .describe("At most two decimals. Above the tier's threshold it waits for a lead or an executive.");

export const newEscalationSchema = z.object({
  orderId: z
    .string()
    .trim()
    .nullish()
    .transform((s) => (s ? s : null))
    .pipe(z.uuid("That order reference is not valid.").nullable())
    .describe("An order of the caller's account (its id)."),
  category: z.enum(ESCALATION_CATEGORIES, { message: "Choose what the problem is about." }),
  severity: z
    .enum(ESCALATION_SEVERITIES, { message: "Choose a severity from P1 to P4." })
    .describe(ESCALATION_SEVERITIES.map((s) => `${s}: ${SEVERITY_GUIDANCE[s]}`).join("\n")),
  title: text("a short summary", 3, 200),
  description: text("a description of the problem", 10, 10_000),
  desiredOutcome: text("the outcome you need", 3, 4_000),
  requestExpedite: z.boolean({ message: "Expedite must be true or false." }).default(false),
  requestCreditAmount: creditAmount,
  requestPolicyOverride: optionalText("the policy override", 2_000),
});
export type NewEscalationInput = z.infer<typeof newEscalationSchema>;

export const replySchema = z.object({
  body: text("a message", 1, 10_000),
});

export const staffCommentSchema = z.object({
  body: text("a message", 1, 10_000),
  visibility: z.enum(["public", "internal"], { message: "Choose a public reply or an internal note." }),
});

export const statusSchema = z.object({
  to: z.enum(ESCALATION_STATUSES, { message: "Choose a valid status." }),
});

export const decisionSchema = z.object({
  approvalId: z.uuid("That approval request is not valid."),
  decision: z.enum(["approved", "rejected"], { message: "Choose approve or reject." }),
  reason: text("a reason for the decision", 3, 2_000),
});

export const assignSchema = z.object({
  assignee: z.string().trim().min(1, "Choose someone.").max(100),
});

/** Form posts carry strings; turn them into what newEscalationSchema expects. */
export function newEscalationFromForm(form: FormData): Record<string, unknown> {
  const raw = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  const credit = raw("requestCreditAmount")?.replace(/[\s,]/g, "") ?? "";
  return {
    orderId: raw("orderId"),
    category: raw("category"),
    severity: raw("severity"),
    title: raw("title"),
    description: raw("description"),
    desiredOutcome: raw("desiredOutcome"),
    requestExpedite: form.get("requestExpedite") === "on",
    // Non-numbers stay strings so the schema reports them instead of silently dropping them.
    requestCreditAmount: credit === "" ? null : Number.isFinite(Number(credit)) ? Number(credit) : credit,
    requestPolicyOverride: raw("requestPolicyOverride") ?? null,
  };
}

const hours = (label: string, max: number) =>
  z.coerce
    .number({ message: `Enter the ${label} in hours, like 4 or 0.5.` })
    .finite(`Enter the ${label} in hours, like 4 or 0.5.`)
    .min(0.25, `The ${label} must be at least a quarter of an hour.`)
    .max(max, `The ${label} can be at most ${max} hours.`)
    .transform((h) => Math.round(h * 60));

/** A platform admin's per-account override of one severity's targets (hours in the form). */
export const targetSchema = z
  .object({
    severity: z
      .enum(ESCALATION_SEVERITIES, { message: "Choose a severity from P1 to P4." })
      .describe(ESCALATION_SEVERITIES.map((s) => `${s}: ${SEVERITY_GUIDANCE[s]}`).join("\n")),
    firstResponseHours: hours("first response target", 1_000),
    resolutionHours: hours("resolution target", 10_000),
    twentyFourSeven: z.literal("on").optional(),
  })
  .refine((t) => t.resolutionHours >= t.firstResponseHours, {
    message: "The resolution target cannot be shorter than the first response target.",
    path: ["resolutionHours"],
  });
