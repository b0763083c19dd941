import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormattedMessage } from "react-intl";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { TextAreaField } from "../components/escalations";
import { Alert, Badge, Button, Card, PageHeader, SelectField, TextField } from "../components/ui";
import { ESCALATION_CATEGORIES, ESCALATION_SEVERITIES } from "../domain/escalations/workflow";
import { fieldErrors } from "../forms/auth";
import { newEscalationFromForm, newEscalationSchema } from "../forms/escalations";
import { translator, type MessageId } from "../i18n/catalogue";
import { pageTitle } from "../i18n/meta";
import { useFormat, useT } from "../i18n/react";
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
    return data({ errors: e.fieldErrors, message: e.message }, { status: e.status });
  }
}

export default function NewEscalation() {
  const { order, openOnOrder, atRisk, orderMissing, late, tenantName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const t = useT();
  const f = useFormat();
  const statusLabel = (status: string) => t(`orders.status.${status}` as MessageId);
  const errors: Record<string, string> = actionData?.errors ?? {};
  const defaultTitle = order
    ? late
      ? t("escalations.new.defaultTitleLate", { number: order.orderNumber })
      : t("escalations.new.defaultTitle", { number: order.orderNumber })
    : "";
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={t("escalations.new.title")}
        description={t("escalations.new.description", { tenant: tenantName })}
      />
      {orderMissing ? (
        <div className="mb-4">
          <Alert tone="info">{t("escalations.new.orderMissing")}</Alert>
        </div>
      ) : null}
      {actionData?.message ? (
        <div className="mb-4">
          <Alert>{actionData.message}</Alert>
        </div>
      ) : null}
      {atRisk.length ? (
        <Card className="mb-6">
          <h2 className="text-base font-semibold">{t("escalations.new.atRiskTitle")}</h2>
          <p className="mt-1 text-sm text-slate-600">{t("escalations.new.atRiskBody")}</p>
          <ul className="mt-3 divide-y divide-slate-100 text-sm" aria-label={t("escalations.new.atRiskLabel")}>
            {atRisk.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <strong>{o.orderNumber}</strong> ·{" "}
                  {t("escalations.new.atRiskLine", {
                    date: f.calendarDate(o.promisedDate),
                    status: statusLabel(o.status),
                  })}{" "}
                  {o.late ? (
                    <Badge tone="red">{t("escalations.new.late")}</Badge>
                  ) : (
                    <Badge tone="amber">{t("escalations.new.dueSoon")}</Badge>
                  )}
                  {o.escalated ? (
                    <span className="ml-2 text-xs text-slate-500">{t("escalations.new.alreadyEscalated")}</span>
                  ) : null}
                </span>
                <Link
                  to={`/escalations/new?order=${o.id}`}
                  className="text-brand-700 hover:underline"
                  aria-label={t("escalations.new.escalateOrder", { number: o.orderNumber })}
                >
                  {t("escalations.new.escalateThis")}
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
              <FormattedMessage
                id="escalations.new.forOrder"
                values={{ number: order.orderNumber, b: (chunks) => <strong>{chunks}</strong> }}
              />
              {order.promisedDate
                ? [" · ", t("escalations.new.promisedFor", { date: f.calendarDate(order.promisedDate) })]
                : null}
              {" · "}
              {t("escalations.new.orderStatus", { status: statusLabel(order.status) })}
              {late ? <span className="ml-2 font-medium text-red-700">{t("escalations.new.pastPromised")}</span> : null}
            </div>
          ) : null}
          {openOnOrder.length ? <DuplicateWarning open={openOnOrder} error={errors.duplicateConfirmed} /> : null}
          <SelectField
            label={t("escalations.new.category")}
            name="category"
            defaultValue={late ? "late_delivery" : ""}
            error={errors.category}
            required
          >
            <option value="" disabled>
              {t("escalations.new.chooseCategory")}
            </option>
            {ESCALATION_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`escalations.category.${c}`)}
              </option>
            ))}
          </SelectField>
          <fieldset aria-describedby={errors.severity ? "severity-error" : undefined}>
            <legend className="text-sm font-medium text-slate-800">{t("escalations.new.severity")}</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {ESCALATION_SEVERITIES.map((s) => (
                <label
                  key={s}
                  aria-label={t("escalations.new.severityOption", {
                    severity: s,
                    guidance: t(`escalations.severity.${s}`),
                  })}
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
                    <span className="block text-slate-600">{t(`escalations.severity.${s}`)}</span>
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
            label={t("escalations.new.summary")}
            name="title"
            defaultValue={defaultTitle}
            maxLength={200}
            required
            error={errors.title}
          />
          <TextAreaField
            label={t("escalations.new.whatHappened")}
            name="description"
            rows={6}
            required
            maxLength={10_000}
            error={errors.description}
            hint={t("escalations.new.whatHappenedHint")}
          />
          <TextAreaField
            label={t("escalations.new.outcome")}
            name="desiredOutcome"
            rows={3}
            required
            maxLength={4_000}
            error={errors.desiredOutcome}
          />
          <fieldset className="rounded-lg border border-slate-200 p-4">
            <legend className="px-1 text-sm font-medium text-slate-800">{t("escalations.new.exceptionLegend")}</legend>
            <p className="text-xs text-slate-600">{t("escalations.new.exceptionBody")}</p>
            <label className="mt-3 flex items-center gap-2 text-sm">
              <input type="checkbox" name="requestExpedite" /> {t("escalations.new.expedite")}
            </label>
            <TextField
              className="mt-3"
              label={t("escalations.new.credit")}
              name="requestCreditAmount"
              inputMode="decimal"
              placeholder={t("escalations.new.creditPlaceholder")}
              error={errors.requestCreditAmount}
              hint={t("escalations.new.creditHint")}
            />
            <TextAreaField
              className="mt-3"
              label={t("escalations.new.policyOverride")}
              name="requestPolicyOverride"
              rows={2}
              maxLength={2_000}
              error={errors.requestPolicyOverride}
              hint={t("escalations.new.policyOverrideHint")}
            />
          </fieldset>
          {errors.orderId ? <Alert>{errors.orderId}</Alert> : null}
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={busy}>
              {busy ? t("escalations.new.raising") : t("escalations.new.raise")}
            </Button>
            <Link to="/escalations" className="inline-flex items-center px-3 text-sm text-slate-700 hover:underline">
              {t("escalations.new.cancel")}
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
  const t = useT();
  return (
    <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="duplicate-warning">
      <p className="font-medium text-amber-950">{t("escalations.new.duplicateOpen", { count: open.length })}</p>
      <ul className="mt-1 list-disc pl-5">
        {open.map((e) => (
          <li key={e.id}>
            <Link to={`/escalations/${e.id}`} className="text-brand-700 underline">
              {t("escalations.new.duplicateLink", { number: String(e.number), title: e.title })}
            </Link>{" "}
            ({t(`escalations.status.${e.status}` as MessageId)})
          </li>
        ))}
      </ul>
      <p className="mt-2">{t("escalations.new.duplicateReply")}</p>
      <label className="mt-2 flex items-start gap-2">
        <input
          type="checkbox"
          name="duplicateConfirmed"
          value="yes"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "duplicateConfirmed-error" : undefined}
        />
        <span>{t("escalations.new.duplicateConfirm")}</span>
      </label>
      {error ? (
        <p id="duplicateConfirmed-error" className="mt-1 text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "escalations.new.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
