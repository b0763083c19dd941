// Loader and action behind /settings/calendar (customer admins; the route guards).
import type { CustomerContext } from "../auth/guards.server";
import type { RequestInfo } from "../http/request-info.server";
import { validateCalendar } from "../../domain/calendar/index";
import type { CalendarDefinition } from "../../domain/calendar/types";
import {
  calendarSettings,
  definitionFromForm,
  holidayRegionList,
  previewCalendar,
  saveCalendar,
  type CalendarPreview,
} from "./calendar-settings.server";

export async function loadCalendarSettings(ctx: CustomerContext) {
  return { ...(await calendarSettings(ctx)), timeZone: ctx.tenant.timeZone };
}

export type CalendarActionResult =
  | {
      ok: true;
      intent: "preview" | "save";
      message: string;
      preview: CalendarPreview | null;
      regions: { code: string; name: string }[] | null;
    }
  | { ok: false; errors: Record<string, string>; message: string };

export async function calendarAction(ctx: CustomerContext, info: RequestInfo, form: FormData): Promise<CalendarActionResult> {
  const intent = form.get("intent");
  if (intent !== "preview" && intent !== "save") {
    return { ok: false, errors: {}, message: "That request was not understood. Reload the page and try again." };
  }
  const current = await calendarSettings(ctx);
  const input = definitionFromForm(form, { extraWorkingDays: current.definition.extraWorkingDays });
  if (intent === "preview") {
    const check = validateCalendar(input);
    if (!check.ok) return { ok: false, errors: check.errors, message: "The preview needs a valid calendar: correct the fields marked below." };
    const def = input as CalendarDefinition;
    return {
      ok: true,
      intent,
      message: "Preview of your changes below. Nothing is saved until you choose “Save as new version”.",
      preview: previewCalendar(def),
      regions: holidayRegionList(def.holidays?.country ?? ""),
    };
  }
  const saved = await saveCalendar(ctx, info, input);
  if (!saved.ok) return { ok: false, errors: saved.errors, message: saved.message };
  return { ok: true, intent, message: saved.message, preview: null, regions: null };
}
