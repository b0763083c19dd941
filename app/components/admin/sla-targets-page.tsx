// Platform admins: contracted service levels per account, the tier's defaults or the account's own.
import { Form, Link, useNavigation } from "@remix-run/react";
import type { SlaTargets, Tier } from "#app/domain/sla/targets";
import type { MessageId } from "#app/i18n/catalogue";
import { useFormat, useT } from "#app/i18n/react";
import type { TargetsActionResult } from "#app/server/sla/targets-page.server";
import type { TenantTargetsRow } from "#app/server/sla/targets.server";
import { ResultAlert } from "../result-alert";
import { Badge, Card, PageHeader, Table, TextField } from "../ui";
import { SaveOrResetButtons } from "./targets-form";

const FIELDS: { key: keyof SlaTargets; label: MessageId; step: string; percent?: boolean }[] = [
  { key: "otifPct", label: "admin.slaTargets.field.otifPct", step: "0.01" },
  { key: "onTimePct", label: "admin.slaTargets.field.onTimePct", step: "0.01" },
  { key: "inFullPct", label: "admin.slaTargets.field.inFullPct", step: "0.01" },
  { key: "fillRatePct", label: "admin.slaTargets.field.fillRatePct", step: "0.01" },
  { key: "leadTimeHours", label: "admin.slaTargets.field.leadTimeHours", step: "0.25" },
  { key: "onTimeToleranceDays", label: "admin.slaTargets.field.onTimeToleranceDays", step: "1" },
  { key: "inFullTolerancePct", label: "admin.slaTargets.field.inFullTolerancePct", step: "0.01" },
];

const TIERS: Tier[] = ["strategic", "key", "standard"];

export function SlaTargetsPage({
  rows,
  defaults,
  result,
}: {
  rows: Omit<TenantTargetsRow, "updatedAt">[];
  defaults: Record<Tier, SlaTargets>;
  result: TargetsActionResult | undefined;
}) {
  const t = useT();
  const f = useFormat();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("admin.slaTargets.title")}
        description={t("admin.slaTargets.description")}
        actions={
          <Link
            to="/staff/admin"
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50"
          >
            {t("admin.slaTargets.back")}
          </Link>
        }
      />
      <ResultAlert result={result} />
      <Card title={t("admin.slaTargets.tierDefaults")}>
        <Table
          className="mt-3"
          columns={[t("admin.slaTargets.col.tier"), ...FIELDS.map((c) => t(c.label))]}
          caption={t("admin.slaTargets.tierDefaults")}
          stacked
        >
          {TIERS.map((tier) => (
            <tr key={tier}>
              <th scope="row" className="font-medium">
                {t("admin.slaTargets.tier", { tier })}
              </th>
              {FIELDS.map((c) => (
                <td key={c.key} className="tabular-nums">
                  {f.number(defaults[tier][c.key], 2)}
                </td>
              ))}
            </tr>
          ))}
        </Table>
      </Card>
      {rows.map((r) => {
        const errors: Record<string, MessageId> =
          result && !result.ok && result.tenantId === r.tenantId ? result.errors : {};
        return (
          <Card
            key={r.tenantId}
            title={r.name}
            actions={
              <>
                <Badge tone="blue">{t("admin.slaTargets.tier", { tier: r.tier })}</Badge>
                <Badge tone={r.source === "contract" ? "amber" : "slate"}>
                  {t("admin.slaTargets.source", { source: r.source })}
                </Badge>
              </>
            }
          >
            <Form method="post" className="mt-4">
              <input type="hidden" name="tenantId" value={r.tenantId} />
              <fieldset disabled={busy} className="grid items-end gap-4 sm:grid-cols-4 lg:grid-cols-7">
                <legend className="sr-only">{t("admin.slaTargets.legend", { name: r.name })}</legend>
                {FIELDS.map((c) => (
                  <TextField
                    key={c.key}
                    label={t(c.label)}
                    name={c.key}
                    type="number"
                    step={c.step}
                    defaultValue={r.targets[c.key]}
                    error={errors[c.key] ? t(errors[c.key]) : undefined}
                    required
                  />
                ))}
              </fieldset>
              <SaveOrResetButtons
                className="mt-4"
                save={t("admin.slaTargets.save", { name: r.name })}
                reset={r.source === "contract" ? t("admin.slaTargets.useDefaults", { tier: r.tier }) : null}
                resetVariant="secondary"
                busy={busy}
              />
            </Form>
          </Card>
        );
      })}
    </div>
  );
}
