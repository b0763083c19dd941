// Platform admin forms.
import { z } from "zod";

export const TIME_ZONES: readonly string[] = Intl.supportedValuesOf("timeZone");

export const createTenantSchema = z.object({
  name: z.string().trim().min(2, "Enter the customer's name.").max(120),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/,
      "Use 1-40 lowercase letters, digits and dashes, e.g. acme-europe.",
    ),
  tier: z.enum(["strategic", "key", "standard"], { message: "Choose a tier." }),
  timeZone: z
    .string()
    .refine((z) => TIME_ZONES.includes(z) || z === "UTC", "Choose a time zone from the list, e.g. Europe/Berlin."),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use a two-letter country code, e.g. DE."),
  region: z
    .string()
    .trim()
    .toUpperCase()
    .max(10)
    .optional()
    .transform((v) => (v ? v : null)),
});

export const assignmentSchema = z.object({
  intent: z.enum(["assign", "unassign"]),
  staffUserId: z.string().min(1).max(100),
  tenantId: z.string().uuid("Choose an account."),
});

export const userActivationSchema = z.object({
  intent: z.enum(["deactivate", "reactivate"]),
  userId: z.string().min(1).max(100),
});
