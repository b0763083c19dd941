// Notifications: an in-app row per recipient (written in the same transaction as the change)
// and an e-mail after commit when SMTP_URL is set. A notice is stored as a catalogue key and its
// values (0088) beside its English text, and put into words when it is read: on the page in the
// viewer's language, in the mail in the recipient's. Mails use the shared layout
// (mail-layout.server.ts): the notice's title and body (escaped, so customer-typed markup stays
// inert), a button to the page, and where to change notifications.
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbHandle } from "#db/client";
import { escalationNotifications, tenants, user } from "#db/schema/index";
import { isLocale, type Locale } from "#app/i18n/locales";
import { messagesFor, translator, type MessageId } from "#app/i18n/catalogue";
import { createFormatter } from "#app/i18n/format";
import { displayValues, type StoredValues } from "#app/i18n/stored-message";
import { getDb } from "../db.server";
import { env, portalOrigin } from "../env.server";
import { sendMail } from "../mail.server";
import { renderMail, type MailContent } from "../mail-layout.server";
import { withTenant, type TenantContext, type Tx } from "../tenant-db.server";
import { peopleByIds } from "./people.server";
import { logger } from "../log.server";

const log = logger("escalations");

export interface Notice {
  tenantId: string;
  recipientUserId: string;
  recipientKind: "customer" | "staff";
  escalationId: string | null;
  /** English text, kept for readers of the stored row and as the fallback (older rows have only this). */
  title: string;
  body: string;
  /** Catalogue messages `<messageKey>.title` and `<messageKey>.body`, shown in the reader's language. */
  messageKey?: NoticeKey | null;
  messageParams?: StoredValues | null;
  link: string;
}

/** A catalogue key with both a `.title` and a `.body` message. */
export type NoticeKey = {
  [K in MessageId]: K extends `${infer P}.title` ? (`${P}.body` extends MessageId ? P : never) : never;
}[MessageId];

/**
 * A notice's text as key and values, with its English words for the stored `title`/`body`.
 * Values are raw facts (see app/i18n/stored-message.ts for the ones given the reader's words).
 */
export function noticeMessage(
  key: NoticeKey,
  params: StoredValues,
): Pick<Notice, "title" | "body" | "messageKey" | "messageParams"> {
  const words = noticeWords({ title: "", body: "", messageKey: key, messageParams: params }, "en", "UTC");
  return { ...words, messageKey: key, messageParams: params };
}

/** A stored notice in one reader's language and zone; rows without a key keep their own text. */
export function noticeWords(
  n: Pick<Notice, "title" | "body" | "messageKey" | "messageParams">,
  locale: Locale,
  timeZone: string,
): { title: string; body: string } {
  const key = n.messageKey;
  const messages = messagesFor(locale);
  if (!key || !(`${key}.title` in messages) || !(`${key}.body` in messages)) return { title: n.title, body: n.body };
  const t = translator(locale);
  const values = displayValues(n.messageParams, t, createFormatter(locale, timeZone));
  return { title: t(`${key}.title` as MessageId, values), body: t(`${key}.body` as MessageId, values) };
}

/** Writes the in-app notices; returns them so the caller can mail them after commit. */
export async function notifyInApp(tx: Tx, notices: Notice[]): Promise<Notice[]> {
  const unique = notices.filter(
    (n, i) => notices.findIndex((m) => m.recipientUserId === n.recipientUserId && m.title === n.title) === i,
  );
  if (unique.length) await tx.insert(escalationNotifications).values(unique);
  return unique;
}

const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, " ").slice(0, 200);

/** E-mails the notices (after commit). Failures are logged, never thrown at the user. */
export async function mailNotices(notices: Notice[]): Promise<void> {
  if (!notices.length || !env().SMTP_URL) return;
  try {
    const people = new Map((await peopleByIds(notices.map((n) => n.recipientUserId))).map((p) => [p.id, p]));
    const locales = await readerLocales(notices);
    for (const n of notices) {
      const p = people.get(n.recipientUserId);
      if (!p) continue;
      const reader = locales.get(`${n.tenantId}:${n.recipientUserId}`) ?? { locale: "en", timeZone: "UTC" };
      const { locale } = reader;
      const t = translator(locale);
      const words = noticeWords(n, locale, reader.timeZone);
      await sendNoticeMail(p.email, locale, words, {
        recipientName: p.name,
        action: { label: t("email.notice.open"), path: n.link },
        manage: n.recipientKind === "customer" ? "settings" : "notifications",
      });
    }
  } catch (err) {
    log.error({ err }, "could not send notification mail");
  }
}

/** One worded notice as a mail: its title as subject and heading, its body as the paragraph. */
function sendNoticeMail(
  to: string,
  locale: Locale,
  words: { title: string; body: string },
  more: Pick<MailContent, "recipientName" | "action" | "manage"> = {},
): Promise<void> {
  return sendMail({
    to,
    ...renderMail({
      locale,
      origin: portalOrigin(),
      subject: oneLine(`[Sightline] ${words.title}`),
      heading: words.title,
      paragraphs: [words.body],
      ...more,
    }),
  });
}

/**
 * A notice by e-mail to someone without a portal account (a protocol contact): stored as key and
 * values like every notice and worded when sent, in the account's language and zone at that time.
 */
export interface ContactNotice extends Pick<Notice, "title" | "body" | "messageKey" | "messageParams"> {
  tenantId: string;
  to: string;
}

