// Which catalogue the page renders with. The server provides the request's locale's messages from
// memory (app/entry.server.tsx); the browser loads the same file before it hydrates
// (app/entry.client.tsx), so both render the same text. When the locale changes without a new
// document (a saved profile), the browser loads the new catalogue and keeps the old one until then.
import { createContext, useContext, useEffect, useState } from "react";
import type { MessageId } from "./catalogue";
import { isLocale, type Locale } from "./locales";

export interface LoadedCatalogue {
  locale: Locale;
  url: string;
  messages: Record<MessageId, string>;
}

export const CatalogueContext = createContext<LoadedCatalogue | null>(null);

/**
 * The page's catalogue as the root's `<link rel="preload" data-catalogue="<locale>">` names it
 * (the preload starts the download beside the scripts), loaded before hydration; null when the
 * page has none (the root loader failed) or it cannot be loaded (the page then hydrates in English).
 */
export async function catalogueOfDocument(document: Document): Promise<LoadedCatalogue | null> {
  const link = document.querySelector<HTMLLinkElement>("link[data-catalogue]");
  const locale = link?.dataset.catalogue;
  if (!link || !isLocale(locale)) return null;
  try {
    return await fetchCatalogue(locale, link.getAttribute("href") ?? "");
  } catch (err) {
    console.error(err);
    return null;
  }
}

export async function fetchCatalogue(locale: Locale, url: string): Promise<LoadedCatalogue> {
  const res = await fetch(url, { credentials: "same-origin" });
  if (!res.ok) throw new Error(`message catalogue ${url}: HTTP ${res.status}`);
  return { locale, url, messages: (await res.json()) as Record<MessageId, string> };
}

/** The catalogue for `wanted` (locale and URL from the root loader), or the last one loaded while it comes. */
export function useCatalogue(wanted: { locale: Locale; url: string } | null): LoadedCatalogue | null {
  const first = useContext(CatalogueContext);
  const [loaded, setLoaded] = useState(first);
  const url = wanted?.url;
  const locale = wanted?.locale;
  useEffect(() => {
    if (!url || !locale || loaded?.url === url) return;
    let current = true;
    fetchCatalogue(locale, url).then(
      (next) => current && setLoaded(next),
      (err: unknown) => console.error(err),
    );
    return () => {
      current = false;
    };
  }, [url, locale, loaded?.url]);
  return loaded;
}
