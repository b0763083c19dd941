// React bindings: the root renders <I18nProvider> with the locale, messages and viewer's time zone
// from its loader, so the server and the browser render the same text.
import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import { createIntl, createIntlCache, RawIntlProvider, useIntl, type IntlShape } from "react-intl";
import type { MessageId } from "./catalogue";
import { fiscalLabel } from "./fiscal";
import { createFormatter, INTL_LOCALE, type Formatter } from "./format";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import type { MessageValues } from "./translate";

declare global {
  // react-intl reads this to type-check message ids: a typo is a type error, not a blank label.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}

interface I18nState {
  locale: Locale;
  formatter: Formatter;
}

const I18nContext = createContext<I18nState>({
  locale: DEFAULT_LOCALE,
  formatter: createFormatter(DEFAULT_LOCALE, "UTC"),
});

// One react-intl instance per catalogue object, kept for the process (the server's catalogues are
// the same objects on every request): its compiled-message cache then outlives the request, where
// an <IntlProvider> per render compiled every message again (~5 ms of each /orders page).
const intlCache = createIntlCache();
const intls = new WeakMap<Record<MessageId, string>, IntlShape>();

function intlFor(locale: Locale, messages: Record<MessageId, string>): IntlShape {
  let intl = intls.get(messages);
  if (!intl || intl.locale !== INTL_LOCALE[locale]) {
    intl = createIntl(
      {
        locale: INTL_LOCALE[locale],
        defaultLocale: INTL_LOCALE[DEFAULT_LOCALE],
        messages,
        // The default handler logs the whole error object (catalogue included): one short line instead.
        onError: (err) => console.error(`i18n: ${err.code}: ${err.message.slice(0, 200)}`),
      },
      intlCache,
    );
    intls.set(messages, intl);
  }
  return intl;
}

export function I18nProvider(props: {
  locale: Locale;
  messages: Record<MessageId, string>;
  timeZone: string;
  children: ReactNode;
}) {
  const { locale, messages, timeZone, children } = props;
  const state = useMemo(() => ({ locale, formatter: createFormatter(locale, timeZone) }), [locale, timeZone]);
  const intl = useMemo(() => intlFor(locale, messages), [locale, messages]);
  return (
    <RawIntlProvider value={intl}>
      <I18nContext.Provider value={state}>{children}</I18nContext.Provider>
    </RawIntlProvider>
  );
}

export function useLocale(): Locale {
  return useContext(I18nContext).locale;
}

/** The formatter in the viewer's zone, or in another zone (an account's calendar, a site). */
export function useFormat(timeZone?: string | null): Formatter {
  const { formatter } = useContext(I18nContext);
  return useMemo(
    () => (timeZone && timeZone !== formatter.timeZone ? formatter.inZone(timeZone) : formatter),
    [formatter, timeZone],
  );
}

/** What useT() returns, for helpers that label things with the caller's translator. */
export type TFunction = (id: MessageId, values?: MessageValues) => string;

/** `t("area.key", { count })`: a catalogue message as a string (labels, attributes, options). */
export function useT(): TFunction {
  const intl = useIntl();
  return useCallback((id: MessageId, values?: MessageValues) => intl.formatMessage({ id }, values), [intl]);
}

/**
 * For texts that may be a catalogue id or already words: form errors from shared schemas and
 * services hand ids ("auth.error.emailInvalid") that the page translates; anything else passes.
 */
export function useTMaybe(): (text: string | null | undefined) => string | null {
  const intl = useIntl();
  return useCallback(
    (text: string | null | undefined) =>
      text ? (text in intl.messages ? intl.formatMessage({ id: text as MessageId }) : text) : null,
    [intl],
  );
}

/** A calendar's period label ("FY2026 P11 (Nov)") in the viewer's language: "GJ2026 P11 (Nov)". */
export function useFiscalLabel(): (label: string) => string {
  const t = useT();
  const f = useFormat();
  return useCallback((label: string) => fiscalLabel(label, t, f), [t, f]);
}
