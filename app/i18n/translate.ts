// `t(id, values)` over ICU messages outside React: server texts (e-mails, CSV headers, problem
// titles) and the widgets. The portal's components use react-intl over the same catalogue.
import { IntlMessageFormat, type PrimitiveType } from "intl-messageformat";
import { INTL_LOCALE } from "./format";
import type { Locale } from "./locales";

export type Messages = Record<string, string>;
export type MessageValues = Record<string, PrimitiveType>;
export type Translate<Id extends string = string> = (id: Id, values?: MessageValues) => string;

export function createTranslator<Id extends string = string>(locale: Locale, messages: Messages): Translate<Id> {
  const compiled = new Map<string, IntlMessageFormat>();
  return (id, values) => {
    let m = compiled.get(id);
    if (!m) {
      const source = messages[id];
      if (source === undefined) return id;
      m = new IntlMessageFormat(source, INTL_LOCALE[locale]);
      compiled.set(id, m);
    }
    return String(m.format(values));
  };
}
