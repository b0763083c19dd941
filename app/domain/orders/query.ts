// The order-list query language: what a URL (page, API, export, saved view) may say about which
// orders to show and in what order. Pure: parsing, validation and serialisation only; the SQL
// lives in app/server/orders/. One parser serves the page, /api/v1/orders and the CSV export, so
// a saved view or shared link means the same everywhere.
//
// Parameters (all optional, repeatable ones also accept comma-separated values):
//   status=shipped&status=in_transit   statuses (multi)
//   site=<uuid>                        ship-to sites (multi)
//   priority=critical                  priorities (multi)
//   q=SO-1001                          prefix of order number, customer PO, SKU or tracking number
//   ordered_from / ordered_to          local dates (YYYY-MM-DD, inclusive) in the tenant's zone;
//   requested_* / promised_* / delivered_*   likewise
//   late=open|delivered|any            late now (open, past promise), delivered late, or either;
//                                      late=1 (older links) means any
//   at_risk=1                          open orders predicted after the promise (with late: either)
//   due=today|week                     open orders promised for today / today and the next 6 days
//   fiscal=FY2026 | FY2026-Q2 | FY2026-P03 | FY2026-W07   SLA drill-down by stored fiscal period
//   otif=missed|met, ontime=missed|met, infull=missed|met  SLA drill-down by stored metrics
//   measured=1, fill=short|full, lead_time_over=<business minutes>  SLA drill-down (added by H2 for
//     the SLA page's tiles: measured orders, orders with a line shipped short, lead time over target)
//   late_over=<business minutes>, late_upto=<business minutes>  measured orders late by more than /
//     at most that much (the SLA page's "why orders missed")
//   carrier=<name> (multi), no_carrier=1   orders shipped by that carrier / without a carrier
//   sort=ordered|number|status|requested|promised|delivered, dir=asc|desc
//   cursor=<opaque>, limit=1..200
import { z } from "zod";
import { parsePeriodKey, type PeriodKey } from "../sla/periods";
import { ORDER_PRIORITIES, isStatus, type OrderPriority, type OrderStatus } from "./statuses";

