// Page titles in the viewer's language. Remix's `meta` runs outside React, so it reads the locale
// and catalogue the root loader handed down: `export const meta: MetaFunction = ({ matches }) =>
// pageTitle(matches, "orders.list.pageTitle")`.
import type { MessageId } from "./catalogue";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";
import { createTranslator, type MessageValues, type Translate } from "./translate";

interface RootData {
  locale?: string;
  messages?: Record<string, string>;
}

const translators = new Map<Locale, Translate>();

/** `[{ title: "Aufträge · Sightline" }]` from the page's title message. */
export function pageTitle(
  matches: ReadonlyArray<{ id: string; data?: unknown }>,
  id: MessageId,
  values?: MessageValues,
): { title: string }[] {
  const root = matches.find((m) => m.id === "root")?.data as RootData | undefined;
  const locale = isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
  const messages = root?.messages;
  if (!messages || !(id in messages)) return [{ title: "Sightline" }];
  let t = translators.get(locale);
  // The catalogue of a locale is the same object for the session's life: one translator each.
  if (!t) {
    t = createTranslator(locale, messages);
    translators.set(locale, t);
  }
  return [{ title: t("common.pageTitle", { page: t(id, values) }) }];
}
