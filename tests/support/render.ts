// Renders a portal component to HTML in one locale (server render, as the first page load does),
// inside a router so Links work: for checks that a component speaks the reader's language.
import { createElement as h, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { StaticRouter } from "react-router-dom/server";
import { messagesFor } from "#app/i18n/catalogue";
import type { Locale } from "#app/i18n/locales";
import { I18nProvider } from "#app/i18n/react";

export function renderIn(locale: Locale, el: ReactElement, timeZone = "Europe/Berlin"): string {
  const i18n = h(I18nProvider, { locale, messages: messagesFor(locale), timeZone, children: el });
  return renderToStaticMarkup(h(StaticRouter, { location: "/" }, i18n));
}
