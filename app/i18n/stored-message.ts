// Texts written once and read later by people of different languages (queue alerts, in-app
// notifications and their e-mails) are stored as a catalogue id and its values, and put into
// words where they are shown. Stored values are raw facts; the reader's words for some of them
// are added here, by name, so every such message can use them:
//   minutes  -> duration    (business-time length in the reader's format)
//   period   -> periodLabel (a fiscal period label, "FY2026 P11 (Nov)", in the reader's words)
//   cause    -> causeName   (a root cause id, "carrier_delay", as its catalogue name)
//   category -> categoryName (an escalation category id as its catalogue name)
//   promised, predicted -> promisedDate, predictedDate (calendar dates YYYY-MM-DD in the reader's format)
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
  f: Pick<Formatter, "duration" | "monthName" | "dateRange" | "calendarDate">,
): MessageValues {
  const out: MessageValues = { ...values };
  if (typeof values?.minutes === "number") out.duration = f.duration(values.minutes);
  if (typeof values?.period === "string") out.periodLabel = fiscalLabel(values.period, t, f);
  if (typeof values?.cause === "string") out.causeName = t(`joint.cause.${values.cause}` as MessageId);
  if (typeof values?.category === "string")
    out.categoryName = t(`escalations.category.${values.category}` as MessageId);
  if (typeof values?.promised === "string") out.promisedDate = f.calendarDate(values.promised);
  if (typeof values?.predicted === "string") out.predictedDate = f.calendarDate(values.predicted);
  return out;
}
