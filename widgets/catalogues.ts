// The widgets' non-English catalogues as the build writes them (`sightline-widgets.<locale>.json`
// beside the bundle) and their SHA-256, which the bundle carries to check what it fetches
// (widgets/src/core/i18n.ts). Used by widgets/vite.config.ts and by the widget tests' setup.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "../app/i18n/locales";

const here = path.dirname(fileURLToPath(import.meta.url));

export interface CatalogueFile {
  locale: Locale;
  fileName: string;
  source: string;
  sha256: string;
}

export function widgetCatalogues(): CatalogueFile[] {
  return LOCALES.filter((l) => l !== DEFAULT_LOCALE).map((locale) => {
    const file = path.join(here, "../app/i18n/messages/widgets", `${locale}.json`);
    const source = JSON.stringify(JSON.parse(readFileSync(file, "utf8")));
    return {
      locale,
      fileName: `sightline-widgets.${locale}.json`,
      source,
      sha256: createHash("sha256").update(source, "utf8").digest("base64"),
    };
  });
}

/** `define` for the bundle: { de: "<sha256>", ja: "<sha256>" }. */
export function catalogueHashes(): Record<string, string> {
  return Object.fromEntries(widgetCatalogues().map((c) => [c.locale, c.sha256]));
}
