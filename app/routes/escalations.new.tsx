import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { TextAreaField } from "../components/escalations";
import { Alert, Badge, Button, Card, PageHeader, SelectField, TextField } from "../components/ui";
import {
  CATEGORY_LABELS,
  ESCALATION_CATEGORIES,
  ESCALATION_SEVERITIES,
  SEVERITY_GUIDANCE,
} from "../domain/escalations/workflow";
import { fieldErrors } from "../forms/auth";
import { newEscalationFromForm, newEscalationSchema } from "../forms/escalations";
import { requireAccount } from "../server/auth/guards.server";
import { actorFor } from "../server/escalations/actor.server";
import { atRiskOrders, openEscalationsForOrder, orderForEscalation } from "../server/escalations/orders.server";
import { createEscalation } from "../server/escalations/create.server";
import { asEscalationError } from "../server/escalations/http.server";
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
  const parsed = newEscalationSchema.safeParse(newEscalationFromForm(form));
  if (!parsed.success) {
    return data(
      { errors: fieldErrors(parsed.error), message: "Please correct the highlighted fields." },
      { status: 400 },
    );
  }
  // A second escalation about an order that already has an open one is usually a duplicate: ask once.
  if (parsed.data.orderId && form.get("duplicateConfirmed") !== "yes") {
    const open = await openEscalationsForOrder(ctx.db, ctx.tenant.id, parsed.data.orderId);
    if (open.length) {
      return data(
        {
          errors: {
            duplicateConfirmed: "Tick the box to raise a separate escalation, or add to the open one instead.",
          },
          message: `ESC-${open[0].number} is already open about this order. Add to it, or confirm that this is a separate problem.`,
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
    return data({ errors: e.fieldErrors, message: e.message }, { status: e.status });
  }
}

export default function NewEscalation() {
  const { order, openOnOrder, atRisk, orderMissing, late, tenantName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const defaultTitle = order
    ? late
      ? `Order ${order.orderNumber} is late`
      : `Problem with order ${order.orderNumber}`
    : "";
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Raise an escalation"
        description={`Tell the support team what went wrong for ${tenantName}. You will see who owns it and the time left to respond, in your business hours.`}
      />
      {orderMissing ? (
        <div className="mb-4">
          <Alert tone="info">
            That order was not found in your account, so this escalation is not linked to an order.
          </Alert>
        </div>
      ) : null}
      {actionData?.message ? (
        <div className="mb-4">
          <Alert>{actionData.message}</Alert>
        </div>
      ) : null}
      {atRisk.length ? (
        <Card className="mb-6">
          <h2 className="text-base font-semibold">Is it about one of these orders?</h2>
          <p className="mt-1 text-sm text-slate-600">
            These open orders are past or close to their promised date. Choose one to fill in the form for it.
          </p>
          <ul className="mt-3 divide-y divide-slate-100 text-sm" aria-label="Orders at risk">
            {atRisk.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <strong>{o.orderNumber}</strong> · promised {o.promisedDate} · {o.status.replace(/_/g, " ")}{" "}
                  {o.late ? <Badge tone="red">Late</Badge> : <Badge tone="amber">Due soon</Badge>}
                  {o.escalated ? <span className="ml-2 text-xs text-slate-500">already escalated</span> : null}
                </span>
                <Link
                  to={`/escalations/new?order=${o.id}`}
                  className="text-brand-700 hover:underline"
                  aria-label={`Escalate order ${o.orderNumber}`}
                >
                  Escalate this order
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card>
        {/* Keyed by order: choosing another order re-renders the form with its defaults. */}
        <Form method="post" noValidate className="space-y-5" key={order?.id ?? "no-order"}>
          {order ? (
            <div className="rounded-lg bg-slate-50 p-3 text-sm">
              <input type="hidden" name="orderId" value={order.id} />
              For order <strong>{order.orderNumber}</strong>
              {order.promisedDate ? <> · promised for {order.promisedDate}</> : null} · status{" "}
              {order.status.replace(/_/g, " ")}
              {late ? <span className="ml-2 font-medium text-red-700">past its promised date</span> : null}
            </div>
          ) : null}
          {openOnOrder.length ? <DuplicateWarning open={openOnOrder} error={errors.duplicateConfirmed} /> : null}
          <SelectField
            label="What is the problem about?"
            name="category"
            defaultValue={late ? "late_delivery" : ""}
            error={errors.category}
            required
          >
            <option value="" disabled>
              Choose a category
            </option>
            {ESCALATION_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </SelectField>
          <fieldset aria-describedby={errors.severity ? "severity-error" : undefined}>
            <legend className="text-sm font-medium text-slate-800">How severe is it?</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {ESCALATION_SEVERITIES.map((s) => (
                <label
                  key={s}
                  aria-label={`${s} — ${SEVERITY_GUIDANCE[s]}`}
                  className="flex cursor-pointer gap-3 rounded-lg border border-slate-200 p-3 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
                >
                  <input
                    type="radio"
                    name="severity"
                    value={s}
                    defaultChecked={s === (late ? "P2" : "P3")}
                    className="mt-1"
                  />
                  <span>
                    <span className="font-semibold">{s}</span>
                    <span className="block text-slate-600">{SEVERITY_GUIDANCE[s]}</span>
                  </span>
                </label>
              ))}
            </div>
            {errors.severity ? (
              <p id="severity-error" className="mt-1 text-sm text-red-700" role="alert">
                {errors.severity}
              </p>
            ) : null}
          </fieldset>
          <TextField
            label="Short summary"
            name="title"
            defaultValue={defaultTitle}
            maxLength={200}
            required
            error={errors.title}
          />
          <TextAreaField
            label="What happened?"
            name="description"
            rows={6}
            required
            maxLength={10_000}
            error={errors.description}
            hint="Include what you expected, what you received and when. At least 10 characters."
          />
          <TextAreaField
            label="What outcome do you need?"
            name="desiredOutcome"
            rows={3}
            required
            maxLength={4_000}
            error={errors.desiredOutcome}
          />
          <fieldset className="rounded-lg border border-slate-200 p-4">
            <legend className="px-1 text-sm font-medium text-slate-800">Request an exception (optional)</legend>
            <p className="text-xs text-slate-600">
              Some requests need approval by a support lead or an executive, depending on your agreement. You will see
              the decision and its reason on the escalation.
            </p>
            <label className="mt-3 flex items-center gap-2 text-sm">
              <input type="checkbox" name="requestExpedite" /> Expedite the shipment
            </label>
            <TextField
              className="mt-3"
              label="Credit amount"
              name="requestCreditAmount"
              inputMode="decimal"
              placeholder="e.g. 1500"
              error={errors.requestCreditAmount}
              hint="In your account's currency. Leave empty for none."
            />
            <TextAreaField
              className="mt-3"
              label="Policy override"
              name="requestPolicyOverride"
              rows={2}
              maxLength={2_000}
              error={errors.requestPolicyOverride}
              hint="Describe the policy you are asking us to set aside, if any."
            />
          </fieldset>
          {errors.orderId ? <Alert>{errors.orderId}</Alert> : null}
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={busy}>
              {busy ? "Raising…" : "Raise escalation"}
            </Button>
            <Link to="/escalations" className="inline-flex items-center px-3 text-sm text-slate-700 hover:underline">
              Cancel
            </Link>
          </div>
        </Form>
      </Card>
    </div>
  );
}

function DuplicateWarning({
  open,
  error,
}: {
  open: { id: string; number: number; title: string; status: string }[];
  error?: string;
}) {
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="duplicate-warning">
      <p className="font-medium text-amber-950">
        {open.length === 1
          ? "An escalation about this order is already open:"
          : "Escalations about this order are already open:"}
      </p>
      <ul className="mt-1 list-disc pl-5">
        {open.map((e) => (
          <li key={e.id}>
            <Link to={`/escalations/${e.id}`} className="text-brand-700 underline">
              ESC-{e.number}: {e.title}
            </Link>{" "}
            ({e.status.replace(/_/g, " ")})
          </li>
        ))}
      </ul>
      <p className="mt-2">Adding a reply there reaches the same team faster than a second escalation.</p>
      <label className="mt-2 flex items-start gap-2">
        <input
          type="checkbox"
          name="duplicateConfirmed"
          value="yes"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "duplicateConfirmed-error" : undefined}
        />
        <span>This is a separate problem: raise a new escalation anyway.</span>
      </label>
      {error ? (
        <p id="duplicateConfirmed-error" className="mt-1 text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Raise an escalation · Sightline" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
