// /review — the quarterly review pack: one fiscal quarter of the account's calendar, read together
// by the account manager and the customer. Built from the SLA page's and the joint pages' pieces
// (KPI tiles, trend, perfect order, satisfaction per period, recurring failures, protocol change
// lines), so every figure is the one those pages show. Printable: the browser's print to PDF drops
// the header, the picker and the buttons, starts each section on a new page and keeps table rows
// whole (the `print:` classes here and on the shell in root.tsx).
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { MessageId } from "#app/i18n/catalogue";
import { useFiscalLabel, useFormat, useT } from "#app/i18n/react";
import type { QuarterlyReview } from "#app/server/joint/review.server";
import { PerfectOrder } from "../sla/perfect-order";
import { KpiTiles, Trend } from "../sla/sla-page";
import { Alert, Badge, Button, Card, EmptyState, PageHeader, SelectField, Table, cx } from "../ui";
import { ChangeLine, levelLabel } from "./protocol-page";
import { RecoveryPlans } from "./recovery-plans";
import { AccountSection } from "./recurring-report";
import { causeLabelId } from "./root-cause-card";
import { SatisfactionByPeriod } from "./satisfaction-by-period";

const RELATIVE: { id: string; label: MessageId }[] = [
  { id: "last-quarter", label: "sla.quick.last-quarter" },
  { id: "this-quarter", label: "sla.quick.this-quarter" },
];

/** A part of the pack: on paper it starts a new page (except the first) and keeps together if it fits. */
function Part({ first = false, children, id }: { first?: boolean; children: ReactNode; id: string }) {
  return (
    <div
      data-part={id}
      className={cx("space-y-6 print:space-y-4 print:break-inside-avoid", !first && "print:break-before-page")}
    >
      {children}
    </div>
  );
}

