// The form that raises an escalation (/escalations/new): orders at risk to pick from, the order
// it is about, a warning when one is already open for that order, and the exception requests.
import { Form, Link, useNavigation } from "@remix-run/react";
import { FormattedMessage } from "react-intl";
import type { atRiskOrders, orderForEscalation } from "#app/server/escalations/orders.server";
import { ESCALATION_CATEGORIES, ESCALATION_SEVERITIES } from "#app/domain/escalations/workflow";
import type { MessageId } from "#app/i18n/catalogue";
import { useFormat, useT } from "#app/i18n/react";
import { Alert, Badge, Button, Card, PageHeader, SelectField, TextAreaField, TextField } from "../ui";

type OpenEscalation = { id: string; number: number; title: string; status: string };

export function NewEscalationPage({
  order,
  openOnOrder,
  atRisk,
  orderMissing,
  late,
  tenantName,
  result,
}: {
  /** The order the escalation is about (`?order=`), if it exists. */
  order: Awaited<ReturnType<typeof orderForEscalation>>;
  /** Escalations already open about that order. */
  openOnOrder: readonly OpenEscalation[];
  /** Orders to offer when none is chosen. */
  atRisk: Awaited<ReturnType<typeof atRiskOrders>>;
  /** `?order=` named an order that does not exist or cannot be seen. */
  orderMissing: boolean;
  /** The order is open and past its promised date. */
  late: boolean;
  tenantName: string;
  /** What the last post answered (field errors and a message). */
  result?: { errors: Record<string, string>; message: string | null };
}) {
  const busy = useNavigation().state === "submitting";
  const t = useT();
  const f = useFormat();
  const statusLabel = (status: string) => t(`orders.status.${status}` as MessageId);
  const errors: Record<string, string> = result?.errors ?? {};
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
      {result?.message ? (
        <div className="mb-4">
          <Alert>{result.message}</Alert>
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

function DuplicateWarning({ open, error }: { open: readonly OpenEscalation[]; error?: string }) {
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
