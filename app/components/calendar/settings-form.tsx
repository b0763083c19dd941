// The calendar settings form (customer admins): time zone, weekly hours, holidays, closures,
// extra working days, fiscal calendar and week start, with a preview; saving stores a new version
// and recomputes SLA figures. The route (app/routes/settings.calendar.tsx) loads and acts.
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { Fragment, useEffect, useId, useRef, useState, type InputHTMLAttributes, type ReactNode } from "react";
import { Alert, Badge, Button, Card, FieldError, Table, cx } from "#app/components/ui";
import type {
  CalendarDefinition,
  Closure,
  ExtraWorkingDay,
  TimeInterval,
  WeekdayKey,
} from "#app/domain/calendar/types";
import { TIME_ZONES } from "#app/forms/admin";
import type { calendarAction, loadCalendarSettings } from "#app/server/calendar/settings-page.server";
import { FormattedMessage } from "react-intl";
import { useFormat, useT, useFiscalLabel } from "#app/i18n/react";

const DAYS: WeekdayKey[] = ["1", "2", "3", "4", "5", "6", "7"];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
const inputClass = (error?: string | null) =>
  cx(
    "block rounded-lg border bg-white px-2 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none",
    error ? "border-red-500" : "border-slate-300",
  );

type Errors = Record<string, string>;

