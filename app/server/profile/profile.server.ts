// A person's own preferences (language, time zone). The user table is outside RLS (auth library
// tables); each call touches only the signed-in user's own row.
import { eq } from "drizzle-orm";
import { tenants, user } from "#db/schema/index";
import type { Locale } from "#app/i18n/locales";
import { getDb } from "../db.server";

export interface Profile {
  locale: Locale | null;
  timeZone: string | null;
}

export async function getProfile(userId: string): Promise<Profile> {
  const { db } = await getDb();
  const [row] = await db.select({ locale: user.locale, timeZone: user.timeZone }).from(user).where(eq(user.id, userId));
  return { locale: row?.locale ?? null, timeZone: row?.timeZone ?? null };
}

export async function updateProfile(userId: string, profile: Profile): Promise<void> {
  const { db } = await getDb();
  await db
    .update(user)
    .set({ locale: profile.locale, timeZone: profile.timeZone, updatedAt: new Date() })
    .where(eq(user.id, userId));
}

/** The account's default locale, named in the profile's "Account default (…)" choice. */
export async function accountDefaultLocale(tenantId: string): Promise<Locale> {
  const { db } = await getDb();
  const [row] = await db.select({ locale: tenants.defaultLocale }).from(tenants).where(eq(tenants.id, tenantId));
  return row?.locale ?? "en";
}
