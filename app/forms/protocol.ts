// The escalation protocol forms: a proposal (the whole set of terms, flat form fields such as
// "P2.resolutionHours" or "contact.0.name") and a decision on the pending proposal. Times are
// entered in business hours and stored in minutes. Error messages are catalogue ids (joint area).
import { z } from "zod";
import { PROTOCOL_LEVELS, PROTOCOL_SIDES, termsProblems, type ProtocolTerms } from "../domain/joint/protocol";
import { ESCALATION_SEVERITIES } from "../domain/escalations/workflow";

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
export const MAX_CONTACTS = 24;
/** Blank contact rows the proposal form offers below the existing ones. */
export const BLANK_CONTACT_ROWS = 2;

const text = (max: number, message: string) =>
  z
    .string({ message })
    .transform((s) => s.replace(CONTROL, "").trim())
    .pipe(z.string().max(max, message));

const hours = z
  .string({ message: "joint.protocol.error.hours" })
  .trim()
  .regex(/^\d{1,4}([.,]\d{1,2})?$/, "joint.protocol.error.hours")
  .transform((s) => Math.round(Number(s.replace(",", ".")) * 60))
  .pipe(
    z
      .number()
      .int()
      .min(1, "joint.protocol.error.hours")
      .max(60 * 24 * 90, "joint.protocol.error.hours"),
  );

const percent = z
  .string({ message: "joint.protocol.error.percent" })
  .trim()
  .regex(/^\d{1,3}([.,]\d{1,2})?$/, "joint.protocol.error.percent")
  .transform((s) => Number(s.replace(",", ".")))
  .pipe(z.number().min(1, "joint.protocol.error.percent").max(100, "joint.protocol.error.percent"));

const severityFields = z.object({
  definition: text(500, "joint.protocol.error.definition").pipe(z.string().min(3, "joint.protocol.error.definition")),
  firstResponseHours: hours,
  resolutionHours: hours,
  twentyFourSeven: z.literal("on").optional(),
  leadHours: hours,
  account_executiveHours: hours,
  leadershipHours: hours,
});

const contact = z.object({
  side: z.enum(PROTOCOL_SIDES, { message: "joint.protocol.error.contact" }),
  level: z.enum(PROTOCOL_LEVELS, { message: "joint.protocol.error.contact" }),
  name: text(120, "joint.protocol.error.contact").pipe(z.string().min(2, "joint.protocol.error.contact")),
  role: text(120, "joint.protocol.error.contact").pipe(z.string().min(2, "joint.protocol.error.contact")),
  businessHours: text(200, "joint.protocol.error.contact").pipe(z.string().min(3, "joint.protocol.error.contact")),
  outOfHours: text(200, "joint.protocol.error.contact"),
  email: text(254, "joint.protocol.error.email").pipe(
    z.union([z.literal(""), z.string().email("joint.protocol.error.email")]),
  ),
});

/** The nested shape a proposal form turns into (see proposalFromForm). */
export const proposalSchema = z
  .object({
    intent: z.literal("propose"),
    note: text(2000, "joint.protocol.error.note"),
    /** The proposer's choice: accepting it also moves the account's running escalations. */
    applyToRunning: z.literal("on", { message: "joint.protocol.error.invalid" }).optional(),
    severities: z.object(
      Object.fromEntries(ESCALATION_SEVERITIES.map((s) => [s, severityFields])) as Record<
        (typeof ESCALATION_SEVERITIES)[number],
        typeof severityFields
      >,
    ),
    // Keyed by the row's number in the form, so an error names the row the person typed in.
    contact: z
      .record(z.string().regex(/^\d{1,2}$/), contact)
      .refine((c) => Object.keys(c).length <= MAX_CONTACTS, "joint.protocol.error.contacts"),
    otifFloorPct: percent,
    fillRateFloorPct: percent,
    consecutivePeriods: z
      .string({ message: "joint.protocol.error.periods" })
      .trim()
      .regex(/^\d{1,2}$/, "joint.protocol.error.periods")
      .transform(Number)
      .pipe(z.number().int().min(1, "joint.protocol.error.periods").max(12, "joint.protocol.error.periods")),
  })
  .transform((p): { note: string | null; terms: ProtocolTerms; applyToRunning: boolean } => ({
    note: p.note || null,
    applyToRunning: p.applyToRunning === "on",
    terms: {
      severities: Object.fromEntries(
        ESCALATION_SEVERITIES.map((s) => {
          const f = p.severities[s];
          return [
            s,
            {
              definition: f.definition,
              firstResponseMinutes: f.firstResponseHours,
              resolutionMinutes: f.resolutionHours,
              twentyFourSeven: f.twentyFourSeven === "on",
              levelAfterMinutes: {
                lead: f.leadHours,
                account_executive: f.account_executiveHours,
                leadership: f.leadershipHours,
              },
            },
          ];
        }),
      ) as ProtocolTerms["severities"],
      contacts: Object.entries(p.contact)
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([, c]) => c),
      review: {
        otifFloorPct: p.otifFloorPct,
        consecutivePeriods: p.consecutivePeriods,
        fillRateFloorPct: p.fillRateFloorPct,
      },
    },
  }))
  .superRefine((p, ctx) => {
    for (const path of termsProblems(p.terms)) {
      const [, severity, field] = path.split(".");
      ctx.addIssue({
        code: "custom",
        path: ["severities", severity, field === "firstResponseMinutes" ? "firstResponseHours" : "leadHours"],
        message:
          field === "firstResponseMinutes"
            ? "joint.protocol.error.responseAfterResolution"
            : "joint.protocol.error.levelOrder",
      });
    }
  });

export type Proposal = z.output<typeof proposalSchema>;

/**
 * Flat form fields to the nested shape: "P2.resolutionHours" → severities.P2.resolutionHours,
 * "contact.3.name" → contact["3"].name; contact rows left blank (no name) are dropped.
 */
export function proposalFromForm(form: FormData | Record<string, unknown>): unknown {
  const entries = form instanceof FormData ? [...form.entries()] : Object.entries(form);
  const severities: Record<string, Record<string, unknown>> = {};
  const contacts = new Map<number, Record<string, unknown>>();
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    const sev = /^(P[1-4])\.(\w+)$/.exec(k);
    const con = /^contact\.(\d{1,2})\.(\w+)$/.exec(k);
    if (sev) (severities[sev[1]] ??= {})[sev[2]] = v;
    else if (con) {
      const i = Number(con[1]);
      if (!contacts.has(i)) contacts.set(i, {});
      contacts.get(i)![con[2]] = v;
    } else out[k] = v;
  }
  out.severities = severities;
  out.contact = Object.fromEntries(
    [...contacts.entries()].filter(([, c]) => typeof c.name === "string" && c.name.trim() !== ""),
  );
  out.note ??= "";
  return out;
}

/** Accept, decline or withdraw the pending proposal (its version number guards against a stale page). */
export const decisionSchema = z.object({
  intent: z.enum(["accept", "decline", "withdraw"], { message: "joint.protocol.error.invalid" }),
  version: z
    .string({ message: "joint.protocol.error.invalid" })
    .regex(/^\d{1,6}$/, "joint.protocol.error.invalid")
    .transform(Number),
});