/**
 * E-mails contact notices (after commit), each worded now in its account's default language and
 * zone, as mailNotices words a portal user's. No portal links beyond the portal's home: there is
 * nothing they could open or change. Failures are logged, never thrown.
 */
export async function mailContacts(notices: ContactNotice[], handle?: DbHandle): Promise<void> {
  if (!notices.length || !env().SMTP_URL) return;
  try {
    // The database the job ran on (the portal's own unless a caller hands its handle).
    const { db } = handle ?? (await getDb());
    const accounts = new Map(
      (
        await db
          .select({ id: tenants.id, locale: tenants.defaultLocale, timeZone: tenants.timeZone })
          .from(tenants)
          .where(inArray(tenants.id, [...new Set(notices.map((n) => n.tenantId))]))
      ).map((a) => [a.id, a]),
    );
    for (const n of notices) {
      const a = accounts.get(n.tenantId);
      const locale = readerLocale(null, "customer", a?.locale);
      const words = noticeWords(n, locale, a?.timeZone ?? "UTC");
      await sendNoticeMail(n.to, locale, words).catch((err: unknown) =>
        log.error({ err }, "could not send a notice to a contact"),
      );
    }
  } catch (err) {
    log.error({ err }, "could not send contact mail");
  }
}

/** One reader's language: their own choice, else (customers) their account's default, else English. */
export function readerLocale(
  chosen: string | null | undefined,
  kind: "customer" | "staff",
  accountLocale: string | null | undefined,
): Locale {
  return [chosen, kind === "customer" ? accountLocale : undefined].find(isLocale) ?? "en";
}

/**
 * Each reader's language (their own choice, else (customers) their account's default, else
 * English) and zone (staff: their own, UTC until chosen; customers: their account's). Keyed by
 * tenant and user, since a notice names the account it is about.
 */
async function readerLocales(notices: Notice[]): Promise<Map<string, { locale: Locale; timeZone: string }>> {
  const { db } = await getDb();
  const userIds = [...new Set(notices.map((n) => n.recipientUserId))];
  const tenantIds = [...new Set(notices.map((n) => n.tenantId))];
  const [users, accounts] = await Promise.all([
    db
      .select({ id: user.id, locale: user.locale, timeZone: user.timeZone })
      .from(user)
      .where(inArray(user.id, userIds)),
    db
      .select({ id: tenants.id, locale: tenants.defaultLocale, timeZone: tenants.timeZone })
      .from(tenants)
      .where(inArray(tenants.id, tenantIds)),
  ]);
  const own = new Map(users.map((u) => [u.id, u]));
  const byAccount = new Map(accounts.map((a) => [a.id, a]));
  const out = new Map<string, { locale: Locale; timeZone: string }>();
  for (const n of notices) {
    const u = own.get(n.recipientUserId);
    const a = byAccount.get(n.tenantId);
    const locale = readerLocale(u?.locale, n.recipientKind, a?.locale);
    const timeZone = (n.recipientKind === "staff" ? u?.timeZone : a?.timeZone) ?? "UTC";
    out.set(`${n.tenantId}:${n.recipientUserId}`, { locale, timeZone });
  }
  return out;
}

export interface NotificationView {
  id: string;
  title: string;
  body: string;
  link: string;
  createdAt: string;
  read: boolean;
}

/**
 * The signed-in person's latest notifications (RLS limits rows to their own), in their language
 * and zone.
 */
export async function listNotifications(
  db: TenantContext,
  reader: { locale: Locale; timeZone: string },
  limit = 20,
): Promise<NotificationView[]> {
  const me = db.role === "portal_customer" ? db.userId : db.role === "portal_staff" ? db.staffId : null;
  if (!me) return [];
  const rows = await withTenant(db, (tx) =>
    tx
      .select({
        id: escalationNotifications.id,
        title: escalationNotifications.title,
        body: escalationNotifications.body,
        messageKey: escalationNotifications.messageKey,
        messageParams: escalationNotifications.messageParams,
        link: escalationNotifications.link,
        createdAt: escalationNotifications.createdAt,
        readAt: escalationNotifications.readAt,
      })
      .from(escalationNotifications)
      .where(eq(escalationNotifications.recipientUserId, me))
      .orderBy(desc(escalationNotifications.createdAt))
      .limit(limit),
  );
  return rows.map((r) => ({
    id: r.id,
    ...noticeWords({ ...r, messageKey: r.messageKey as NoticeKey | null }, reader.locale, reader.timeZone),
    link: r.link,
    createdAt: r.createdAt.toISOString(),
    read: r.readAt !== null,
  }));
}

export async function markNotificationsRead(db: TenantContext): Promise<void> {
  const me = db.role === "portal_customer" ? db.userId : db.role === "portal_staff" ? db.staffId : null;
  if (!me) return;
  await withTenant(db, (tx) =>
    tx
      .update(escalationNotifications)
      .set({ readAt: sql`now()` })
      .where(and(eq(escalationNotifications.recipientUserId, me), isNull(escalationNotifications.readAt))),
  );
}

/** How many unread notifications the signed-in person has (for the bell in the header). */
export async function unreadNotificationCount(db: TenantContext): Promise<number> {
  const me = db.role === "portal_customer" ? db.userId : db.role === "portal_staff" ? db.staffId : null;
  if (!me) return 0;
  const [r] = await withTenant(db, (tx) =>
    tx
      .select({ n: sql<number>`count(*)::int` })
      .from(escalationNotifications)
      .where(and(eq(escalationNotifications.recipientUserId, me), isNull(escalationNotifications.readAt))),
  );
  return Number(r?.n ?? 0);
}
