// Fiscal period labels in the reader's language. The calendar names periods in one fixed form,
// which is also the label the API answers with: "FY2026", "FY2026 Q2", "FY2026 P11 (Nov)",
// "FY2026 W07", and picker choices with their span, "FY2026 P11 (Nov) (2026-11-01 – 2026-11-30)".
// Pages, e-mails and the widgets show them through here: "GJ2026 P11 (Nov.)", "2026年度 P11（11月）".
// (The widgets hand in a t that reads their own copies of the common.fiscal.* messages.)
import type { MessageId } from "./catalogue";
import type { Formatter } from "./format";
import type { MessageValues } from "./translate";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const LABEL =
  /^FY(\d{4})(?: (?:Q([1-4])|P(\d{2})(?: \(([A-Z][a-z]{2})\))?|W(\d{2})))?(?: \((\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2})\))?$/;

type T = (id: MessageId, values?: MessageValues) => string;

/**
 * A calendar's period label in the reader's language; anything that is not one (a custom label,
 * an empty string) comes back as it was.
 */
export function fiscalLabel(label: string, t: T, f: Pick<Formatter, "monthName" | "dateRange">): string {
  const m = LABEL.exec(label);
  if (!m) return label;
  const [, year, quarter, period, monthAbbr, week, start, end] = m;
  // Numbers go in as text: a year is not "2,026", and "P03" keeps its zero.
  let name: string;
  if (quarter) name = t("common.fiscal.quarter", { year, quarter });
  else if (period) {
    const month = monthAbbr ? MONTHS.indexOf(monthAbbr) + 1 : 0;
    name =
      month > 0
        ? t("common.fiscal.periodMonth", { year, period, month: f.monthName(month) })
        : t("common.fiscal.period", { year, period });
  } else if (week) name = t("common.fiscal.week", { year, week });
  else name = t("common.fiscal.year", { year });
  return start && end ? t("common.fiscal.withRange", { label: name, range: f.dateRange(start, end) }) : name;
}
