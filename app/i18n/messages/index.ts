// The message catalogue: one folder per area, one JSON file per locale, keys "<area>.<key>".
// Listed explicitly (not globbed) so the same import works under Vite, Vitest and tsx (e-mails,
// background jobs). Add an area: create its three files, import them here and add it to AREAS and EN.
import type { Locale } from "../locales";

import adminEn from "./admin/en.json";
import adminDe from "./admin/de.json";
import adminJa from "./admin/ja.json";
import apiEn from "./api/en.json";
import apiDe from "./api/de.json";
import apiJa from "./api/ja.json";
import authEn from "./auth/en.json";
import authDe from "./auth/de.json";
import authJa from "./auth/ja.json";
import calendarEn from "./calendar/en.json";
import calendarDe from "./calendar/de.json";
import calendarJa from "./calendar/ja.json";
import commonEn from "./common/en.json";
import commonDe from "./common/de.json";
import commonJa from "./common/ja.json";
import csvEn from "./csv/en.json";
import csvDe from "./csv/de.json";
import csvJa from "./csv/ja.json";
import emailEn from "./email/en.json";
import emailDe from "./email/de.json";
import emailJa from "./email/ja.json";
import errorsEn from "./errors/en.json";
import errorsDe from "./errors/de.json";
import errorsJa from "./errors/ja.json";
import escalationsEn from "./escalations/en.json";
import escalationsDe from "./escalations/de.json";
import escalationsJa from "./escalations/ja.json";
import jointEn from "./joint/en.json";
import jointDe from "./joint/de.json";
import jointJa from "./joint/ja.json";
import navEn from "./nav/en.json";
import navDe from "./nav/de.json";
import navJa from "./nav/ja.json";
import notificationsEn from "./notifications/en.json";
import notificationsDe from "./notifications/de.json";
import notificationsJa from "./notifications/ja.json";
import orderDetailEn from "./order-detail/en.json";
import orderDetailDe from "./order-detail/de.json";
import orderDetailJa from "./order-detail/ja.json";
import ordersEn from "./orders/en.json";
import ordersDe from "./orders/de.json";
import ordersJa from "./orders/ja.json";
import settingsEn from "./settings/en.json";
import settingsDe from "./settings/de.json";
import settingsJa from "./settings/ja.json";
import slaEn from "./sla/en.json";
import slaDe from "./sla/de.json";
import slaJa from "./sla/ja.json";
import staffEn from "./staff/en.json";
import staffDe from "./staff/de.json";
import staffJa from "./staff/ja.json";
import widgetsEn from "./widgets/en.json";
import widgetsDe from "./widgets/de.json";
import widgetsJa from "./widgets/ja.json";

/** Every area's messages per locale, by area name (the test checks keys against it). */
export const AREAS = {
  admin: { en: adminEn, de: adminDe, ja: adminJa },
  api: { en: apiEn, de: apiDe, ja: apiJa },
  auth: { en: authEn, de: authDe, ja: authJa },
  calendar: { en: calendarEn, de: calendarDe, ja: calendarJa },
  common: { en: commonEn, de: commonDe, ja: commonJa },
  csv: { en: csvEn, de: csvDe, ja: csvJa },
  email: { en: emailEn, de: emailDe, ja: emailJa },
  errors: { en: errorsEn, de: errorsDe, ja: errorsJa },
  escalations: { en: escalationsEn, de: escalationsDe, ja: escalationsJa },
  joint: { en: jointEn, de: jointDe, ja: jointJa },
  nav: { en: navEn, de: navDe, ja: navJa },
  notifications: { en: notificationsEn, de: notificationsDe, ja: notificationsJa },
  "order-detail": { en: orderDetailEn, de: orderDetailDe, ja: orderDetailJa },
  orders: { en: ordersEn, de: ordersDe, ja: ordersJa },
  settings: { en: settingsEn, de: settingsDe, ja: settingsJa },
  sla: { en: slaEn, de: slaDe, ja: slaJa },
  staff: { en: staffEn, de: staffDe, ja: staffJa },
  widgets: { en: widgetsEn, de: widgetsDe, ja: widgetsJa },
} satisfies Record<string, Record<Locale, Record<string, string>>>;

/** English is the reference: its keys are the message ids the type checker knows. */
export const EN = {
  ...adminEn,
  ...apiEn,
  ...authEn,
  ...calendarEn,
  ...commonEn,
  ...csvEn,
  ...emailEn,
  ...errorsEn,
  ...escalationsEn,
  ...jointEn,
  ...navEn,
  ...notificationsEn,
  ...orderDetailEn,
  ...ordersEn,
  ...settingsEn,
  ...slaEn,
  ...staffEn,
  ...widgetsEn,
};

export type MessageId = keyof typeof EN;
