import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { StaffEscalationPage, type StaffActionResult } from "../components/escalations/staff-detail-page";
import { fieldErrors } from "../forms/auth";
import { assignSchema, decisionSchema, staffCommentSchema, statusSchema } from "../forms/escalations";
import { requireStaff } from "../server/auth/guards.server";
import { actorFor } from "../server/escalations/actor.server";
import { addComment } from "../server/escalations/comments.server";
import { assignEscalation } from "../server/escalations/assign.server";
import { changeStatus } from "../server/escalations/workflow.server";
import { decideApproval } from "../server/escalations/approvals.server";
import { getEscalation } from "../server/escalations/detail.server";
import { listAlerts } from "../server/escalations/queue-alerts.server";
import { asEscalationError, escalationErrorText, pageFailure } from "../server/escalations/http.server";
import { staffCanSee, staffDirectory } from "../server/escalations/people.server";
import { assertSameOrigin } from "../server/http/csrf.server";
import { escalationKey } from "../domain/escalations/keys";
import { mergeEscalation } from "../server/escalations/merge.server";
import { orderContextFor } from "../server/escalations/order-context.server";
import { openEscalationsForOrder } from "../server/escalations/orders.server";
import { translator } from "#app/i18n/catalogue";
import { pageTitle } from "#app/i18n/meta";
import { getEscalationProtocol } from "#app/server/joint/protocol-escalation.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const actor = actorFor(staff, request);
  const escalation = await getEscalation(actor, params.id ?? "").catch(pageFailure);
  const tenant = { id: escalation.tenantId, timeZone: escalation.timeZone };
  const protocol = await getEscalationProtocol(actor, escalation.id);
  const [people, alerts, orderContext, sameOrder] = await Promise.all([
    staffDirectory(),
    listAlerts(actor, 50),
    orderContextFor(staff.db, tenant, escalation.orderId),
    escalation.orderId && !escalation.mergedInto
      ? openEscalationsForOrder(staff.db, escalation.tenantId, escalation.orderId, escalation.id)
      : Promise.resolve([]),
  ]);
  const assignable: { id: string; name: string }[] = [];
  for (const p of people) {
    if (await staffCanSee(p.id, escalation.tenantId)) assignable.push({ id: p.id, name: p.name });
  }
  return {
    escalation,
    assignable,
    alerts: alerts.filter(
      (a) => a.escalationId === escalation.id || (!a.escalationId && a.tenantId === escalation.tenantId),
    ),
    me: staff.user.id,
    role: staff.staffRole,
    orderContext,
    protocol,
    duplicates: sameOrder.map((d) => ({
      id: d.id,
      number: d.number,
      key: escalationKey(escalation.accountCode, d.number),
      title: d.title,
      status: d.status,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const staff = await requireStaff(request);
  const form = Object.fromEntries(await request.formData());
  const actor = actorFor(staff, request);
  const id = params.id ?? "";
  const intent = typeof form.intent === "string" ? form.intent : "";
  const t = translator(staff.user.locale ?? "en");
  const fail = (status: number, message: string | null, errors: Record<string, string> = {}) =>
    data<StaffActionResult>({ errors, message, ok: false, intent }, { status });
  const ok = (message: string) => data<StaffActionResult>({ errors: {}, message, ok: true, intent });
  try {
    switch (intent) {
      case "take":
        await assignEscalation(actor, id, "me");
        return ok(t("staff.escalation.took"));
      case "assign": {
        const parsed = assignSchema.safeParse(form);
        if (!parsed.success) return fail(400, null, fieldErrors(parsed.error));
        await assignEscalation(actor, id, parsed.data.assignee);
        return ok(t("staff.escalation.assigned"));
      }
      case "status": {
        const parsed = statusSchema.safeParse(form);
        if (!parsed.success) return fail(400, t("escalations.detail.chooseStatus"));
        await changeStatus(actor, id, parsed.data.to);
        return ok(t("staff.escalation.statusChanged"));
      }
      case "comment": {
        const parsed = staffCommentSchema.safeParse(form);
        if (!parsed.success) return fail(400, null, fieldErrors(parsed.error));
        await addComment(actor, id, parsed.data.body, parsed.data.visibility);
        return ok(t("staff.escalation.commented", { visibility: parsed.data.visibility }));
      }
      case "merge": {
        const into = typeof form.into === "string" ? form.into : "";
        await mergeEscalation(actor, id, into);
        return ok(t("staff.escalation.merged"));
      }
      case "decide": {
        const parsed = decisionSchema.safeParse(form);
        if (!parsed.success) return fail(400, null, fieldErrors(parsed.error));
        await decideApproval(actor, id, parsed.data.approvalId, parsed.data.decision, parsed.data.reason);
        return ok(t("staff.escalation.decided", { decision: parsed.data.decision }));
      }
      default:
        return fail(400, t("escalations.detail.notUnderstood"));
    }
  } catch (err) {
    const e = asEscalationError(err);
    if (!e) throw err;
    const worded = escalationErrorText(e, t, staff.user.locale ?? "en");
    return fail(e.status, worded.message, worded.fieldErrors);
  }
}

export default function StaffEscalation() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <StaffEscalationPage
      escalation={page.escalation}
      assignable={page.assignable}
      alerts={page.alerts}
      me={page.me}
      orderContext={page.orderContext}
      duplicates={page.duplicates}
      protocol={page.protocol}
      result={result}
    />
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) =>
  d
    ? pageTitle(matches, "staff.escalation.pageTitle", { key: d.escalation.key })
    : pageTitle(matches, "staff.escalation.pageTitleNone");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
