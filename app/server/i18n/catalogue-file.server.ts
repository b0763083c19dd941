// The message catalogue of a locale as one cacheable file. Pages no longer carry the whole
// catalogue (~140 KB of JSON, serialized and compressed on every page) in the root loader's data:
// the server renders with it in memory and the browser loads it once per locale and version from
// /i18n.json?locale=…&v=… (immutable), as remix-i18next does with its locale files.
import { createHash } from "node:crypto";
import { messagesFor } from "#app/i18n/catalogue";
import type { Locale } from "#app/i18n/locales";

interface CatalogueFile {
  body: string;
  version: string;
}

const files = new Map<Locale, CatalogueFile>();

export function catalogueFile(locale: Locale): CatalogueFile {
  let file = files.get(locale);
  if (!file) {
    const body = JSON.stringify(messagesFor(locale));
    file = { body, version: createHash("sha256").update(body).digest("hex").slice(0, 12) };
    files.set(locale, file);
  }
  return file;
}

/** Where the browser loads a locale's catalogue: a new URL whenever its messages change. */
export function catalogueUrl(locale: Locale): string {
  return `/i18n.json?locale=${locale}&v=${catalogueFile(locale).version}`;
}
