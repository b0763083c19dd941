// The merged message catalogue per locale (portal and server; the widgets bundle only their own
// area, see widgets/src/core/i18n.ts).
import { createTranslator, type Messages, type Translate } from "./translate";
import { LOCALES, type Locale } from "./locales";
import { AREAS, EN, type MessageId } from "./messages/index";

export type { MessageId, Messages };
export type Area = keyof typeof AREAS;

function merge(locale: Locale): Messages {
  const out: Messages = { ...EN };
  for (const area of Object.values(AREAS)) Object.assign(out, area[locale]);
  return out;
}

const MERGED = Object.fromEntries(LOCALES.map((l) => [l, merge(l)])) as Record<Locale, Record<MessageId, string>>;

/**
 * All messages of a locale. A key missing in de/ja falls back to English (the catalogue test
 * fails on it, so this only matters while someone is mid-change).
 */
export function messagesFor(locale: Locale): Record<MessageId, string> {
  return MERGED[locale];
}

const translators = new Map<Locale, Translate<MessageId>>();

/** The translator for server texts in a locale (e-mails, CSV headers, problem titles). */
export function translator(locale: Locale): Translate<MessageId> {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator<MessageId>(locale, MERGED[locale]);
    translators.set(locale, t);
  }
  return t;
}
