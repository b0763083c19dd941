// The action behind /staff/admin/targets: parse, validate (same ranges as the database), save.
import { z } from "zod";
import type { MessageId } from "#app/i18n/catalogue";
import { localized, type Localized } from "#app/i18n/localized";
import { validateTargets, type SlaTargets } from "#app/domain/sla/targets";
import type { StaffContext } from "../auth/guards.server";
import type { RequestInfo } from "../http/request-info.server";
import { kickRecompute } from "./metrics.server";
import { setTenantTargets } from "./targets.server";

const num = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${label}.`)
    .refine((v) => /^-?\d+(\.\d+)?$/.test(v), `${label[0].toUpperCase()}${label.slice(1)} must be a number.`)
    .transform(Number);

const targetsForm = z.object({
  otifPct: num("an OTIF target"),
  onTimePct: num("an on-time target"),
  inFullPct: num("an in-full target"),
  fillRatePct: num("a fill-rate target"),
  leadTimeHours: num("a lead-time target"),
  onTimeToleranceDays: num("an on-time tolerance"),
  inFullTolerancePct: num("an in-full tolerance"),
});

export type TargetsActionResult =
  | { ok: true; message: Localized }
  | { ok: false; tenantId: string | null; errors: Record<string, MessageId>; message: Localized };

/** Each field's message in the reader's language, whether it was not a number or out of range. */
const FIELD_ERRORS: Record<keyof SlaTargets, MessageId> = {
  otifPct: "admin.slaTargets.error.percent",
  onTimePct: "admin.slaTargets.error.percent",
  inFullPct: "admin.slaTargets.error.percent",
  fillRatePct: "admin.slaTargets.error.percent",
  leadTimeHours: "admin.slaTargets.error.leadTimeHours",
  onTimeToleranceDays: "admin.slaTargets.error.onTimeToleranceDays",
  inFullTolerancePct: "admin.slaTargets.error.inFullTolerancePct",
};

function fieldErrors(fields: string[]): Record<string, MessageId> {
  return Object.fromEntries(
    fields.filter((f): f is keyof SlaTargets => f in FIELD_ERRORS).map((f) => [f, FIELD_ERRORS[f]]),
  );
}

export async function targetsAction(
  staff: StaffContext,
  info: RequestInfo,
  form: FormData,
): Promise<TargetsActionResult> {
  const tenantId = String(form.get("tenantId") ?? "");
  if (!z.string().uuid().safeParse(tenantId).success) {
    return { ok: false, tenantId: null, errors: {}, message: localized("admin.slaTargets.chooseAccount") };
  }
  const intent = form.get("intent");
  if (intent === "reset") {
    const r = await setTenantTargets(staff, info, tenantId, null);
    if (r.ok && r.recompute) kickRecompute();
    return r.ok ? { ok: true, message: r.message } : { ok: false, tenantId, errors: {}, message: r.message };
  }
  if (intent !== "save")
    return { ok: false, tenantId, errors: {}, message: localized("admin.slaTargets.notUnderstood") };
  // "97,5" is how German and many other readers write a decimal ("1,000" stays a thousand, refused).
  const values = Object.fromEntries(
    [...form].map(([k, v]) => [k, typeof v === "string" && /^\s*-?\d+,\d{1,2}\s*$/.test(v) ? v.replace(",", ".") : v]),
  );
  const parsed = targetsForm.safeParse(values);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error.issues.map((i) => String(i.path[0])));
    return { ok: false, tenantId, errors, message: localized("admin.slaTargets.notSaved") };
  }
  const targets: SlaTargets = parsed.data;
  const invalid = validateTargets(targets);
  if (Object.keys(invalid).length) {
    return {
      ok: false,
      tenantId,
      errors: fieldErrors(Object.keys(invalid)),
      message: localized("admin.slaTargets.notSaved"),
    };
  }
  const r = await setTenantTargets(staff, info, tenantId, targets);
  if (r.ok && r.recompute) kickRecompute();
  return r.ok ? { ok: true, message: r.message } : { ok: false, tenantId, errors: {}, message: r.message };
}
