import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { NewEscalationPage } from "../components/escalations/new-page";
import { fieldErrors } from "../forms/auth";
import { newEscalationFromForm, newEscalationSchema } from "../forms/escalations";
import { translator } from "../i18n/catalogue";
import { pageTitle } from "../i18n/meta";
import { requireAccount } from "../server/auth/guards.server";
import { actorFor } from "../server/escalations/actor.server";
import { atRiskOrders, openEscalationsForOrder, orderForEscalation } from "../server/escalations/orders.server";
import { createEscalation } from "../server/escalations/create.server";
import { asEscalationError, escalationErrorText } from "../server/escalations/http.server";
import { assertSameOrigin } from "../server/http/csrf.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireAccount(request);
  const orderId = new URL(request.url).searchParams.get("order");
  const order = orderId ? await orderForEscalation(ctx.db, orderId) : null;
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: ctx.tenant.timeZone }).format(new Date());
  const open = order && order.status !== "delivered" && order.status !== "cancelled";
  const late = !!(open && order.promisedDate && order.promisedDate < today);
  const openOnOrder = order ? await openEscalationsForOrder(ctx.db, ctx.tenant.id, order.id) : [];
  return {
    order,
    openOnOrder: openOnOrder.map((e) => ({ id: e.id, number: e.number, title: e.title, status: e.status })),
    atRisk: order ? [] : await atRiskOrders(ctx.db, ctx.tenant.timeZone),
    orderMissing: !!orderId && !order,
    late,
    tenantName: ctx.tenant.name,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const ctx = await requireAccount(request);
  const form = await request.formData();
  const t = translator(ctx.user.locale ?? "en");
  const parsed = newEscalationSchema.safeParse(newEscalationFromForm(form));
  if (!parsed.success) {
    return data({ errors: fieldErrors(parsed.error), message: t("escalations.new.correctFields") }, { status: 400 });
  }
  // A second escalation about an order that already has an open one is usually a duplicate: ask once.
  if (parsed.data.orderId && form.get("duplicateConfirmed") !== "yes") {
    const open = await openEscalationsForOrder(ctx.db, ctx.tenant.id, parsed.data.orderId);
    if (open.length) {
      return data(
        {
          errors: {
            duplicateConfirmed: t("escalations.new.duplicateTick"),
          },
          message: t("escalations.new.duplicateMessage", { number: String(open[0].number) }),
        },
        { status: 409 },
      );
    }
  }
  try {
    const created = await createEscalation(actorFor(ctx, request), parsed.data);
    return redirect(`/escalations/${created.id}?raised=1`);
  } catch (err) {
    const e = asEscalationError(err);
    if (!e) throw err;
    const worded = escalationErrorText(e, t, ctx.user.locale ?? "en");
    return data({ errors: worded.fieldErrors, message: worded.message }, { status: e.status });
  }
}

export default function NewEscalation() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return <NewEscalationPage {...page} result={result} />;
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "escalations.new.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