function QuarterPicker({ review, loading }: { review: QuarterlyReview; loading: boolean }) {
  const t = useT();
  const fiscal = useFiscalLabel();
  return (
    <Form method="get" className="flex flex-wrap items-end gap-3 print:hidden" aria-label={t("joint.quarterly.picker")}>
      <SelectField
        fit
        label={t("joint.quarterly.quarter")}
        name="quarter"
        defaultValue={review.selected}
        key={review.selected}
      >
        <optgroup label={t("sla.relative")}>
          {RELATIVE.map((q) => (
            <option key={q.id} value={q.id}>
              {t(q.label)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t("sla.granularity.quarter")}>
          {review.choices.map((c) => (
            <option key={c.id} value={c.id}>
              {fiscal(c.label)}
            </option>
          ))}
        </optgroup>
      </SelectField>
      <Button type="submit" variant="secondary" disabled={loading}>
        {loading ? t("sla.loading") : t("sla.show")}
      </Button>
      <Button type="button" variant="ghost" onClick={() => window.print()}>
        {t("joint.quarterly.print")}
      </Button>
    </Form>
  );
}

function Satisfaction({ review }: { review: QuarterlyReview }) {
  const t = useT();
  const f = useFormat();
  const q = review.satisfaction.quarter;
  return (
    <Card title={t("joint.quarterly.satisfaction.title")} description={t("joint.quarterly.satisfaction.description")}>
      <ul className="mt-3 space-y-1 text-sm text-slate-800" data-testid="review-satisfaction-summary">
        <li>
          {q.count === 0
            ? t("joint.quarterly.satisfaction.none")
            : t("joint.quarterly.satisfaction.summary", {
                count: q.count,
                average: f.number(q.average ?? 0, 1),
                satisfied: f.percent((q.satisfiedPct ?? 0) / 100, 1),
              })}
        </li>
        <li>
          {t("joint.quarterly.satisfaction.response", {
            raised: q.raised,
            met: q.responseMetPct === null ? "—" : f.percent(q.responseMetPct / 100, 1),
          })}
        </li>
      </ul>
    </Card>
  );
}

function EscalationsByCause({ review }: { review: QuarterlyReview }) {
  const t = useT();
  const f = useFormat();
  const e = review.escalations;
  return (
    <Card title={t("joint.quarterly.escalations.title")} description={t("joint.quarterly.escalations.description")}>
      <p className="mt-3 text-sm text-slate-800" data-testid="review-escalation-summary">
        {t("joint.quarterly.escalations.summary", {
          raised: e.raised,
          open: f.number(e.stillOpen),
          resolved: f.number(e.resolved),
        })}
      </p>
      {e.byCause.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t("joint.quarterly.escalations.empty")}</p>
      ) : (
        <Table
          className="mt-3"
          caption={t("joint.quarterly.escalations.title")}
          testId="review-cause-levels"
          stacked
          columns={[
            t("joint.quarterly.escalations.cause"),
            ...e.levels.map((l) => ({ label: levelLabel(t, l), align: "right" as const })),
            { label: t("joint.recurring.total"), align: "right" },
          ]}
        >
          {e.byCause.map((r) => (
            <tr key={r.cause} data-testid={`cause-${r.cause}`}>
              <th scope="row" className="font-medium max-sm:block">
                {t(causeLabelId(r.cause))}
              </th>
              {r.byLevel.map((n, i) => (
                <td key={e.levels[i]} className={cx("text-right tabular-nums", n === 0 && "text-slate-400")}>
                  {f.number(n)}
                </td>
              ))}
              <td className="text-right font-medium tabular-nums">{f.number(r.total)}</td>
            </tr>
          ))}
          <tr className="border-t-2 border-slate-200">
            <th scope="row" className="font-semibold max-sm:block">
              {t("joint.recurring.total")}
            </th>
            {e.levelTotals.map((n, i) => (
              <td key={e.levels[i]} className="text-right font-semibold tabular-nums">
                {f.number(n)}
              </td>
            ))}
            <td className="text-right font-semibold tabular-nums" data-testid="review-resolved-total">
              {f.number(e.resolved)}
            </td>
          </tr>
        </Table>
      )}
    </Card>
  );
}

function ProtocolChanges({ review, account }: { review: QuarterlyReview; account: string }) {
  const t = useT();
  const f = useFormat();
  const side = (s: "customer" | "provider") => t("joint.protocol.side", { side: s, account });
  const by = (name: string | null, s: "customer" | "provider" | null, at: string | null) =>
    name && s && at ? t("joint.protocol.history.by", { name, side: side(s), date: f.date(at) }) : "—";
  return (
    <Card title={t("joint.quarterly.protocol.title")} description={t("joint.quarterly.protocol.description")}>
      {review.protocolChanges.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t("joint.quarterly.protocol.empty")}</p>
      ) : (
        <ol className="mt-3 space-y-4">
          {review.protocolChanges.map((v) => (
            <li
              key={v.version}
              className="border-t border-slate-100 pt-3 text-sm first:border-0 first:pt-0 print:break-inside-avoid"
              data-testid="review-protocol-version"
            >
              <p className="flex flex-wrap items-center gap-2 font-medium">
                {t("joint.quarterly.protocol.version", { version: v.version })}
                <Badge tone={v.status === "accepted" ? "green" : v.status === "pending" ? "amber" : "slate"}>
                  {t("joint.protocol.status", { status: v.status })}
                </Badge>
              </p>
              <p className="mt-1 text-slate-700">
                {t("joint.quarterly.protocol.proposed", { by: by(v.proposedByName, v.proposedSide, v.proposedAt) })}
                {v.decidedAt ? (
                  <>
                    {" · "}
                    {t("joint.quarterly.protocol.decided", { by: by(v.decidedByName, v.decidedSide, v.decidedAt) })}
                  </>
                ) : null}
              </p>
              {v.note ? (
                <p className="mt-1 break-words whitespace-pre-wrap text-slate-700">
                  {t("joint.protocol.pending.note", { note: v.note })}
                </p>
              ) : null}
              {v.changes.length ? (
                <ul className="mt-2 list-disc space-y-1 pl-5">
                  {v.changes.map((c, i) => (
                    <li key={i} className="break-words">
                      <ChangeLine change={c} account={account} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

export function QuarterlyReviewPage({ review, account }: { review: QuarterlyReview; account: string }) {
  const t = useT();
  const fiscal = useFiscalLabel();
  const sc = review.scorecard;
  const f = useFormat(sc.calendar.timeZone);
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location?.pathname === "/review";
  const quarter = fiscal(sc.period.label);
  return (
    <article
      className="space-y-6 [print-color-adjust:exact] print:space-y-0 print:text-sm print:[&_.overflow-x-auto]:overflow-visible print:[&_.shadow-sm]:shadow-none print:[&_details]:hidden print:[&_section]:border-0 print:[&_section]:p-0 print:[&_tr]:break-inside-avoid"
      data-quarter={sc.period.id}
      data-start={sc.period.start}
      data-end={sc.period.end}
    >
      <PageHeader
        title={t("joint.quarterly.title", { quarter })}
        description={t("joint.quarterly.description", {
          account,
          quarter,
          range: f.dateRange(sc.period.start, sc.period.end),
        })}
      />
      <QuarterPicker review={review} loading={loading} />
      {review.message ? <Alert tone="info">{t(review.message)}</Alert> : null}
      <div aria-busy={loading || undefined} className={cx("space-y-6 print:space-y-0", loading && "opacity-60")}>
        <Part first id="scorecard">
          <Card
            title={t("joint.quarterly.scorecard.title")}
            description={t("joint.quarterly.scorecard.description", { quarter })}
          >
            {sc.orders.measured === 0 ? (
              <div className="mt-4">
                <EmptyState title={t("joint.quarterly.scorecard.empty")} />
              </div>
            ) : (
              <KpiTiles sc={sc} className="print:grid-cols-3 print:gap-2" />
            )}
          </Card>
        </Part>
        <Part id="trends">
          <Trend sc={sc} />
          <PerfectOrder sc={sc} />
        </Part>
        <Part id="satisfaction">
          <Satisfaction review={review} />
          <SatisfactionByPeriod points={review.satisfaction.periods} />
        </Part>
        <Part id="escalations">
          <EscalationsByCause review={review} />
          <AccountSection
            account={review.recurring}
            report={{ cause: null, threshold: review.repeatThreshold }}
            links={review.viewer === "staff"}
            title={t("joint.recurring.title")}
            description={t("joint.quarterly.recurring.description")}
          />
        </Part>
        <Part id="protocol">
          <ProtocolChanges review={review} account={account} />
          <RecoveryPlans
            plans={review.recoveryPlans}
            title={t("joint.quarterly.plans.title")}
            description={t("joint.quarterly.plans.description")}
            empty={t("joint.quarterly.plans.empty")}
          />
        </Part>
      </div>
    </article>
  );
}