function Select({
  label,
  name,
  value,
  onChange,
  error,
  children,
}: {
  label: string;
  name: string;
  value: string | number;
  onChange?: (v: string) => void;
  error?: string;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        value={String(value)}
        onChange={(e) => onChange?.(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={cx(inputClass(error), "mt-1 w-full")}
      >
        {children}
      </select>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

function WeekEditor({
  hours,
  setHours,
  errors,
}: {
  hours: Record<WeekdayKey, TimeInterval[]>;
  setHours: (h: Record<WeekdayKey, TimeInterval[]>) => void;
  errors: Errors;
}) {
  const t = useT();
  const update = (day: WeekdayKey, list: TimeInterval[]) => setHours({ ...hours, [day]: list });
  return (
    <fieldset>
      <legend className="text-lg font-semibold">{t("calendar.settings.weekly")}</legend>
      <p className="mt-1 text-sm text-slate-600">{t("calendar.settings.weeklyHint")}</p>
      <FieldError id="weeklyHours-error" error={errors.weeklyHours} />
      <ul className="mt-3 divide-y divide-slate-100">
        {DAYS.map((d) => {
          const dayName = t("calendar.weekday", { day: d });
          const dayError = errors[`weeklyHours.${d}`];
          return (
            <li key={d} className="py-3">
              <div className="flex flex-wrap items-start gap-3">
                <span className="w-24 pt-1.5 text-sm font-medium" id={`day-${d}`}>
                  {dayName}
                </span>
                <div className="min-w-0 flex-1 space-y-2">
                  {hours[d].length === 0 ? (
                    <p className="pt-1.5 text-sm text-slate-500">{t("calendar.settings.notWorking")}</p>
                  ) : null}
                  {hours[d].map((iv, i) => {
                    const err = errors[`weeklyHours.${d}.${i}`];
                    return (
                      <div key={i} className="flex flex-wrap items-center gap-2">
                        {(["start", "end"] as const).map((edge) => (
                          <Fragment key={edge}>
                            {edge === "end" ? <span aria-hidden="true">–</span> : null}
                            <label className="sr-only" htmlFor={`wh-${d}-${i}-${edge[0]}`}>
                              {t(
                                edge === "start" ? "calendar.settings.intervalStart" : "calendar.settings.intervalEnd",
                                {
                                  day: dayName,
                                  n: i + 1,
                                },
                              )}
                            </label>
                            <input
                              id={`wh-${d}-${i}-${edge[0]}`}
                              name={`weeklyHours.${d}.${i}.${edge}`}
                              type="text"
                              inputMode="numeric"
                              pattern="[0-2][0-9]:[0-5][0-9]"
                              placeholder={t("calendar.settings.timePlaceholder")}
                              size={6}
                              value={iv[edge]}
                              onChange={(e) =>
                                update(
                                  d,
                                  hours[d].map((x, j) => (j === i ? { ...x, [edge]: e.target.value } : x)),
                                )
                              }
                              aria-invalid={err ? true : undefined}
                              aria-describedby={err ? `wh-${d}-${i}-err` : undefined}
                              className={inputClass(err)}
                            />
                          </Fragment>
                        ))}
                        <Button
                          type="button"
                          variant="ghost"
                          onClick={() =>
                            update(
                              d,
                              hours[d].filter((_, j) => j !== i),
                            )
                          }
                          aria-label={t("calendar.settings.removeInterval", { day: dayName, n: i + 1 })}
                        >
                          {t("calendar.settings.remove")}
                        </Button>
                        <FieldError id={`wh-${d}-${i}-err`} error={err} />
                      </div>
                    );
                  })}
                  <FieldError id={`wh-${d}-err`} error={dayError} />
                </div>
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => {
                    const last = hours[d][hours[d].length - 1];
                    update(d, [
                      ...hours[d],
                      last
                        ? { start: last.end === "24:00" ? "00:00" : last.end, end: "24:00" }
                        : { start: "08:00", end: "17:00" },
                    ]);
                  }}
                  aria-label={t("calendar.settings.addIntervalOn", { day: dayName })}
                >
                  {t("calendar.settings.addInterval")}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      <p className="mt-1 text-xs text-slate-500">{t("calendar.settings.timesNote")}</p>
    </fieldset>
  );
}

/** One small labelled input of a row (a closure's date, an extra day's hours), with its error. */
function RowInput({
  id,
  rowLabel,
  label,
  error,
  onValue,
  className,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "onChange"> & {
  id: string;
  /** Read after the label to screen readers: which row this is ("closure 2"). */
  rowLabel: string;
  label: string;
  error?: string;
  onValue: (value: string) => void;
}) {
  return (
    <div>
      <label className="block text-xs font-medium text-slate-700" htmlFor={id}>
        {label}
        <span className="sr-only">{rowLabel}</span>
      </label>
      <input
        id={id}
        {...input}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        className={cx(inputClass(error), "mt-1", className)}
      />
      <FieldError id={`${id}-err`} error={error} />
    </div>
  );
}

/** A list of rows the admin adds and removes (closures, extra working days), each row's inputs from `row`. */
function RowsEditor<R>({
  legend,
  hint,
  errorId,
  error,
  hidden,
  rows,
  setRows,
  blank,
  row,
  removeLabel,
  addLabel,
}: {
  legend: string;
  hint: string;
  errorId: string;
  error?: string;
  /** Sent with the form before the rows (e.g. a marker that the list was sent even when empty). */
  hidden?: ReactNode;
  rows: R[];
  setRows: (rows: R[]) => void;
  blank: R;
  row: (r: R, i: number, set: (patch: Partial<R>) => void) => ReactNode;
  removeLabel: (n: number) => string;
  addLabel: string;
}) {
  const t = useT();
  const set = (i: number) => (patch: Partial<R>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset>
      <legend className="text-lg font-semibold">{legend}</legend>
      <p className="mt-1 text-sm text-slate-600">{hint}</p>
      {hidden}
      <FieldError id={errorId} error={error} />
      <ul className="mt-3 space-y-3">
        {rows.map((r, i) => (
          <li key={i} className="flex flex-wrap items-end gap-2">
            {row(r, i, set(i))}
            <Button
              type="button"
              variant="ghost"
              onClick={() => setRows(rows.filter((_, j) => j !== i))}
              aria-label={removeLabel(i + 1)}
            >
              {t("calendar.settings.remove")}
            </Button>
          </li>
        ))}
      </ul>
      <Button type="button" variant="secondary" className="mt-3" onClick={() => setRows([...rows, blank])}>
        {addLabel}
      </Button>
    </fieldset>
  );
}

function ClosuresEditor({
  closures,
  setClosures,
  errors,
}: {
  closures: Closure[];
  setClosures: (c: Closure[]) => void;
  errors: Errors;
}) {
  const t = useT();
  return (
    <RowsEditor
      legend={t("calendar.settings.closures")}
      hint={t("calendar.settings.closuresHint")}
      errorId="closures-error"
      error={errors.closures}
      rows={closures}
      setRows={setClosures}
      blank={{ date: "", label: "" }}
      removeLabel={(n) => t("calendar.settings.removeClosure", { n })}
      addLabel={t("calendar.settings.addClosure")}
      row={(c, i, set) =>
        (["date", "start", "end", "label"] as const).map((f) => (
          <RowInput
            key={f}
            id={`cl-${i}-${f}`}
            name={`closures.${i}.${f}`}
            label={t("calendar.settings.field", { field: f })}
            rowLabel={t("calendar.settings.closureN", { n: i + 1 })}
            error={errors[`closures.${i}.${f}`] ?? (f === "date" ? errors[`closures.${i}`] : undefined)}
            type={f === "date" ? "date" : "text"}
            placeholder={f === "start" || f === "end" ? t("calendar.settings.timePlaceholder") : undefined}
            size={f === "label" ? 24 : f === "date" ? undefined : 6}
            value={(c[f] as string | undefined) ?? ""}
            onValue={(v) => set({ [f]: v })}
          />
        ))
      }
    />
  );
}

type ExtraDayRow = { date: string; hours: string; label: string };

const hoursText = (ivs: TimeInterval[]) => ivs.map((iv) => `${iv.start}-${iv.end}`).join(", ");

function ExtraDaysEditor({
  days,
  setDays,
  errors,
}: {
  days: ExtraDayRow[];
  setDays: (d: ExtraDayRow[]) => void;
  errors: Errors;
}) {
  const t = useT();
  const errorOf = (i: number, f: keyof ExtraDayRow) => {
    if (f === "hours") {
      const key = Object.keys(errors).find((k) => k.startsWith(`extraWorkingDays.${i}.intervals`));
      return key ? errors[key] : undefined;
    }
    return errors[`extraWorkingDays.${i}.${f}`] ?? (f === "date" ? errors[`extraWorkingDays.${i}`] : undefined);
  };
  return (
    <RowsEditor
      legend={t("calendar.settings.extraDays")}
      hint={t("calendar.settings.extraDaysHint")}
      hidden={<input type="hidden" name="extraWorkingDays.sent" value="1" />}
      errorId="extraWorkingDays-error"
      error={errors.extraWorkingDays}
      rows={days}
      setRows={setDays}
      blank={{ date: "", hours: "08:00-17:00", label: "" }}
      removeLabel={(n) => t("calendar.settings.removeExtraDay", { n })}
      addLabel={t("calendar.settings.addExtraDay")}
      row={(d, i, set) =>
        (["date", "hours", "label"] as const).map((f) => (
          <RowInput
            key={f}
            id={`xd-${i}-${f}`}
            name={`extraWorkingDays.${i}.${f}`}
            label={t("calendar.settings.field", { field: f })}
            rowLabel={t("calendar.settings.extraDayN", { n: i + 1 })}
            error={errorOf(i, f)}
            type={f === "date" ? "date" : "text"}
            placeholder={f === "hours" ? "08:00-12:00, 13:00-17:00" : undefined}
            size={f === "date" ? undefined : f === "hours" ? 22 : 24}
            value={d[f]}
            onValue={(v) => set({ [f]: v })}
            className="max-w-full"
          />
        ))
      }
    />
  );
}

export function CalendarSettingsForm() {
  const page = useLoaderData<typeof loadCalendarSettings>();
  const f = useFormat(page.timeZone);
  const t = useT();
  const fiscal = useFiscalLabel();
  const actionData = useActionData<typeof calendarAction>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const revalidator = useRevalidator();
  const def = page.definition as CalendarDefinition;
  const [timeZone, setTimeZone] = useState(def.timeZone);
  const [weekStart, setWeekStart] = useState(String(def.weekStart));
  const [always, setAlways] = useState(def.always === true);
  const [hours, setHours] = useState(def.weeklyHours);
  const [country, setCountry] = useState(def.holidays?.country ?? "");
  const [region, setRegion] = useState(def.holidays?.region ?? "");
  const [closures, setClosures] = useState<Closure[]>(def.closures);
  const [extraDays, setExtraDays] = useState<ExtraDayRow[]>(
    def.extraWorkingDays.map((d: ExtraWorkingDay) => ({ date: d.date, hours: hoursText(d.intervals), label: d.label })),
  );
  const [fiscalKind, setFiscalKind] = useState<string>(def.fiscal.kind);
  const [startMonth, setStartMonth] = useState(String(def.fiscal.kind === "calendar" ? def.fiscal.startMonth : 1));
  const [rule, setRule] = useState(def.fiscal.kind !== "calendar" ? def.fiscal.yearEnd.rule : "last");
  const [yeWeekday, setYeWeekday] = useState(String(def.fiscal.kind !== "calendar" ? def.fiscal.yearEnd.weekday : 6));
  const [yeMonth, setYeMonth] = useState(String(def.fiscal.kind !== "calendar" ? def.fiscal.yearEnd.month : 12));
  const [naming, setNaming] = useState(def.fiscal.naming ?? "end");

  // After a preview or save, bring its outcome (message, error summary) into view and focus.
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (actionData) resultRef.current?.focus();
  }, [actionData]);

  const running = page.jobs.some((j) => j.status === "queued" || j.status === "running");
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 1500);
    return () => clearInterval(t);
  }, [running, revalidator]);

  // Field errors come as catalogue messages; worded here, in the reader's language.
  const errors: Errors = Object.fromEntries(
    Object.entries((actionData && !actionData.ok ? actionData.errors : {}) ?? {}).map(([k, m]) => [
      k,
      t(m.id, m.values),
    ]),
  );
  const preview = actionData?.ok && actionData.preview ? actionData.preview : page.preview;
  const previewIsDraft = Boolean(actionData?.ok && actionData.preview && actionData.intent === "preview");
  // Region suggestions are known for the saved country and for whatever the last preview/save sent.
  const sent = actionData?.regions ?? null;
  const regions =
    sent && sent.country === country ? sent.list : country === (def.holidays?.country ?? "") ? page.regions : null;

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Form method="post" className="space-y-6 lg:col-span-2" noValidate>
        <div ref={resultRef} tabIndex={-1} className="space-y-3 outline-none empty:hidden">
          {actionData?.message && Object.keys(errors).length === 0 ? (
            <Alert tone={actionData.ok ? "success" : "error"}>
              {t(actionData.message.id, actionData.message.values)}
            </Alert>
          ) : null}
          {Object.keys(errors).length > 0 ? (
            <Alert>
              <p className="font-medium">
                {actionData?.message
                  ? t(actionData.message.id, actionData.message.values)
                  : t("calendar.settings.nothingSaved")}
              </p>
              <ul className="mt-1 list-disc pl-5">
                {Object.entries(errors).map(([k, v]) => (
                  <li key={k}>{v}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
        </div>
        <Card
          title={t("calendar.settings.calendar")}
          description={t("calendar.settings.inUse", {
            version: page.version === 0 ? "default" : String(page.version),
            label: page.label,
          })}
        >
          <div className="mt-4 grid gap-4 sm:grid-cols-3">
            <Select
              label={t("calendar.settings.timeZone")}
              name="timeZone"
              value={timeZone}
              onChange={setTimeZone}
              error={errors.timeZone}
            >
              {!TIME_ZONES.includes(timeZone) ? <option value={timeZone}>{timeZone}</option> : null}
              {TIME_ZONES.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </Select>
            <Select
              label={t("calendar.settings.weekStart")}
              name="weekStart"
              value={weekStart}
              onChange={setWeekStart}
              error={errors.weekStart}
            >
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {t("calendar.weekday", { day: d })}
                </option>
              ))}
            </Select>
            <div className="flex items-end pb-2">
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="always" checked={always} onChange={(e) => setAlways(e.target.checked)} />
                {t("calendar.settings.always")}
              </label>
            </div>
          </div>
        </Card>
        <Card className={cx(always && "opacity-60")}>
          <WeekEditor hours={hours} setHours={setHours} errors={errors} />
        </Card>
        <Card>
          <fieldset>
            <legend className="text-lg font-semibold">{t("calendar.settings.holidays")}</legend>
            <div className="mt-3 grid gap-4 sm:grid-cols-2">
              <Select
                label={t("calendar.settings.holidayCountry")}
                name="holidays.country"
                value={country}
                onChange={setCountry}
                error={errors["holidays.country"] ?? errors.holidays}
              >
                <option value="">{t("calendar.settings.noHolidays")}</option>
                {page.countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {t("calendar.settings.countryOption", { name: c.name, code: c.code })}
                  </option>
                ))}
              </Select>
              <RegionField
                value={region}
                onChange={setRegion}
                regions={regions}
                country={country}
                error={errors["holidays.region"]}
              />
            </div>
            <p className="mt-2 text-xs text-slate-500">{t("calendar.settings.previewHint")}</p>
          </fieldset>
        </Card>
        <Card>
          <ClosuresEditor closures={closures} setClosures={setClosures} errors={errors} />
        </Card>
        <Card>
          <ExtraDaysEditor days={extraDays} setDays={setExtraDays} errors={errors} />
        </Card>
        <Card>
          <fieldset>
            <legend className="text-lg font-semibold">{t("calendar.settings.fiscal")}</legend>
            <p className="mt-1 text-sm text-slate-600">{t("calendar.settings.fiscalHint")}</p>
            <div className="mt-3 grid gap-4 sm:grid-cols-2">
              <Select
                label={t("calendar.settings.fiscalKind")}
                name="fiscal.kind"
                value={fiscalKind}
                onChange={setFiscalKind}
                error={errors["fiscal.kind"] ?? errors.fiscal}
              >
                <option value="calendar">{t("calendar.settings.kind.calendar")}</option>
                <option value="445">{t("calendar.settings.kind.weeks", { pattern: "4-4-5" })}</option>
                <option value="454">{t("calendar.settings.kind.weeks", { pattern: "4-5-4" })}</option>
                <option value="544">{t("calendar.settings.kind.weeks", { pattern: "5-4-4" })}</option>
              </Select>
              <Select
                label={t("calendar.settings.naming")}
                name="fiscal.naming"
                value={naming}
                onChange={(v) => setNaming(v as "end" | "start")}
                error={errors["fiscal.naming"]}
              >
                <option value="end">{t("calendar.settings.naming.end")}</option>
                <option value="start">{t("calendar.settings.naming.start")}</option>
              </Select>
              {fiscalKind === "calendar" ? (
                <Select
                  label={t("calendar.settings.startMonth")}
                  name="fiscal.startMonth"
                  value={startMonth}
                  onChange={setStartMonth}
                  error={errors["fiscal.startMonth"]}
                >
                  {MONTHS.map((m) => (
                    <option key={m} value={m}>
                      {t("calendar.month", { month: m })}
                    </option>
                  ))}
                </Select>
              ) : (
                <>
                  <Select
                    label={t("calendar.settings.yearEndRule")}
                    name="fiscal.yearEnd.rule"
                    value={rule}
                    onChange={(v) => setRule(v as "last" | "nearest")}
                    error={errors["fiscal.yearEnd.rule"] ?? errors["fiscal.yearEnd"]}
                  >
                    <option value="last">{t("calendar.settings.rule.last")}</option>
                    <option value="nearest">{t("calendar.settings.rule.nearest")}</option>
                  </Select>
                  <Select
                    label={t("calendar.settings.yearEndWeekday")}
                    name="fiscal.yearEnd.weekday"
                    value={yeWeekday}
                    onChange={setYeWeekday}
                    error={errors["fiscal.yearEnd.weekday"]}
                  >
                    {WEEKDAYS.map((d) => (
                      <option key={d} value={d}>
                        {t("calendar.weekday", { day: d })}
                      </option>
                    ))}
                  </Select>
                  <Select
                    label={t("calendar.settings.yearEndMonth")}
                    name="fiscal.yearEnd.month"
                    value={yeMonth}
                    onChange={setYeMonth}
                    error={errors["fiscal.yearEnd.month"]}
                  >
                    {MONTHS.map((m) => (
                      <option key={m} value={m}>
                        {t("calendar.month", { month: m })}
                      </option>
                    ))}
                  </Select>
                </>
              )}
            </div>
          </fieldset>
        </Card>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" name="intent" value="preview" variant="secondary" disabled={busy}>
            {t("calendar.settings.preview")}
          </Button>
          <Button type="submit" name="intent" value="save" disabled={busy}>
            {busy && navigation.formData?.get("intent") === "save"
              ? t("calendar.settings.saving")
              : t("calendar.settings.save")}
          </Button>
        </div>
      </Form>

      <div className="space-y-6">
        <Card title={t("calendar.settings.previewTitle", { draft: previewIsDraft ? "yes" : "no" })}>
          <p className="mt-2 text-sm">
            <FormattedMessage
              id="calendar.settings.currentPeriod"
              values={{
                label: fiscal(preview.currentPeriod.label),
                quarter: preview.currentPeriod.quarter,
                week: preview.currentPeriod.week,
                range: f.dateRange(preview.currentPeriod.start, preview.currentPeriod.end),
                b: (chunks) => <strong>{chunks}</strong>,
              }}
            />
          </p>
          <h3 className="mt-4 text-sm font-semibold text-slate-700">{t("calendar.settings.thisWeek")}</h3>
          <Table
            className="mt-1"
            caption={t("calendar.settings.thisWeek")}
            scrollLabel={t("calendar.settings.thisWeek")}
            columns={[
              t("calendar.col.day"),
              t("calendar.col.hours"),
              { label: t("calendar.col.total"), align: "right" },
            ]}
          >
            {preview.week.map((d) => (
              <tr key={d.date}>
                <th scope="row" className="text-left font-medium">
                  {f.weekdayDate(d.date)}
                </th>
                <td>
                  {d.intervals.length ? (
                    d.intervals.join(", ")
                  ) : (
                    <span className="text-slate-500">{t("calendar.settings.closed")}</span>
                  )}
                </td>
                <td className="text-right text-slate-600">{f.duration(d.minutes)}</td>
              </tr>
            ))}
          </Table>
          <h3 className="mt-4 text-sm font-semibold text-slate-700">{t("calendar.settings.holidaysNext")}</h3>
          {preview.holidays.length === 0 ? (
            <p className="mt-1 text-sm text-slate-500">{t("calendar.settings.none")}</p>
          ) : (
            <ul className="mt-1 text-sm">
              {preview.holidays.map((h) => (
                <li key={h.date} className="flex justify-between gap-2 border-b border-slate-100 py-1">
                  <span>{h.name}</span>
                  <span className="text-slate-600 tabular-nums">{f.calendarDate(h.date)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("calendar.settings.recompute")}>
          {page.jobs.length === 0 ? (
            <p className="mt-1 text-sm text-slate-500">{t("calendar.settings.noRecompute")}</p>
          ) : null}
          <ul className="mt-2 space-y-3 text-sm" aria-live="polite">
            {page.jobs.map((j) => (
              <li key={j.id}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span>{t("calendar.settings.jobVersion", { version: String(j.calendarVersion) })}</span>
                  <Badge tone={j.status === "done" ? "green" : j.status === "failed" ? "red" : "amber"}>
                    {t("calendar.settings.jobStatus", {
                      status: j.error && j.status === "done" ? "superseded" : j.status,
                    })}
                  </Badge>
                </div>
                {j.status === "running" || j.status === "queued" ? (
                  <>
                    <progress
                      className="mt-1 w-full"
                      max={Math.max(1, j.total)}
                      value={j.done}
                      aria-label={t("calendar.settings.jobProgressLabel", { version: String(j.calendarVersion) })}
                    />
                    <p className="text-slate-600">
                      {t("calendar.settings.jobProgress", {
                        done: f.number(j.done),
                        total: j.total ? f.number(j.total) : "…",
                      })}
                    </p>
                  </>
                ) : (
                  <p className="text-slate-600">
                    {j.status === "failed" ? j.error : t("calendar.settings.jobOrders", { count: j.done })} ·{" "}
                    {f.dateTime(j.finishedAt ?? j.createdAt)}
                  </p>
                )}
              </li>
            ))}
          </ul>
          <p className="mt-3 text-sm">
            <Link to="/sla" className="text-brand-700 hover:underline">
              {t("calendar.settings.seeSla")}
            </Link>
          </p>
        </Card>
        <Card title={t("calendar.settings.versions")}>
          {page.versions.length === 0 ? (
            <p className="mt-1 text-sm text-slate-500">{t("calendar.settings.noVersions")}</p>
          ) : null}
          <ol className="mt-2 space-y-2 text-sm">
            {page.versions.map((v) => (
              <li key={v.version} className={cx(v.version === page.version && "font-medium")}>
                {t("calendar.settings.versionLine", {
                  version: String(v.version),
                  inUse: v.version === page.version ? "yes" : "no",
                })}{" "}
                · {f.dateTime(v.createdAt)}
                {v.createdBy ? " · " + v.createdBy : ""}
                <p className="font-normal text-slate-600">{v.label}</p>
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </div>
  );
}

function RegionField({
  value,
  onChange,
  regions,
  country,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  /** null: not known for the chosen country until the form is previewed. */
  regions: { code: string; name: string }[] | null;
  country: string;
  error?: string;
}) {
  const id = useId();
  const t = useT();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {t("calendar.settings.region")}
      </label>
      <input
        id={id}
        name="holidays.region"
        list={`${id}-list`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={t("calendar.settings.regionPlaceholder")}
        aria-invalid={error ? true : undefined}
        aria-describedby={cx(error && `${id}-error`, `${id}-hint`)}
        className={cx(inputClass(error), "mt-1 w-full")}
      />
      <datalist id={`${id}-list`}>
        {(regions ?? []).map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </datalist>
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
        {!country
          ? t("calendar.settings.regionChooseCountry")
          : regions === null
            ? t("calendar.settings.regionPreview", { country })
            : regions.length
              ? t("calendar.settings.regionKnown", {
                  codes: regions
                    .slice(0, 16)
                    .map((r) => r.code)
                    .join(", "),
                  more: regions.length > 16 ? "yes" : "no",
                })
              : t("calendar.settings.regionNone", { country })}
      </p>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}
