// The locales Sightline speaks, and how a request picks one. Pure: used by the portal (server and
// browser), the widgets, e-mails and exports alike.
export const LOCALES = ["en", "de", "ja"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each locale named in its own language, for the language picker (not translated on purpose). */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", de: "Deutsch", ja: "日本語" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best supported locale for an Accept-Language header ("de-AT,de;q=0.9,en;q=0.5"), or null.
 * Ranges are matched on their primary subtag; q=0 means "not this one".
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [range, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      const weight = q ? Number(q[1]) : 1;
      return { tag: range.trim().toLowerCase().split("-")[0], weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((r) => r.tag).find(isLocale) ?? null;
}

/** User preference, else the account's default, else the browser's languages, else English. */
export function resolveLocale(choices: {
  user?: string | null;
  account?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(choices.user)) return choices.user;
  if (isLocale(choices.account)) return choices.account;
  return negotiateLocale(choices.acceptLanguage) ?? DEFAULT_LOCALE;
}
