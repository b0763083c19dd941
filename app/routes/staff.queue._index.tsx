import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { QueuePage } from "../components/staff/queue-page";
import { pageTitle } from "../i18n/meta";
import { LEAD_WINDOWS } from "../domain/escalations/lead-metrics";
import { RecurringDrillNote } from "../components/joint/recurring-drill-note";
import { parseRecurringFilter } from "../domain/joint/recurring";
import { ESCALATION_SEVERITIES, ESCALATION_STATUSES } from "../domain/escalations/workflow";
import { requireStaff } from "../server/auth/guards.server";
import { actorFor } from "../server/escalations/actor.server";
import { dismissAlert, listAlerts } from "../server/escalations/queue-alerts.server";
import { listEscalations, type ListFilters } from "../server/escalations/list.server";
import { asEscalationError, escalationErrorText } from "../server/escalations/http.server";
import { translator } from "#app/i18n/catalogue";
import { staffDirectory } from "../server/escalations/people.server";
import { assertSameOrigin } from "../server/http/csrf.server";
import { visibleAccounts } from "../server/staff/accounts.server";

const filterSchema = z.object({
  status: z.enum(["active", "all", ...ESCALATION_STATUSES]).catch("active"),
  severity: z.enum(ESCALATION_SEVERITIES).optional().catch(undefined),
  tenant: z.uuid().optional().catch(undefined),
  tier: z.enum(["strategic", "key", "standard"]).optional().catch(undefined),
  assignee: z.string().max(100).optional().catch(undefined),
  sla: z.enum(["breaching_soon", "breached", "at_risk"]).optional().catch(undefined),
  attention: z.literal("1").optional().catch(undefined),
  breached: z.literal("week").optional().catch(undefined),
  answered: z.enum(LEAD_WINDOWS).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const url = new URL(request.url);
  const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ""));
  const f = filterSchema.parse(raw);
  const actor = actorFor(staff, request);
  const filters: ListFilters = {
    status: f.status,
    severity: f.severity,
    tenantId: f.tenant,
    tier: f.tier,
    assignee: f.assignee,
    sla: f.sla,
    attention: f.attention === "1",
    breached: f.breached,
    answered: f.answered,
    q: f.q,
    // A recurring-failure count's drill-down (/staff/recurring): exactly the escalations it counted.
    recurring: parseRecurringFilter(url.searchParams) ?? undefined,
    limit: 500,
  };
  const [escalations, alerts, accounts, people] = await Promise.all([
    listEscalations(actor, filters),
    listAlerts(actor, 20),
    visibleAccounts(staff),
    staffDirectory(),
  ]);
  return {
    escalations,
    alerts,
    accounts: accounts.map((a) => ({ id: a.id, name: a.name, tier: a.tier })),
    people: people.map((p) => ({ id: p.id, name: p.name })),
    filters: f,
    recurring: filters.recurring
      ? { from: filters.recurring.from.toISOString(), to: filters.recurring.to.toISOString() }
      : null,
    me: staff.user.id,
    isAdmin: staff.staffRole === "platform_admin",
    isLead: staff.staffRole !== "support_agent",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const staff = await requireStaff(request);
  const form = Object.fromEntries(await request.formData());
  const locale = staff.user.locale ?? "en";
  const t = translator(locale);
  if (form.intent !== "dismiss" || typeof form.alertId !== "string") {
    return data({ message: t("escalations.detail.notUnderstood"), ok: false }, { status: 400 });
  }
  try {
    await dismissAlert(actorFor(staff, request), form.alertId);
    return data({ message: t("staff.queue.alertDismissed"), ok: true });
  } catch (err) {
    const e = asEscalationError(err);
    if (!e) throw err;
    return data({ message: escalationErrorText(e, t, locale).message, ok: false }, { status: e.status });
  }
}

export default function Queue() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      {d.recurring ? <RecurringDrillNote {...d.recurring} /> : null}
      <QueuePage {...d} />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "staff.queue.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
