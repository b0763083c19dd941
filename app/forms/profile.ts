// The profile form: language (customers and staff) and time zone (staff). "" = follow the default.
import { z } from "zod";
import { LOCALES } from "#app/i18n/locales";
import { TIME_ZONES } from "./admin";

export const profileSchema = z.object({
  locale: z.union([z.literal(""), z.enum(LOCALES)], { message: "Choose a language from the list." }),
  timeZone: z
    .string()
    .optional()
    .refine((tz) => !tz || tz === "UTC" || TIME_ZONES.includes(tz), "Choose a time zone from the list."),
});
