// The widgets' messages: the `widgets` area of the portal's catalogue (app/i18n/messages/widgets/).
// English is in the bundle; every other locale is a JSON file built beside it
// (`sightline-widgets.<locale>.json`, widgets/catalogues.ts) and fetched once per page when a
// widget first needs it, so the bundle stays within its size budget whatever the number of
// locales. The bundle carries each file's SHA-256: a pinned bundle's SRI hash thereby covers its
// catalogues too, and a changed or mismatched file is refused (the widget stays in English).
import en from "../../../app/i18n/messages/widgets/en.json";
import { INTL_LOCALE } from "../../../app/i18n/format";
import { DEFAULT_LOCALE, negotiateLocale, type Locale } from "../../../app/i18n/locales";
import { formatMessage, type MessageValues } from "./message";

/** Base64 SHA-256 of each non-English catalogue file, set by the build (widgets/vite.config.ts). */
declare const __SIGHTLINE_CATALOGUES__: Record<string, string>;

export type WidgetMessageId = keyof typeof en;
export type Messages = Record<string, string>;
export type WidgetTranslate = (id: WidgetMessageId, values?: MessageValues) => string;

/** The file a locale's messages are built into, beside the bundle. */
export const catalogueFile = (locale: Locale) => `sightline-widgets.${locale}.json`;

/**
 * The widget's locale: its `locale` attribute, else the language of the page around it (the
 * nearest `lang`, normally `<html lang>`), else English. "de-AT" reads as German.
 */
export function widgetLocale(el: HTMLElement, attribute: string | null | undefined): Locale {
  return negotiateLocale(attribute) ?? negotiateLocale(el.closest("[lang]")?.getAttribute("lang")) ?? DEFAULT_LOCALE;
}

async function sha256(text: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  // Outside a secure context (an http intranet) there is no digest, and no integrity to keep.
  if (!subtle) return null;
  const bytes = new Uint8Array(await subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...bytes));
}

const loads = new Map<Locale, Promise<Messages>>();

/** A locale's messages (English where a key is missing); English when the file cannot be had. */
export function messagesFor(locale: Locale, base: string | URL = import.meta.url): Messages | Promise<Messages> {
  if (locale === DEFAULT_LOCALE) return en;
  let load = loads.get(locale);
  if (!load) {
    load = (async () => {
      try {
        const res = await fetch(new URL(catalogueFile(locale), base), { credentials: "omit" });
        const text = await res.text();
        const hash = await sha256(text);
        if (!res.ok || (hash !== null && hash !== __SIGHTLINE_CATALOGUES__[locale])) return en;
        return { ...en, ...(JSON.parse(text) as Messages) };
      } catch {
        return en;
      }
    })();
    loads.set(locale, load);
  }
  return load;
}

/** `t(id, values)` over a locale's messages. */
export function translatorFor(locale: Locale, messages: Messages): WidgetTranslate {
  return (id, values = {}) => formatMessage(messages[id] ?? id, values, INTL_LOCALE[locale]);
}

/** Forgets loaded catalogues (tests). */
export function resetCatalogues(): void {
  loads.clear();
}
