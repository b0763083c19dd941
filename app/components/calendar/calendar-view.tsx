// The read-only business calendar every customer user (and staff in an opened account) can see:
// what SLA figures are computed with — hours, holidays of any year, closures, extra working days,
// the fiscal calendar with this year's periods, escalation hours, and every version.
import { Form, Link } from "@remix-run/react";
import type { FiscalYearView, CalendarView as View } from "#app/server/calendar/api-schema";
import { useFormat, useT, type TFunction, useFiscalLabel } from "#app/i18n/react";
import { Card, EmptyState, PageHeader, Table } from "#app/components/ui";

export interface CalendarPageData {
  calendar: View;
  year: number;
  fiscalYear: FiscalYearView | null;
  isAdmin: boolean;
}

const intervalsText = (ivs: { start: string; end: string }[], t: TFunction) =>
  ivs.length === 0 ? t("calendar.notWorking") : ivs.map((iv) => `${iv.start}–${iv.end}`).join(", ");

function Section({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <Card>
      <section aria-labelledby={id}>
        <h2 id={id} className="mb-3 text-lg font-semibold">
          {title}
        </h2>
        {children}
      </section>
    </Card>
  );
}

/** A table of plain rows; focusable so keyboard users can scroll one wider than a phone. */
function SimpleTable({ caption, head, rows }: { caption: string; head: string[]; rows: React.ReactNode[][] }) {
  return (
    <Table columns={head} caption={caption} scrollLabel={caption} variant="panel">
      {rows.map((r, i) => (
        <tr key={i}>
          {r.map((c, j) => (
            <td key={j} className="align-top">
              {c}
            </td>
          ))}
        </tr>
      ))}
    </Table>
  );
}

