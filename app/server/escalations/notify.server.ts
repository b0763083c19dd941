// Notifications: an in-app row per recipient (written in the same transaction as the change)
// and an e-mail after commit when SMTP_URL is set. Mail bodies are plain text; sendMail derives
// the HTML by escaping, so customer-typed markup stays inert.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { escalationNotifications } from "../../../db/schema/index";
import { env, portalOrigin } from "../env.server";
import { sendMail } from "../mail.server";
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
    for (const n of notices) {
      const p = people.get(n.recipientUserId);
      if (!p) continue;
      await sendMail({
        to: p.email,
        subject: oneLine(`[Sightline] ${n.title}`),
        text: `Hello ${p.name},\n\n${n.body}\n\nOpen it in Sightline: ${portalOrigin()}${n.link}\n`,
      });
    }
  } catch (err) {
    log.error({ err }, "could not send notification mail");
  }
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