export const SORT_KEYS = ["ordered", "number", "status", "requested", "promised", "delivered"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";

export const DATE_FIELDS = ["ordered", "requested", "promised", "delivered"] as const;
export type DateField = (typeof DATE_FIELDS)[number];

export const METRIC_FIELDS = ["otif", "ontime", "infull"] as const;
export type MetricField = (typeof METRIC_FIELDS)[number];

/** Which late orders: open past the promise ("late now"), delivered after it, or either. */
export const LATE_FILTERS = ["open", "delivered", "any"] as const;
export type LateFilter = (typeof LATE_FILTERS)[number];

/** Open orders promised for today, or for today and the six days after it. */
export const DUE_FILTERS = ["today", "week"] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
export const MAX_Q_LENGTH = 64;

export interface DateRange {
  from: string | null;
  to: string | null;
}

export interface OrderFilters {
  status: OrderStatus[];
  site: string[];
  priority: OrderPriority[];
  q: string | null;
  dates: Record<DateField, DateRange>;
  late: LateFilter | null;
  atRisk: boolean;
  due: DueFilter | null;
  fiscal: PeriodKey | null;
  metrics: Partial<Record<MetricField, "met" | "missed">>;
  /** SLA drill-down on stored metrics beyond met/missed (H2); absent = no such filter. */
  sla?: SlaDrillFilters;
}

export interface SlaDrillFilters {
  /** Only measured orders (delivered, promised, not cancelled). */
  measured: boolean;
  /** Measured orders with a line shipped short, or with every line complete. */
  fill: "short" | "full" | null;
  /** Measured orders whose stored lead time exceeds this many business minutes. */
  leadTimeOver: number | null;
  /** Measured orders late by more than / at most this many business minutes (stored lateness). */
  lateOver?: number | null;
  lateUpTo?: number | null;
  /** Orders shipped by one of these carriers (exact names) — or, with noCarrier, without one. */
  carrier?: string[];
  noCarrier?: boolean;
}

export const MAX_CARRIER_LENGTH = 64;

export interface OrderQuery {
  filters: OrderFilters;
  sort: SortKey;
  dir: SortDir;
  cursor: string | null;
  limit: number;
}

export type ParseResult = { ok: true; query: OrderQuery } | { ok: false; errors: Record<string, string> };

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A real calendar date in YYYY-MM-DD form (no Feb 30). */
export function isLocalDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

// Built on first parse, not at import: the list page's client code imports this module for
// filtersToParams, and module-level schemas would pull zod (~24 KB gzip) into its bundle.
let schemas: { localDate: z.ZodType<string>; flag: z.ZodType<boolean, string> } | null = null;
function parsers() {
  schemas ??= {
    localDate: z.string().refine(isLocalDate, "Use a date like 2026-03-31."),
    flag: z
      .enum(["1", "true", "yes", "on", "0", "false", "no", "off", ""])
      .transform((v) => ["1", "true", "yes", "on"].includes(v)),
  };
  return schemas;
}

function multi(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

function single(params: URLSearchParams, name: string): string | null {
  const all = params.getAll(name);
  const v = all.length ? all[all.length - 1].trim() : "";
  return v === "" ? null : v;
}

const FIELD_LABEL: Record<DateField, string> = {
  ordered: "Ordered",
  requested: "Requested",
  promised: "Promised",
  delivered: "Delivered",
};

/**
 * Parses filters, sort and paging from URL parameters. Unknown parameters are ignored (links may
 * carry tracking parameters); known ones must be valid, and every problem is reported by name.
 */
export function parseOrderQuery(params: URLSearchParams, opts: { maxLimit?: number } = {}): ParseResult {
  const errors: Record<string, string> = {};
  const maxLimit = opts.maxLimit ?? MAX_LIMIT;
  const { localDate, flag } = parsers();

  const status = [...new Set(multi(params, "status"))];
  const badStatus = status.filter((s) => !isStatus(s));
  if (badStatus.length) errors.status = `Unknown status ${badStatus.map((s) => JSON.stringify(s)).join(", ")}.`;

  const site = [...new Set(multi(params, "site").map((s) => s.toLowerCase()))];
  if (site.some((s) => !UUID_RE.test(s))) errors.site = "Choose sites from the list.";
  if (site.length > 50) errors.site = "Choose at most 50 sites.";

  const priority = [...new Set(multi(params, "priority"))];
  if (priority.some((p) => !(ORDER_PRIORITIES as readonly string[]).includes(p)))
    errors.priority = "Priority is standard, expedited or critical.";

  const rawQ = single(params, "q");
  let q: string | null = null;
  if (rawQ !== null) {
    // Control characters would only ever miss; strip them rather than fail.
    // eslint-disable-next-line no-control-regex
    const clean = rawQ.replace(/[\u0000-\u001f\u007f]/g, "").trim();
    if (clean.length > MAX_Q_LENGTH) errors.q = `Search for at most ${MAX_Q_LENGTH} characters.`;
    else q = clean || null;
  }

  const dates = {} as Record<DateField, DateRange>;
  for (const field of DATE_FIELDS) {
    const range: DateRange = { from: null, to: null };
    for (const end of ["from", "to"] as const) {
      const name = `${field}_${end}`;
      const v = single(params, name);
      if (v === null) continue;
      const r = localDate.safeParse(v);
      if (r.success) range[end] = r.data;
      else errors[name] = `${FIELD_LABEL[field]} ${end}: use a date like 2026-03-31.`;
    }
    if (range.from && range.to && range.from > range.to)
      errors[`${field}_to`] = `${FIELD_LABEL[field]} to must not be before ${FIELD_LABEL[field].toLowerCase()} from.`;
    dates[field] = range;
  }

  let late: LateFilter | null = null;
  const lateText = single(params, "late")?.toLowerCase() ?? null;
  if (lateText !== null) {
    if ((LATE_FILTERS as readonly string[]).includes(lateText)) late = lateText as LateFilter;
    else {
      // Older links say late=1 (any late order) or late=0.
      const r = flag.safeParse(lateText);
      if (r.success) late = r.data ? "any" : null;
      else errors.late = "Late is open, delivered or any.";
    }
  }
  let atRisk = false;
  const riskText = single(params, "at_risk");
  if (riskText !== null) {
    const r = flag.safeParse(riskText.toLowerCase());
    if (r.success) atRisk = r.data;
    else errors.at_risk = "At risk is 1 or 0.";
  }
  let due: DueFilter | null = null;
  const dueText = single(params, "due");
  if (dueText !== null) {
    if ((DUE_FILTERS as readonly string[]).includes(dueText)) due = dueText as DueFilter;
    else errors.due = "Due is today or week.";
  }

  let fiscal: PeriodKey | null = null;
  const fiscalText = single(params, "fiscal");
  if (fiscalText !== null) {
    fiscal = parsePeriodKey(fiscalText);
    if (!fiscal) errors.fiscal = "Fiscal period looks like FY2026, FY2026-Q2, FY2026-P03 or FY2026-W07.";
  }

  const metrics: OrderFilters["metrics"] = {};
  for (const name of METRIC_FIELDS) {
    const v = single(params, name);
    if (v === null) continue;
    if (v === "met" || v === "missed") metrics[name] = v;
    else errors[name] = `${name} is met or missed.`;
  }

  // SLA drill-down params (H2): measured=1, fill=short|full, lead_time_over=<minutes>.
  const sla: SlaDrillFilters = { measured: false, fill: null, leadTimeOver: null };
  const measuredText = single(params, "measured");
  if (measuredText !== null) {
    const r = flag.safeParse(measuredText.toLowerCase());
    if (r.success) sla.measured = r.data;
    else errors.measured = "Measured is 1 or 0.";
  }
  const fillText = single(params, "fill");
  if (fillText !== null) {
    if (fillText === "short" || fillText === "full") sla.fill = fillText;
    else errors.fill = "fill is short or full.";
  }
  const overText = single(params, "lead_time_over");
  if (overText !== null) {
    if (/^\d{1,7}$/.test(overText)) sla.leadTimeOver = Number(overText);
    else errors.lead_time_over = "lead_time_over is a whole number of business minutes.";
  }
  for (const [name, key] of [
    ["late_over", "lateOver"],
    ["late_upto", "lateUpTo"],
  ] as const) {
    const text = single(params, name);
    if (text === null) continue;
    if (/^\d{1,7}$/.test(text)) sla[key] = Number(text);
    else errors[name] = `${name} is a whole number of business minutes.`;
  }
  if (sla.lateOver != null && sla.lateUpTo != null && sla.lateUpTo < sla.lateOver)
    errors.late_upto = "late_upto must not be below late_over.";
  const carrier = [...new Set(multi(params, "carrier"))];
  if (carrier.some((c) => c.length > MAX_CARRIER_LENGTH))
    errors.carrier = `A carrier name has at most ${MAX_CARRIER_LENGTH} characters.`;
  else if (carrier.length > 20) errors.carrier = "Choose at most 20 carriers.";
  else if (carrier.length) sla.carrier = carrier;
  const noCarrierText = single(params, "no_carrier");
  if (noCarrierText !== null) {
    const r = flag.safeParse(noCarrierText.toLowerCase());
    if (r.success) {
      if (r.data) sla.noCarrier = true;
    } else errors.no_carrier = "no_carrier is 1 or 0.";
  }
  const hasSla =
    sla.measured ||
    sla.fill !== null ||
    sla.leadTimeOver !== null ||
    sla.lateOver != null ||
    sla.lateUpTo != null ||
    Boolean(sla.carrier?.length) ||
    Boolean(sla.noCarrier);

  const sortText = single(params, "sort") ?? "ordered";
  const sort = (SORT_KEYS as readonly string[]).includes(sortText) ? (sortText as SortKey) : null;
  if (!sort) errors.sort = `Sort by one of ${SORT_KEYS.join(", ")}.`;
  const dirText = single(params, "dir") ?? defaultDir(sort ?? "ordered");
  if (dirText !== "asc" && dirText !== "desc") errors.dir = "Direction is asc or desc.";

  const cursor = single(params, "cursor");
  if (cursor !== null && (cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)))
    errors.cursor = "That page link is not valid; start from the first page.";

  const limitText = single(params, "limit");
  let limit = Math.min(DEFAULT_LIMIT, maxLimit);
  if (limitText !== null) {
    const n = Number(limitText);
    if (!/^\d+$/.test(limitText) || n < 1 || n > maxLimit) errors.limit = `Page size is 1 to ${maxLimit}.`;
    else limit = n;
  }

  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    query: {
      filters: {
        status: status as OrderStatus[],
        site,
        priority: priority as OrderPriority[],
        q,
        dates,
        late,
        atRisk,
        due,
        fiscal,
        metrics,
        ...(hasSla ? { sla } : {}),
      },
      sort: sort as SortKey,
      dir: dirText as SortDir,
      cursor,
      limit,
    },
  };
}

