// On the SLA page: the recovery plans the account team published after a performance alert —
// which measure fell under the floor agreed in the escalation protocol, in which fiscal period,
// and what is being done about it. Nothing shows until staff publish a plan.
import { useFiscalLabel, useFormat, useT } from "#app/i18n/react";
import type { RecoveryPlan } from "#app/server/joint/recovery-plans.server";
import { Card } from "../ui";

/**
 * The plans as a card. Without `empty` nothing shows when there are none (the SLA page); the
 * quarterly review names its own heading and says when none was open.
 */
export function RecoveryPlans({
  plans,
  title,
  description,
  empty,
}: {
  plans: RecoveryPlan[];
  title?: string;
  description?: string;
  empty?: string;
}) {
  const t = useT();
  const f = useFormat();
  const fiscal = useFiscalLabel();
  if (!plans.length && !empty) return null;
  return (
    <Card title={title ?? t("joint.recovery.title")} description={description ?? t("joint.recovery.description")}>
      {!plans.length ? <p className="mt-3 text-sm text-slate-600">{empty}</p> : null}
      <ul className="mt-3 space-y-4 empty:hidden">
        {plans.map((p) => (
          <li
            key={p.id}
            data-testid={`recovery-plan-${p.id}`}
            className="rounded-lg border border-amber-200 bg-amber-50 p-4 print:break-inside-avoid"
          >
            <p className="font-medium text-slate-900">
              {t("joint.recovery.headline", {
                kpi: t(`joint.performance.kpi.${p.kpi}`),
                value: f.percent(p.valuePct / 100, 2),
                floor: f.percent(p.floorPct / 100, 2),
                period: fiscal(p.periodLabel),
              })}
            </p>
            <p className="mt-2 text-sm whitespace-pre-line text-slate-800">{p.plan}</p>
            <p className="mt-2 text-xs text-slate-600">
              {t("joint.recovery.published", { date: f.date(p.publishedAt) })}
              {p.closedAt ? <> · {t("joint.recovery.closed", { date: f.date(p.closedAt) })}</> : null}
            </p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
