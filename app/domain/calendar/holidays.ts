// Public holidays from date-holidays (type "public" only, substitute days included). A holiday
// closes the whole local date, even where date-holidays gives it a start time.
import { createRequire } from "node:module";
import type Holidays from "date-holidays";
import { localized, type Localized } from "#app/i18n/localized";
import type { Holiday, HolidaySource } from "./types";

/**
 * date-holidays (its code and every country's rules, about 0.1-0.2 s to load) is loaded when the
 * first calendar is compiled or checked, not when this module is: a server that restarts answers
 * its first requests without it. Synchronous, because compiling a calendar is.
 */
let holidaysClass: typeof Holidays | null = null;
function holidaysConstructor(): typeof Holidays {
  holidaysClass ??= createRequire(import.meta.url)("date-holidays") as typeof Holidays;
  return holidaysClass;
}

let catalogue: Holidays | null = null;
function holidayCatalogue(): Holidays {
  catalogue ??= new (holidaysConstructor())();
  return catalogue;
}

/** Region code without a country prefix: "DE-BY" and "BY" both give "BY". */
export function normaliseRegion(country: string, region: string | undefined | null): string | undefined {
  if (!region) return undefined;
  const r = region.trim().toUpperCase();
  const prefix = `${country.trim().toUpperCase()}-`;
  return r.startsWith(prefix) ? r.slice(prefix.length) : r;
}

/** Known countries, code -> English name. */
let countries: Record<string, string> | null = null;
export function holidayCountries(): Record<string, string> {
  countries ??= holidayCatalogue().getCountries("en") ?? {};
  return countries;
}

/** Known regions of a country, code -> name ({} when the country has none). */
export function holidayRegions(country: string): Record<string, string> {
  return holidayCatalogue().getStates(country.trim().toUpperCase(), "en") ?? {};
}

/** Why a holiday source is unusable, keyed by field ("country" / "region"), or null when fine. */
export function holidaySourceProblem(src: HolidaySource): { field: "country" | "region"; message: Localized } | null {
  const country = typeof src.country === "string" ? src.country.trim().toUpperCase() : "";
  if (!/^[A-Z]{2}$/.test(country) || !(country in holidayCountries())) {
    return { field: "country", message: localized("calendar.validation.holidayCountry") };
  }
  if (src.region !== undefined && src.region !== null && src.region !== "") {
    if (typeof src.region !== "string")
      return { field: "region", message: localized("calendar.validation.holidayRegionText") };
    const region = normaliseRegion(country, src.region);
    const regions = holidayRegions(country);
    if (!region || !(region in regions)) {
      const known = Object.keys(regions);
      return {
        field: "region",
        message: known.length
          ? localized("calendar.validation.holidayRegionUnknown", {
              country,
              regions: known.slice(0, 12).join(", ") + (known.length > 12 ? ", …" : ""),
            })
          : localized("calendar.validation.holidayNoRegions", { country }),
      };
    }
  }
  return null;
}

const instances = new Map<string, Holidays>();
const yearCache = new Map<string, Holiday[]>();

function instanceFor(src: HolidaySource, lang?: string): Holidays {
  const country = src.country.trim().toUpperCase();
  const region = normaliseRegion(country, src.region);
  const key = `${country}|${region ?? ""}|${lang ?? ""}`;
  let hd = instances.get(key);
  if (!hd) {
    const opts = lang ? { languages: [lang] } : undefined;
    const Ctor = holidaysConstructor();
    hd = region ? new Ctor(country, region, opts) : new Ctor(country, opts);
    instances.set(key, hd);
  }
  return hd;
}

/**
 * Public holidays date-holidays computes for one year, sorted by date, one entry per date (names
 * joined). A substitute day may fall into the next year, so callers merge neighbouring years.
 */
export function publicHolidaysOfYear(src: HolidaySource, year: number, lang?: string): Holiday[] {
  const key = `${src.country.trim().toUpperCase()}|${normaliseRegion(src.country, src.region) ?? ""}|${lang ?? ""}|${year}`;
  const hit = yearCache.get(key);
  if (hit) return hit;
  const byDate = new Map<string, string[]>();
  for (const h of instanceFor(src, lang).getHolidays(year) || []) {
    if (h.type !== "public") continue;
    const date = h.date.slice(0, 10);
    const names = byDate.get(date) ?? [];
    if (!names.includes(h.name)) names.push(h.name);
    byDate.set(date, names);
  }
  const list = [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, names]) => ({ date, name: names.join(" / ") }));
  yearCache.set(key, list);
  return list;
}
