// Texts written once and read later by people of different languages (queue alerts, in-app
// notifications and their e-mails) are stored as a catalogue id and its values, and put into
// words where they are shown. Stored values are raw facts; the reader's words for some of them
// are added here, by name, so every such message can use them:
//   minutes  -> duration    (business-time length in the reader's format)
//   period   -> periodLabel (a fiscal period label, "FY2026 P11 (Nov)", in the reader's words)
//   cause    -> causeName   (a root cause id, "carrier_delay", as its catalogue name)
//   category -> categoryName (an escalation category id as its catalogue name)
//   promised, predicted -> promisedDate, predictedDate (calendar dates YYYY-MM-DD in the reader's format)
//   <x>At    -> <x>         (an instant, ISO, as a date and time in the reader's zone: sinceAt -> since)
//   <x>Pct   -> <x>         (a percentage 0-100 in the reader's format: valuePct -> value)
//   kpiId    -> kpi         (a performance KPI id as its catalogue name)
//   levelId  -> level       (an escalation protocol level as its catalogue name)
// Pure: pages (through useT/useFormat), loaders and e-mails (translator/createFormatter) share it.
import type { MessageId } from "./catalogue";
import { fiscalLabel } from "./fiscal";
import type { Formatter } from "./format";
import type { MessageValues } from "./translate";

export type StoredValues = Record<string, string | number>;
type T = (id: MessageId, values?: MessageValues) => string;

/** The stored values plus the reader's words for the ones named above. */
export function displayValues(
  values: StoredValues | null | undefined,
  t: T,
  f: Pick<Formatter, "duration" | "monthName" | "dateRange" | "calendarDate" | "dateTime" | "percent">,
): MessageValues {
  const out: MessageValues = { ...values };
  if (typeof values?.minutes === "number") out.duration = f.duration(values.minutes);
  if (typeof values?.period === "string") out.periodLabel = fiscalLabel(values.period, t, f);
  if (typeof values?.cause === "string") out.causeName = t(`joint.cause.${values.cause}` as MessageId);
  if (typeof values?.category === "string")
    out.categoryName = t(`escalations.category.${values.category}` as MessageId);
  if (typeof values?.promised === "string") out.promisedDate = f.calendarDate(values.promised);
  if (typeof values?.predicted === "string") out.predictedDate = f.calendarDate(values.predicted);
  for (const [k, v] of Object.entries(values ?? {})) {
    if (/^[a-z][A-Za-z]*At$/.test(k) && typeof v === "string") out[k.slice(0, -2)] = f.dateTime(v);
    if (/^[a-z][A-Za-z]*Pct$/.test(k) && typeof v === "number") out[k.slice(0, -3)] = f.percent(v / 100, 2);
  }
  if (typeof values?.kpiId === "string") out.kpi = t(`joint.performance.kpi.${values.kpiId}` as MessageId);
  if (typeof values?.levelId === "string") out.level = t(`joint.protocol.level.${values.levelId}` as MessageId);
  return out;
}
