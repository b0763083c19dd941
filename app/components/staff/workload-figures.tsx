// Beside the open counts: SLA breaches this week and the median first response in business time,
// per owner or per account; every figure opens the queue listing exactly the escalations it counts.
import { Link } from "@remix-run/react";
import type { LeadFigures } from "../../domain/escalations/lead-metrics";
import { useFormat, useT } from "../../i18n/react";
import { Table } from "../ui";

export type FigureScope = ["assignee" | "tenant", string] | null;

export interface FigureLine {
  key: string;
  name: string;
  scope: FigureScope;
  figures: LeadFigures;
}

/** The queue filtered to one figure's escalations (every status: closed ones count too). */
export function figureHref(scope: FigureScope, filter: ["breached", "week"] | ["answered", "week" | "4w"]): string {
  const p = new URLSearchParams({ status: "all" });
  if (scope) p.set(scope[0], scope[1]);
  p.set(filter[0], filter[1]);
  return `/staff/queue?${p}`;
}

export function WorkloadFigures({
  caption,
  heading,
  lines,
  total,
  testId,
}: {
  caption: string;
  heading: string;
  lines: FigureLine[];
  total: LeadFigures;
  testId: string;
}) {
  const t = useT();
  const f = useFormat();
  const link = (text: string, href: string, label: string) => (
    <Link to={href} className="text-brand-700 underline hover:no-underline" aria-label={label}>
      {text}
    </Link>
  );
  const none = <span className="text-slate-500">{t("staff.workload.noAnswers")}</span>;
  const median = (fig: LeadFigures, w: "week" | "4w", scope: FigureScope, name: string) => {
    const m = fig.medianFirstResponse[w];
    if (m === null) return none;
    // One group, so a phone's stacked row keeps the figure and its count together.
    return (
      <span className="whitespace-nowrap">
        {link(
          f.duration(m),
          figureHref(scope, ["answered", w]),
          t("staff.workload.medianOf", {
            name,
            period: t(w === "week" ? "staff.workload.periodWeek" : "staff.workload.period4w"),
            duration: f.duration(m),
            count: fig.answered[w],
          }),
        )}{" "}
        <span className="text-xs text-slate-500">{t("staff.workload.answers", { count: fig.answered[w] })}</span>
      </span>
    );
  };
  const row = (line: FigureLine, isTotal = false) => (
    <tr
      key={line.key}
      data-testid={isTotal ? undefined : `${testId}-line`}
      className={isTotal ? "bg-slate-50 font-medium" : ""}
    >
      <th scope="row" className="font-medium">
        {line.name}
      </th>
      <td className="text-right" data-col="breaches_week">
        {line.figures.breachesThisWeek > 0 ? (
          link(
            f.number(line.figures.breachesThisWeek),
            figureHref(line.scope, ["breached", "week"]),
            t("staff.workload.breachesOf", { count: line.figures.breachesThisWeek, name: line.name }),
          )
        ) : (
          <span className="text-slate-400">{f.number(0)}</span>
        )}
      </td>
      <td className="text-right" data-col="median_week">
        {median(line.figures, "week", line.scope, line.name)}
      </td>
      <td className="text-right" data-col="median_4w">
        {median(line.figures, "4w", line.scope, line.name)}
      </td>
    </tr>
  );
  return (
    <Table
      columns={[
        heading,
        { label: t("staff.workload.breachesWeek"), align: "right" },
        { label: t("staff.workload.medianWeek"), align: "right" },
        { label: t("staff.workload.median4w"), align: "right" },
      ]}
      caption={caption}
      stacked
      testId={testId}
      className="mt-2"
    >
      {lines.map((l) => row(l))}
      {row({ key: "total", name: t("staff.workload.total"), scope: null, figures: total }, true)}
    </Table>
  );
}
