// The SLA page's CSV download: a plain GET form to /sla/scorecard.csv (works without JS; a document
// request, so the browser downloads the file) with the first and last fiscal period of the range.
import { Button, Card, SelectField } from "#app/components/ui";
import type { MessageId } from "#app/i18n/catalogue";
import { useT, useFiscalLabel } from "#app/i18n/react";
import type { Granularity } from "#app/domain/sla/periods";
import type { PeriodChoice } from "#app/server/sla/periods.server";

const ORDER: readonly Granularity[] = ["period", "quarter", "year", "week"];

function PeriodSelect(props: {
  name: string;
  label: string;
  choices: Record<Granularity, PeriodChoice[]>;
  defaultValue: string;
}) {
  const t = useT();
  const fiscal = useFiscalLabel();
  return (
    <SelectField fit label={props.label} name={props.name} defaultValue={props.defaultValue}>
      {ORDER.map((g) => (
        <optgroup key={g} label={t(`sla.csv.group.${g}` as MessageId)}>
          {props.choices[g].map((c) => (
            <option key={c.id} value={c.id}>
              {fiscal(c.label)}
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}

export function ScorecardDownload({
  choices,
  siteParam,
}: {
  choices: Record<Granularity, PeriodChoice[]>;
  siteParam: string;
}) {
  const t = useT();
  const periods = choices.period;
  if (periods.length === 0) return null;
  const to = periods[0].id;
  const from = periods[Math.min(11, periods.length - 1)].id;
  return (
    <Card title={t("sla.csv.download")} description={t("sla.csv.hint")}>
      <form method="get" action="/sla/scorecard.csv" className="mt-3 flex flex-wrap items-end gap-3">
        <PeriodSelect name="from" label={t("sla.csv.from")} choices={choices} defaultValue={from} />
        <PeriodSelect name="to" label={t("sla.csv.to")} choices={choices} defaultValue={to} />
        {siteParam ? <input type="hidden" name="site" value={siteParam} /> : null}
        <Button type="submit" variant="secondary">
          {t("sla.csv.submit")}
        </Button>
      </form>
    </Card>
  );
}
