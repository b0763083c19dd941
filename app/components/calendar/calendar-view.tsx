// The read-only business calendar every customer user (and staff in an opened account) can see:
// what SLA figures are computed with — hours, holidays of any year, closures, extra working days,
// the fiscal calendar with this year's periods, escalation hours, and every version.
import { Form, Link } from "@remix-run/react";
import type { FiscalYearView, CalendarView as View } from "#app/server/calendar/api-schema";
import { useFormat } from "#app/i18n/react";
import { Card, EmptyState, PageHeader } from "#app/components/ui";

export interface CalendarPageData {
  calendar: View;
  year: number;
  fiscalYear: FiscalYearView | null;
  isAdmin: boolean;
}

const intervalsText = (ivs: { start: string; end: string }[]) =>
  ivs.length === 0 ? "Not a working day" : ivs.map((iv) => `${iv.start}–${iv.end}`).join(", ");

function minutesText(min: number): string {
  if (min % 60 === 0) return `${min / 60} h`;
  return min > 60 ? `${Math.floor(min / 60)} h ${min % 60} min` : `${min} min`;
}

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

function SimpleTable({ caption, head, rows }: { caption: string; head: string[]; rows: React.ReactNode[][] }) {
  return (
    // Focusable so keyboard users can scroll a table wider than a phone (axe: scrollable-region-focusable).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be focusable
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="px-3 py-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j} className="px-3 py-2 align-top">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CalendarView({ data }: { data: CalendarPageData }) {
  const { calendar: c, year, fiscalYear } = data;
  const f = useFormat(c.timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    <div className="space-y-6">
      <PageHeader
        title="Business calendar"
        description={`The calendar your SLA figures are computed with: version ${c.version === 0 ? "default" : c.version}, ${c.label}. All dates and times are in ${c.timeZone}.`}
        actions={
          data.isAdmin ? (
            <Link
              to="/settings/calendar"
              className="inline-flex items-center rounded-lg border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              Edit calendar
            </Link>
          ) : null
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Section title="Working hours" id="cal-hours">
          {c.alwaysOpen ? (
            <p className="text-sm">Open 24x7: every minute counts as business time.</p>
          ) : (
            <SimpleTable
              caption="Working hours per weekday"
              head={["Day", "Hours"]}
              rows={c.weeklyHours.map((d) => [d.name, intervalsText(d.intervals)])}
            />
          )}
          <p className="mt-3 text-xs text-slate-600">
            An end earlier than the start runs past midnight into the next day. Weeks start on{" "}
            {c.weeklyHours[c.weekStart - 1].name}.
          </p>
        </Section>
        <Section title="Fiscal calendar" id="cal-fiscal">
          <p className="text-sm">{c.fiscal.description}.</p>
          {fiscalYear ? (
            <>
              <h3 className="mt-3 text-sm font-semibold">
                FY{fiscalYear.fiscalYear}: {f.calendarDate(fiscalYear.start)} – {f.calendarDate(fiscalYear.end)} (
                {fiscalYear.weeks.length} weeks)
              </h3>
              <SimpleTable
                caption={`Periods of FY${fiscalYear.fiscalYear}`}
                head={["Period", "Quarter", "From", "To"]}
                rows={fiscalYear.periods.map((p) => [
                  <Link
                    key="p"
                    to={`/sla?period=FY${fiscalYear.fiscalYear}-P${pad(p.period)}`}
                    className="text-brand-700 underline"
                  >
                    {p.label}
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
      <Section title={`Public holidays ${year}`} id="cal-holidays">
        <Form method="get" className="mb-3 flex flex-wrap items-end gap-2">
          <label className="text-sm font-medium" htmlFor="holiday-year">
            Year
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
            Show
          </button>
          <Link to={`?year=${year - 1}`} className="text-sm text-brand-700 underline">
            {year - 1}
          </Link>
          <Link to={`?year=${year + 1}`} className="text-sm text-brand-700 underline">
            {year + 1}
          </Link>
        </Form>
        {c.holidays.country === null ? (
          <p className="text-sm">No public holidays are configured.</p>
        ) : c.holidays.dates.length === 0 ? (
          <EmptyState title={`No public holidays in ${year}`} />
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-600">
              {c.holidays.country}
              {c.holidays.region ? ` (${c.holidays.region})` : ""}: no business time on these days unless an extra
              working day says otherwise.
            </p>
            <SimpleTable
              caption={`Public holidays in ${year}`}
              head={["Date", "Holiday"]}
              rows={c.holidays.dates.map((h) => [f.calendarDate(h.date), h.name])}
            />
          </>
        )}
      </Section>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Section title="Closures" id="cal-closures">
          {c.closures.length === 0 ? (
            <p className="text-sm text-slate-600">No closures.</p>
          ) : (
            <SimpleTable
              caption="Closures"
              head={["Date", "Closed", "Reason"]}
              rows={c.closures.map((x) => [
                f.calendarDate(x.date),
                x.start && x.end ? `${x.start}–${x.end}` : "All day",
                x.label,
              ])}
            />
          )}
        </Section>
        <Section title="Extra working days" id="cal-extra">
          {c.extraWorkingDays.length === 0 ? (
            <p className="text-sm text-slate-600">No extra working days.</p>
          ) : (
            <SimpleTable
              caption="Extra working days"
              head={["Date", "Hours", "Reason"]}
              rows={c.extraWorkingDays.map((x) => [f.calendarDate(x.date), intervalsText(x.intervals), x.label])}
            />
          )}
        </Section>
      </div>
      <Section title="Escalation response times" id="cal-escalations">
        <SimpleTable
          caption={`Escalation targets of the ${c.escalationHours.tier} tier`}
          head={["Severity", "First response", "Resolution", "Clock"]}
          rows={c.escalationHours.severities.map((s) => [
            s.severity,
            minutesText(s.firstResponseMinutes),
            minutesText(s.resolutionMinutes),
            s.clock === "24x7" ? "24x7" : "Business hours above",
          ])}
        />
      </Section>
      <Section title="Versions" id="cal-versions">
        <SimpleTable
          caption="Calendar versions, newest first"
          head={["Version", "In force", "Calendar"]}
          rows={c.versions.map((v) => [
            v.active ? `${v.version === 0 ? "Default" : v.version} (in force)` : String(v.version),
            `${v.validFrom ? f.date(v.validFrom) : "from the start"} – ${v.validTo ? f.date(v.validTo) : "now"}`,
            v.label,
          ])}
        />
        <p className="mt-3 text-xs text-slate-600">
          Saving a new version recomputes every stored SLA figure with it, past periods included.
        </p>
      </Section>
    </div>
  );
}
