// Platform admins: one account's escalation SLA targets per severity, the tier default or the
// contract's own, in hours counted in the account's business calendar.
import { Form, useNavigation } from "@remix-run/react";
import type { Severity } from "#app/domain/escalations/workflow";
import type { MessageId } from "#app/i18n/catalogue";
import type { Localized } from "#app/i18n/localized";
import { useFormat, useT } from "#app/i18n/react";
import type { AccountTargets } from "#app/server/escalations/targets.server";
import { SaveOrResetButtons } from "../admin/targets-form";
import { ResultAlert } from "../result-alert";
import { Alert, Badge, Button, Card, PageHeader, SelectField, TextField } from "../ui";

export interface EscalationTargetsResult {
  ok: boolean;
  severity: string;
  message: Localized | null;
  errors: Record<string, MessageId>;
}

const GUIDANCE: Record<Severity, MessageId> = {
  P1: "escalations.severity.P1",
  P2: "escalations.severity.P2",
  P3: "escalations.severity.P3",
  P4: "escalations.severity.P4",
};

/** Minutes as the hours the form edits ("0.5", "24"): a machine value, so not localised. */
const hours = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);

export function EscalationTargetsPage({
  accounts,
  current,
  result,
}: {
  accounts: { id: string; name: string; tier: string }[];
  current: AccountTargets | null;
  result: EscalationTargetsResult | undefined;
}) {
  const t = useT();
  const f = useFormat();
  const busy = useNavigation().state === "submitting";
  return (
    <div>
      <PageHeader title={t("staff.escTargets.title")} description={t("staff.escTargets.description")} />
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <SelectField
          label={t("staff.escTargets.account")}
          name="tenant"
          defaultValue={current?.tenant.id}
          className="w-full max-w-72"
        >
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {t("staff.escTargets.accountOption", { name: a.name, tier: a.tier })}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          {t("staff.escTargets.show")}
        </Button>
      </Form>
      {result?.message ? (
        <div className="mb-4">
          <ResultAlert result={result} />
        </div>
      ) : null}
      {current?.protocolVersion != null ? (
        <div className="mb-4">
          <Alert tone="info">
            {t("staff.escTargets.protocol", { account: current.tenant.name, version: current.protocolVersion })}
          </Alert>
        </div>
      ) : null}
      {current ? (
        <div className="grid gap-4 md:grid-cols-2">
          {current.rows.map((r) => {
            const errors = result?.severity === r.severity ? result.errors : {};
            const error = (field: string) => (errors[field] ? t(errors[field]) : undefined);
            return (
              <Card key={r.severity}>
                <h2 className="flex flex-wrap items-center gap-2 text-lg font-semibold">
                  {r.severity}
                  {r.overridden ? (
                    <Badge tone="blue">{t("staff.escTargets.override")}</Badge>
                  ) : (
                    <Badge>{t("staff.escTargets.tierDefault")}</Badge>
                  )}
                </h2>
                <p className="mt-1 text-xs text-slate-600">{t(GUIDANCE[r.severity])}</p>
                <p className="mt-1 text-xs text-slate-500">
                  {t("staff.escTargets.defaults", {
                    tier: current.tenant.tier,
                    response: f.duration(r.tierDefault.firstResponseMinutes),
                    resolution: f.duration(r.tierDefault.resolutionMinutes),
                    allDay: r.tierDefault.twentyFourSeven ? "yes" : "no",
                  })}
                </p>
                <Form
                  method="post"
                  action={`/staff/queue/targets?tenant=${current.tenant.id}`}
                  className="mt-3 grid gap-3 sm:grid-cols-2"
                  noValidate
                >
                  <input type="hidden" name="severity" value={r.severity} />
                  <TextField
                    label={t("staff.escTargets.firstResponse")}
                    name="firstResponseHours"
                    inputMode="decimal"
                    defaultValue={hours(r.firstResponseMinutes)}
                    error={error("firstResponseHours")}
                  />
                  <TextField
                    label={t("staff.escTargets.resolution")}
                    name="resolutionHours"
                    inputMode="decimal"
                    defaultValue={hours(r.resolutionMinutes)}
                    error={error("resolutionHours")}
                  />
                  <label className="flex items-center gap-2 text-sm sm:col-span-2">
                    <input type="checkbox" name="twentyFourSeven" defaultChecked={r.twentyFourSeven} />
                    {t("staff.escTargets.allDay")}
                  </label>
                  <SaveOrResetButtons
                    className="sm:col-span-2"
                    save={t("staff.escTargets.save", { severity: r.severity })}
                    reset={r.overridden ? t("staff.escTargets.useDefault") : null}
                    resetVariant="ghost"
                    busy={busy}
                  />
                </Form>
              </Card>
            );
          })}
        </div>
      ) : (
        <Alert tone="info">{t("staff.escTargets.noAccounts")}</Alert>
      )}
    </div>
  );
}
