import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { messagesFor, translator } from "./catalogue";
import { LOCALES } from "./locales";
import { AREAS } from "./messages/index";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The argument names a message uses ({count}, {name}, ...), including those inside plural/select. */
function argumentsOf(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      argumentsOf(el.children, out);
      continue;
    }
    out.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const option of Object.values(el.options)) argumentsOf(option.value, out);
  }
  return out;
}

describe("the message catalogue", () => {
  it("lists every area folder in messages/index.ts", () => {
    const folders = readdirSync(path.join(here, "messages"), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(Object.keys(AREAS).sort()).toEqual(folders);
  });

  for (const [area, byLocale] of Object.entries(AREAS)) {
    describe(`area ${area}`, () => {
      it(`names every key "${area}.<key>"`, () => {
        const stray = LOCALES.flatMap((l) => Object.keys(byLocale[l])).filter((k) => !k.startsWith(`${area}.`));
        expect(stray).toEqual([]);
      });

      it("has the same keys in en, de and ja", () => {
        const en = Object.keys(byLocale.en).sort();
        for (const l of LOCALES)
          expect({ locale: l, keys: Object.keys(byLocale[l]).sort() }).toEqual({ locale: l, keys: en });
      });

      it("has only ICU messages that parse, with the same arguments in every locale", () => {
        for (const [key, source] of Object.entries(byLocale.en)) {
          const expected = [...argumentsOf(parse(source))].sort();
          for (const l of LOCALES) {
            const text = (byLocale[l] as Record<string, string>)[key];
            if (text === undefined) continue; // reported by the key test
            let args: string[];
            try {
              args = [...argumentsOf(parse(text))].sort();
            } catch (err) {
              throw new Error(`${l} ${key} does not parse: ${(err as Error).message}`, { cause: err });
            }
            expect({ locale: l, key, args }).toEqual({ locale: l, key, args: expected });
          }
        }
      });

      it("has no empty or untranslated-placeholder texts", () => {
        const bad = LOCALES.flatMap((l) =>
          Object.entries(byLocale[l] as Record<string, string>)
            .filter(([, v]) => !v.trim() || /\bTODO\b/.test(v))
            .map(([k]) => `${l}:${k}`),
        );
        expect(bad).toEqual([]);
      });
    });
  }

  it("formats plurals by each locale's rules", () => {
    expect(translator("en")("nav.notificationsUnread", { count: 1 })).toBe("Notifications, 1 unread");
    expect(translator("de")("nav.notificationsUnread", { count: 3 })).toBe("Benachrichtigungen, 3 ungelesen");
    expect(translator("ja")("nav.notificationsUnread", { count: 3 })).toBe("通知、未読 3 件");
  });

  it("merges all areas into one catalogue per locale", () => {
    expect(messagesFor("de")["nav.orders"]).toBe("Aufträge");
    expect(messagesFor("ja")["errors.title.404"]).toBe("ページが見つかりません");
  });
});
