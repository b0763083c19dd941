// Loader and action behind /settings/calendar (customer admins; the route guards).
import { localized, type Localized } from "#app/i18n/localized";
import type { CustomerContext } from "../auth/guards.server";
import type { RequestInfo } from "../http/request-info.server";
import { validateCalendar } from "#app/domain/calendar/index";
import type { CalendarDefinition } from "#app/domain/calendar/types";
import { withTenant } from "../tenant-db.server";
import { loadTenantCalendar } from "./tenant-calendar.server";
import {
  calendarSettings,
  definitionFromForm,
  holidayRegionList,
  previewCalendar,
  saveCalendar,
  type CalendarPreview,
} from "./settings.server";

export async function loadCalendarSettings(ctx: CustomerContext) {
  return { ...(await calendarSettings(ctx)), timeZone: ctx.tenant.timeZone };
}

export type CalendarActionResult =
  | {
      ok: true;
      intent: "preview" | "save";
      message: Localized;
      preview: CalendarPreview | null;
      regions: RegionList | null;
    }
  | { ok: false; errors: Record<string, Localized>; message: Localized; regions?: RegionList };

type RegionList = { country: string; list: { code: string; name: string }[] };

function regionsOf(input: unknown): RegionList {
  const h = (input as { holidays?: { country?: unknown } | null }).holidays;
  const country = typeof h?.country === "string" ? h.country : "";
  return { country, list: holidayRegionList(country) };
}

export async function calendarAction(
  ctx: CustomerContext,
  info: RequestInfo,
  form: FormData,
): Promise<CalendarActionResult> {
  const intent = form.get("intent");
  if (intent !== "preview" && intent !== "save") {
    return { ok: false, errors: {}, message: localized("calendar.settings.result.notUnderstood") };
  }
  // A form without the extra-days editor keeps the version in use's extra working days.
  const current = await withTenant(ctx.db, (tx) => loadTenantCalendar(tx, ctx.tenant));
  const input = definitionFromForm(form, { extraWorkingDays: current.definition.extraWorkingDays });
  if (intent === "preview") {
    const check = validateCalendar(input);
    if (!check.ok)
      return {
        ok: false,
        errors: check.errors,
        message: localized("calendar.settings.result.previewInvalid"),
        regions: regionsOf(input),
      };
    const def = input as CalendarDefinition;
    return {
      ok: true,
      intent,
      message: localized("calendar.settings.result.preview"),
      preview: previewCalendar(def),
      regions: regionsOf(def),
    };
  }
  const saved = await saveCalendar(ctx, info, input);
  if (!saved.ok) return { ok: false, errors: saved.errors, message: saved.message, regions: regionsOf(input) };
  return { ok: true, intent, message: saved.message, preview: null, regions: null };
}
