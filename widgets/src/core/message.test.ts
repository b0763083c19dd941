// The widget catalogue (app/i18n/messages/widgets/): every message reads the same through the
// widgets' small ICU formatter as through intl-messageformat (what the portal uses), in every
// locale and for every branch; every id the widget sources use exists; the built catalogue files
// are what the bundle's hashes say.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { TYPE, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { INTL_LOCALE } from "../../../app/i18n/format";
import { LOCALES } from "../../../app/i18n/locales";
import { AREAS } from "../../../app/i18n/messages/index";
import { catalogueHashes, widgetCatalogues } from "../../catalogues";
import { formatMessage, type MessageValues } from "./message";

const CATALOGUE = AREAS.widgets;

/** Value sets that reach every branch of a message: each plural count, each select key. */
function samples(elements: MessageFormatElement[]): MessageValues[] {
  const choices = new Map<string, (string | number)[]>();
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.argument) choices.set(el.value, choices.get(el.value) ?? ["Ä<b>1</b>"]);
      if (el.type === TYPE.number) choices.set(el.value, [1234.5]);
      if (el.type === TYPE.plural) choices.set(el.value, [0, 1, 2, 5, 1000]);
      if (el.type === TYPE.select) choices.set(el.value, [...Object.keys(el.options), "unlisted"]);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) walk(o.value);
    }
  };
  walk(elements);
  const widest = Math.max(1, ...[...choices.values()].map((c) => c.length));
  return Array.from({ length: widest }, (_, i) =>
    Object.fromEntries([...choices].map(([name, c]) => [name, c[i % c.length]])),
  );
}

describe("widget catalogue", () => {
  it("has the same keys in every locale", () => {
    const keys = Object.keys(CATALOGUE.en).sort();
    expect(keys.length).toBeGreaterThan(50);
    for (const locale of LOCALES) expect(Object.keys(CATALOGUE[locale]).sort(), locale).toEqual(keys);
  });

  it("formats every message like intl-messageformat, in every locale and branch", () => {
    let checked = 0;
    for (const locale of LOCALES) {
      for (const [id, source] of Object.entries(CATALOGUE[locale] as Record<string, string>)) {
        const intl = INTL_LOCALE[locale];
        for (const values of samples(parse(source))) {
          const expected = String(new IntlMessageFormat(source, intl).format(values));
          expect(formatMessage(source, values, intl), `${locale} ${id} ${JSON.stringify(values)}`).toBe(expected);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it("has every message id the widget sources use", () => {
    const root = path.resolve(import.meta.dirname, "..");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (name.endsWith(".ts") && !name.endsWith(".test.ts")) files.push(file);
      }
    };
    walk(root);
    const used = new Set<string>();
    const prefixes = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/["`](widgets\.[A-Za-z.]*[A-Za-z])["`]/g)) used.add(m[1]);
      for (const m of text.matchAll(/`(widgets\.[A-Za-z.]+)\$\{/g)) prefixes.add(m[1]);
    }
    const keys = Object.keys(CATALOGUE.en);
    expect(used.size).toBeGreaterThan(50);
    for (const id of used) expect(keys, id).toContain(id);
    for (const prefix of prefixes)
      expect(
        keys.some((k) => k.startsWith(prefix)),
        prefix,
      ).toBe(true);
  });

  it("builds each non-English catalogue to a file whose hash the bundle carries", () => {
    const files = widgetCatalogues();
    expect(files.map((f) => f.locale)).toEqual(LOCALES.filter((l) => l !== "en"));
    for (const f of files) expect(JSON.parse(f.source)).toEqual(CATALOGUE[f.locale]);
    expect(catalogueHashes()).toEqual(Object.fromEntries(files.map((f) => [f.locale, f.sha256])));
  });
});
