// /staff/performance-alerts — proactive performance alerts of the accounts the staff member looks
// after, with their evidence; acknowledge, close, and publish a recovery plan the customer sees
// on the SLA page (UI in app/components/joint/performance-alerts-page.tsx; service in
// app/server/joint/performance-alerts-staff.server.ts).
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { PerformanceAlertsPage, type AlertActionData } from "#app/components/joint/performance-alerts-page";
import { performanceAlertSchema } from "#app/forms/performance-alerts";
import type { MessageId } from "#app/i18n/catalogue";
import { pageTitle } from "#app/i18n/meta";
import { requireStaff } from "#app/server/auth/guards.server";
import { asEscalationError } from "#app/server/escalations/http.server";
import { assertSameOrigin } from "#app/server/http/csrf.server";
import {
  ALERT_VIEWS,
  listPerformanceAlerts,
  moveAlert,
  type AlertMove,
} from "#app/server/joint/performance-alerts-staff.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const v = new URL(request.url).searchParams.get("view");
  const view = ALERT_VIEWS.find((x) => x === v) ?? "active";
  return listPerformanceAlerts(staff, view);
}

const fail = (id: string | null, error: MessageId, status: number) =>
  data<AlertActionData>({ ok: false, id, message: null, error }, { status });

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const staff = await requireStaff(request);
  const parsed = performanceAlertSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const first = parsed.error.issues[0]?.message;
    return fail(
      null,
      first === "joint.performance.error.planRequired" ? first : "joint.performance.error.invalid",
      400,
    );
  }
  const { intent, id, plan } = parsed.data;
  if (intent === "publish" && !plan) return fail(id, "joint.performance.error.planRequired", 400);
  const move: AlertMove = intent === "publish" ? { intent, plan: plan! } : { intent };
  try {
    const message = await moveAlert(staff, request, id, move);
    return data<AlertActionData>({ ok: true, id, message, error: null });
  } catch (err) {
    const e = asEscalationError(err);
    if (!e) throw err;
    const known = e.message.startsWith("joint.performance.");
    return fail(id, known ? (e.message as MessageId) : "joint.performance.error.invalid", e.status);
  }
}

export default function StaffPerformanceAlerts() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() ?? null;
  return <PerformanceAlertsPage page={page} result={result} />;
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "joint.performance.title");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