export function CalendarView({ data }: { data: CalendarPageData }) {
  const { calendar: c, year, fiscalYear } = data;
  const f = useFormat(c.timeZone);
  const t = useT();
  const fiscal = useFiscalLabel();
  const day = (weekday: number) => t("calendar.weekday", { day: String(weekday) });
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("calendar.title")}
        description={t("calendar.description", {
          version: c.version === 0 ? "default" : String(c.version),
          label: c.label,
          zone: c.timeZone,
        })}
        actions={
          data.isAdmin ? (
            <Link
              to="/settings/calendar"
              className="inline-flex items-center rounded-lg border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              {t("calendar.edit")}
            </Link>
          ) : null
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Section title={t("calendar.hours.title")} id="cal-hours">
          {c.alwaysOpen ? (
            <p className="text-sm">{t("calendar.hours.always")}</p>
          ) : (
            <SimpleTable
              caption={t("calendar.hours.caption")}
              head={[t("calendar.col.day"), t("calendar.col.hours")]}
              rows={c.weeklyHours.map((d) => [day(d.weekday), intervalsText(d.intervals, t)])}
            />
          )}
          <p className="mt-3 text-xs text-slate-600">{t("calendar.hours.note", { day: day(c.weekStart) })}</p>
        </Section>
        <Section title={t("calendar.fiscal.title")} id="cal-fiscal">
          <p className="text-sm">{c.fiscal.description}.</p>
          {fiscalYear ? (
            <>
              <h3 className="mt-3 text-sm font-semibold">
                {t("calendar.fiscal.year", {
                  year: fiscalYear.fiscalYear,
                  start: f.calendarDate(fiscalYear.start),
                  end: f.calendarDate(fiscalYear.end),
                  weeks: fiscalYear.weeks.length,
                })}
              </h3>
              <SimpleTable
                caption={t("calendar.fiscal.caption", { year: fiscalYear.fiscalYear })}
                head={[
                  t("calendar.col.period"),
                  t("calendar.col.quarter"),
                  t("calendar.col.from"),
                  t("calendar.col.to"),
                ]}
                rows={fiscalYear.periods.map((p) => [
                  <Link
                    key="p"
                    to={`/sla?period=FY${fiscalYear.fiscalYear}-P${pad(p.period)}`}
                    className="text-brand-700 underline"
                  >
                    {fiscal(p.label)}
                  </Link>,
                  `Q${p.quarter}`,
                  <span key="s" className="whitespace-nowrap">
                    {f.calendarDate(p.start)}
                  </span>,
                  <span key="e" className="whitespace-nowrap">
                    {f.calendarDate(p.end)}
                  </span>,
                ])}
              />
            </>
          ) : null}
        </Section>
      </div>
      <Section title={t("calendar.holidays.title", { year })} id="cal-holidays">
        <Form method="get" className="mb-3 flex flex-wrap items-end gap-2">
          <label className="text-sm font-medium" htmlFor="holiday-year">
            {t("calendar.holidays.year")}
          </label>
          <input
            id="holiday-year"
            name="year"
            type="number"
            min={2000}
            max={2100}
            defaultValue={year}
            className="w-24 rounded-lg border border-slate-300 px-2 py-1.5 text-sm"
          />
          <button type="submit" className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">
            {t("calendar.holidays.show")}
          </button>
          <Link to={`?year=${year - 1}`} className="text-sm text-brand-700 underline">
            {year - 1}
          </Link>
          <Link to={`?year=${year + 1}`} className="text-sm text-brand-700 underline">
            {year + 1}
          </Link>
        </Form>
        {c.holidays.country === null ? (
          <p className="text-sm">{t("calendar.holidays.none")}</p>
        ) : c.holidays.dates.length === 0 ? (
          <EmptyState title={t("calendar.holidays.emptyYear", { year })} />
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-600">
              {t("calendar.holidays.note", {
                country: c.holidays.country,
                hasRegion: c.holidays.region ? "yes" : "no",
                region: c.holidays.region ?? "",
              })}
            </p>
            <SimpleTable
              caption={t("calendar.holidays.caption", { year })}
              head={[t("calendar.col.date"), t("calendar.col.holiday")]}
              rows={c.holidays.dates.map((h) => [f.calendarDate(h.date), h.name])}
            />
          </>
        )}
      </Section>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Section title={t("calendar.closures.title")} id="cal-closures">
          {c.closures.length === 0 ? (
            <p className="text-sm text-slate-600">{t("calendar.closures.none")}</p>
          ) : (
            <SimpleTable
              caption={t("calendar.closures.title")}
              head={[t("calendar.col.date"), t("calendar.col.closed"), t("calendar.col.reason")]}
              rows={c.closures.map((x) => [
                f.calendarDate(x.date),
                x.start && x.end ? `${x.start}–${x.end}` : t("calendar.closures.allDay"),
                x.label,
              ])}
            />
          )}
        </Section>
        <Section title={t("calendar.extra.title")} id="cal-extra">
          {c.extraWorkingDays.length === 0 ? (
            <p className="text-sm text-slate-600">{t("calendar.extra.none")}</p>
          ) : (
            <SimpleTable
              caption={t("calendar.extra.title")}
              head={[t("calendar.col.date"), t("calendar.col.hours"), t("calendar.col.reason")]}
              rows={c.extraWorkingDays.map((x) => [f.calendarDate(x.date), intervalsText(x.intervals, t), x.label])}
            />
          )}
        </Section>
      </div>
      <Section title={t("calendar.escalations.title")} id="cal-escalations">
        <SimpleTable
          caption={t("calendar.escalations.caption", { tier: c.escalationHours.tier })}
          head={[
            t("calendar.col.severity"),
            t("calendar.col.firstResponse"),
            t("calendar.col.resolution"),
            t("calendar.col.clock"),
          ]}
          rows={c.escalationHours.severities.map((s) => [
            s.severity,
            f.duration(s.firstResponseMinutes),
            f.duration(s.resolutionMinutes),
            s.clock === "24x7" ? "24x7" : t("calendar.escalations.businessHours"),
          ])}
        />
      </Section>
      <Section title={t("calendar.versions.title")} id="cal-versions">
        <SimpleTable
          caption={t("calendar.versions.caption")}
          head={[t("calendar.col.version"), t("calendar.col.inForce"), t("calendar.col.calendar")]}
          rows={c.versions.map((v) => [
            v.active
              ? t("calendar.versions.active", { version: v.version === 0 ? "default" : String(v.version) })
              : String(v.version),
            t("calendar.versions.range", {
              from: v.validFrom ? f.date(v.validFrom) : t("calendar.versions.fromStart"),
              to: v.validTo ? f.date(v.validTo) : t("calendar.versions.now"),
            }),
            v.label,
          ])}
        />
        <p className="mt-3 text-xs text-slate-600">{t("calendar.versions.note")}</p>
      </Section>
    </div>
  );
}
