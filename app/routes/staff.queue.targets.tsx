// Escalation SLA targets per account (platform admins): the tier's defaults per severity, or the
// account contract's own.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { EscalationTargetsPage, type EscalationTargetsResult } from "../components/staff/escalation-targets-page";
import { targetSchema } from "../forms/escalations";
import type { MessageId } from "../i18n/catalogue";
import { localized } from "../i18n/localized";
import { pageTitle } from "../i18n/meta";
import { requireStaff } from "../server/auth/guards.server";
import { asEscalationError, pageFailure } from "../server/escalations/http.server";
import { accountTargets, saveTarget } from "../server/escalations/targets.server";
import { assertSameOrigin } from "../server/http/csrf.server";
import { requestInfo } from "../server/http/request-info.server";
import { visibleAccounts } from "../server/staff/accounts.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, "platform_admin");
  const accounts = (await visibleAccounts(staff)).map((a) => ({ id: a.id, name: a.name, tier: a.tier }));
  const selected = new URL(request.url).searchParams.get("tenant") ?? accounts[0]?.id ?? null;
  const current = selected ? await accountTargets(staff, selected).catch(pageFailure) : null;
  return { accounts, current };
}

/** Each field's message in the reader's language (the schema's own texts are English). */
const FIELD_ERRORS: Record<string, MessageId> = {
  firstResponseHours: "staff.escTargets.error.firstResponseHours",
  resolutionHours: "staff.escTargets.error.resolutionHours",
};

function result(severity: string, r: Partial<EscalationTargetsResult> & { ok: boolean }, status = 200) {
  return data({ severity, message: null, errors: {}, ...r } satisfies EscalationTargetsResult, { status });
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const staff = await requireStaff(request, "platform_admin");
  const tenantId = new URL(request.url).searchParams.get("tenant") ?? "";
  const form = Object.fromEntries(await request.formData());
  const severity = typeof form.severity === "string" ? form.severity : "";
  try {
    if (form.intent === "reset") {
      const parsed = targetSchema.shape.severity.safeParse(severity);
      if (!parsed.success)
        return result(severity, { ok: false, message: localized("staff.escTargets.chooseSeverity") }, 400);
      await saveTarget(staff, requestInfo(request), tenantId, parsed.data, null);
      return result(severity, { ok: true, message: localized("staff.escTargets.reset", { severity: parsed.data }) });
    }
    // "0,5" is how German and many other readers write half an hour ("1,000" stays a thousand).
    const decimal = (v: unknown) => (typeof v === "string" && /^\s*\d+,\d{1,2}\s*$/.test(v) ? v.replace(",", ".") : v);
    const parsed = targetSchema.safeParse({
      ...form,
      firstResponseHours: decimal(form.firstResponseHours),
      resolutionHours: decimal(form.resolutionHours),
    });
    if (!parsed.success) {
      const errors: Record<string, MessageId> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        if (errors[field]) continue;
        if (issue.code === "custom") errors[field] = "staff.escTargets.error.resolutionShorter";
        else if (FIELD_ERRORS[field]) errors[field] = FIELD_ERRORS[field];
      }
      if (!Object.keys(errors).length)
        return result(severity, { ok: false, message: localized("staff.escTargets.chooseSeverity") }, 400);
      return result(severity, { ok: false, errors }, 400);
    }
    const t = parsed.data;
    await saveTarget(staff, requestInfo(request), tenantId, t.severity, {
      firstResponseMinutes: t.firstResponseHours,
      resolutionMinutes: t.resolutionHours,
      twentyFourSeven: t.twentyFourSeven === "on",
    });
    return result(severity, { ok: true, message: localized("staff.escTargets.saved", { severity: t.severity }) });
  } catch (err) {
    const e = asEscalationError(err);
    if (!e) throw err;
    return result(
      severity,
      { ok: false, message: localized("staff.escTargets.failed", { status: String(e.status) }) },
      e.status,
    );
  }
}

export default function Targets() {
  const { accounts, current } = useLoaderData<typeof loader>();
  return <EscalationTargetsPage accounts={accounts} current={current} result={useActionData<typeof action>()} />;
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "staff.escTargets.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
