// The action behind /staff/admin/targets: parse, validate (same ranges as the database), save.
import { z } from "zod";
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
  | { ok: true; message: string }
  | { ok: false; tenantId: string | null; errors: Record<string, string>; message: string };

export async function targetsAction(
  staff: StaffContext,
  info: RequestInfo,
  form: FormData,
): Promise<TargetsActionResult> {
  const tenantId = String(form.get("tenantId") ?? "");
  if (!z.string().uuid().safeParse(tenantId).success) {
    return { ok: false, tenantId: null, errors: {}, message: "Choose an account." };
  }
  const intent = form.get("intent");
  if (intent === "reset") {
    const r = await setTenantTargets(staff, info, tenantId, null);
    if (r.ok && r.recompute) kickRecompute();
    return r.ok ? { ok: true, message: r.message } : { ok: false, tenantId, errors: {}, message: r.message };
  }
  if (intent !== "save") return { ok: false, tenantId, errors: {}, message: "That request was not understood." };
  const parsed = targetsForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    return { ok: false, tenantId, errors, message: "The targets were not saved: correct the fields marked below." };
  }
  const targets: SlaTargets = parsed.data;
  const invalid = validateTargets(targets);
  if (Object.keys(invalid).length) {
    return {
      ok: false,
      tenantId,
      errors: invalid as Record<string, string>,
      message: "The targets were not saved: correct the fields marked below.",
    };
  }
  const r = await setTenantTargets(staff, info, tenantId, targets);
  if (r.ok && r.recompute) kickRecompute();
  return r.ok ? { ok: true, message: r.message } : { ok: false, tenantId, errors: {}, message: r.message };
}