export function defaultDir(sort: SortKey): SortDir {
  return sort === "ordered" || sort === "delivered" ? "desc" : "asc";
}

export function emptyFilters(): OrderFilters {
  const dates = Object.fromEntries(DATE_FIELDS.map((f) => [f, { from: null, to: null }])) as Record<
    DateField,
    DateRange
  >;
  return {
    status: [],
    site: [],
    priority: [],
    q: null,
    dates,
    late: null,
    atRisk: false,
    due: null,
    fiscal: null,
    metrics: {},
  };
}

function formatFiscal(k: PeriodKey): string {
  if (k.granularity === "year") return `FY${k.fiscalYear}`;
  const letter = k.granularity === "quarter" ? "Q" : k.granularity === "period" ? "P" : "W";
  const n = k.granularity === "quarter" ? String(k.index) : String(k.index).padStart(2, "0");
  return `FY${k.fiscalYear}-${letter}${n}`;
}

/** The canonical URL form of filters (stable order), for links, saved views and the export link. */
export function filtersToParams(f: OrderFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const s of f.status) p.append("status", s);
  for (const s of f.site) p.append("site", s);
  for (const s of f.priority) p.append("priority", s);
  if (f.q) p.set("q", f.q);
  for (const field of DATE_FIELDS) {
    if (f.dates[field].from) p.set(`${field}_from`, f.dates[field].from as string);
    if (f.dates[field].to) p.set(`${field}_to`, f.dates[field].to as string);
  }
  if (f.late) p.set("late", f.late);
  if (f.atRisk) p.set("at_risk", "1");
  if (f.due) p.set("due", f.due);
  if (f.fiscal) p.set("fiscal", formatFiscal(f.fiscal));
  for (const m of METRIC_FIELDS) if (f.metrics[m]) p.set(m, f.metrics[m] as string);
  if (f.sla?.measured) p.set("measured", "1");
  if (f.sla?.fill) p.set("fill", f.sla.fill);
  if (f.sla?.leadTimeOver != null) p.set("lead_time_over", String(f.sla.leadTimeOver));
  if (f.sla?.lateOver != null) p.set("late_over", String(f.sla.lateOver));
  if (f.sla?.lateUpTo != null) p.set("late_upto", String(f.sla.lateUpTo));
  for (const c of f.sla?.carrier ?? []) p.append("carrier", c);
  if (f.sla?.noCarrier) p.set("no_carrier", "1");
  return p;
}

/** Filters plus a non-default sort: what a saved view or a shared link holds (never a cursor). */
export function queryToParams(q: Pick<OrderQuery, "filters" | "sort" | "dir">): URLSearchParams {
  const p = filtersToParams(q.filters);
  if (q.sort !== "ordered") p.set("sort", q.sort);
  if (q.dir !== defaultDir(q.sort)) p.set("dir", q.dir);
  return p;
}

export function hasActiveFilters(f: OrderFilters): boolean {
  return filtersToParams(f).toString() !== "";
}

/** Upper bound for a prefix range: every string starting with `prefix` sorts below it in "C" order. */
export function prefixUpperBound(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}
