// Notifications: an in-app row per recipient (written in the same transaction as the change)
// and an e-mail after commit when SMTP_URL is set. Mails use the shared layout
// (mail-layout.server.ts) in the reader's language: the notice's title and body (escaped, so
// customer-typed markup stays inert), a button to the page, and where to change notifications.
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { escalationNotifications, tenants, user } from "#db/schema/index";
import { isLocale, type Locale } from "#app/i18n/locales";
import { translator } from "#app/i18n/catalogue";
import { getDb } from "../db.server";
import { env, portalOrigin } from "../env.server";
import { sendMail } from "../mail.server";
import { renderMail } from "../mail-layout.server";
import { withTenant, type TenantContext, type Tx } from "../tenant-db.server";
import { peopleByIds } from "./people.server";
import { logger } from "../log.server";

const log = logger("escalations");

export interface Notice {
  tenantId: string;
  recipientUserId: string;
  recipientKind: "customer" | "staff";
  escalationId: string | null;
  title: string;
  body: string;
  link: string;
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
      const locale = locales.get(`${n.tenantId}:${n.recipientUserId}`) ?? "en";
      const t = translator(locale);
      await sendMail({
        to: p.email,
        ...renderMail({
          locale,
          origin: portalOrigin(),
          subject: oneLine(`[Sightline] ${n.title}`),
          heading: n.title,
          recipientName: p.name,
          paragraphs: [n.body],
          action: { label: t("email.notice.open"), path: n.link },
          manage: n.recipientKind === "customer" ? "settings" : "notifications",
        }),
      });
    }
  } catch (err) {
    log.error({ err }, "could not send notification mail");
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
 * Each reader's language: their own choice, else (customers) their account's default, else
 * English. Keyed by tenant and user, since a notice names the account it is about.
 */
async function readerLocales(notices: Notice[]): Promise<Map<string, Locale>> {
  const { db } = await getDb();
  const userIds = [...new Set(notices.map((n) => n.recipientUserId))];
  const tenantIds = [...new Set(notices.map((n) => n.tenantId))];
  const [users, accounts] = await Promise.all([
    db.select({ id: user.id, locale: user.locale }).from(user).where(inArray(user.id, userIds)),
    db.select({ id: tenants.id, locale: tenants.defaultLocale }).from(tenants).where(inArray(tenants.id, tenantIds)),
  ]);
  const own = new Map(users.map((u) => [u.id, u.locale]));
  const byAccount = new Map(accounts.map((a) => [a.id, a.locale]));
  const out = new Map<string, Locale>();
  for (const n of notices) {
    const locale = readerLocale(own.get(n.recipientUserId), n.recipientKind, byAccount.get(n.tenantId));
    out.set(`${n.tenantId}:${n.recipientUserId}`, locale);
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

/** The signed-in person's latest notifications (RLS limits rows to their own). */
export async function listNotifications(db: TenantContext, limit = 20): Promise<NotificationView[]> {
  const me = db.role === "portal_customer" ? db.userId : db.role === "portal_staff" ? db.staffId : null;
  if (!me) return [];
  const rows = await withTenant(db, (tx) =>
    tx
      .select({
        id: escalationNotifications.id,
        title: escalationNotifications.title,
        body: escalationNotifications.body,
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
    title: r.title,
    body: r.body,
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
