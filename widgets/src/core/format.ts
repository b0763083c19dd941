// Dates and numbers with Intl, in the customer's time zone (from the token) and the page's locale.
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string | undefined, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(undefined, { ...opts, timeZone });
    } catch {
      f = new Intl.DateTimeFormat(undefined, opts);
    }
    cache.set(key, f);
  }
  return f;
}

/** An instant (ISO string) as date and time in the zone. */
export function formatInstant(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "—";
  return formatter(timeZone, { dateStyle: "medium", timeStyle: "short" }).format(d);
}

/** A local date ("YYYY-MM-DD", already in the customer's calendar) without shifting it. */
export function formatLocalDate(date: string | null | undefined): string {
  if (!date) return "—";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return "—";
  return formatter("UTC", { dateStyle: "medium" }).format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
}

export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  return new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 }).format(value);
}

export function humanize(code: string | null | undefined): string {
  if (!code) return "—";
  const s = code.replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}
