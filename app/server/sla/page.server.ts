// The SLA page's loader: period and site from the URL -> the scorecard, or a readable message
// (an unknown period falls back to the current one rather than failing the page).
import type { CalendarDefinition } from "#app/domain/calendar/types";
import { parsePeriodSelection } from "#app/domain/sla/periods";
import type { AccountContext } from "../auth/guards.server";
import { buildScorecard, type Scorecard } from "./scorecard.server";
import type { PeriodChoice } from "./periods.server";
import type { Granularity } from "#app/domain/sla/periods";
import { localized, type Localized } from "#app/i18n/localized";
import { pageProblem } from "#app/i18n/page-problem";

export interface SlaPageData {
  scorecard: Scorecard;
  /** The calendar measured in (the page describes it in the reader's language). */
  calendar: CalendarDefinition;
  choices: Record<Granularity, PeriodChoice[]>;
  /** The period param as the picker should show it (e.g. "this-quarter" or "FY2026-P03"). */
  selected: string;
  siteParam: string;
  sites: { id: string; code: string; name: string }[];
  /** Why the page shows something other than what the URL asked for, in the reader's words. */
  message: Localized | null;
  viewer: "customer" | "staff";
}

const DEFAULT_PERIOD = "this-period";

export async function loadSlaPage(ctx: AccountContext, url: URL): Promise<SlaPageData> {
  const periodParam = (url.searchParams.get("period") ?? DEFAULT_PERIOD).trim().slice(0, 40);
  const siteParam = (url.searchParams.get("site") ?? "").trim().slice(0, 64);
  let message: Localized | null = null;
  let selection = parsePeriodSelection(periodParam);
  let selected = periodParam;
  if (!selection) {
    message = localized("sla.page.unknownPeriod", { period: periodParam });
    selection = parsePeriodSelection(DEFAULT_PERIOD)!;
    selected = DEFAULT_PERIOD;
  }
  let result = await buildScorecard(ctx.db, ctx.tenant, { period: selection, siteId: siteParam || null });
  if (!result.ok) {
    message = localized(`sla.page.fallback.${result.reason}`);
    selected = DEFAULT_PERIOD;
    result = await buildScorecard(ctx.db, ctx.tenant, { period: parsePeriodSelection(DEFAULT_PERIOD)! });
    if (!result.ok) throw pageProblem(500, "errors.generic");
  }
  const sc = result.scorecard;
  return {
    scorecard: sc,
    calendar: result.calendarDefinition,
    choices: result.choices,
    selected,
    siteParam: sc.site?.id ?? "",
    sites: sc.sites.map((s) => ({ id: s.siteId, code: s.code, name: s.name })),
    message,
    viewer: ctx.kind,
  };
}
