import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Badge, Button, Card, EmptyState, PageHeader } from "../components/ui";
import { getPrincipal, requireCustomer, requireStaff } from "../server/auth/guards.server";
import { listNotifications, markNotificationsRead } from "../server/escalations/notify.server";
import { assertSameOrigin } from "../server/http/csrf.server";
import { pageTitle } from "#app/i18n/meta";
import { useFormat, useT } from "#app/i18n/react";

/** Customers and staff alike: each reads only their own notifications (RLS). */
async function requireViewer(request: Request) {
  const p = await getPrincipal(request);
  if (!p) throw redirect(`/login?redirectTo=${encodeURIComponent("/notifications")}`);
  if (p.kind === "staff") {
    const staff = await requireStaff(request);
    // Staff see times in their own zone (Settings → Profile), UTC until they choose one.
    return { db: staff.db, locale: staff.user.locale ?? "en", timeZone: staff.user.timeZone ?? "UTC" };
  }
  const ctx = await requireCustomer(request);
  return { db: ctx.db, locale: ctx.user.locale ?? "en", timeZone: ctx.tenant.timeZone };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  return { notifications: await listNotifications(viewer.db, viewer, 50), timeZone: viewer.timeZone };
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const viewer = await requireViewer(request);
  await markNotificationsRead(viewer.db);
  return data({ ok: true });
}

export default function Notifications() {
  const { notifications, timeZone } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const unread = notifications.filter((n) => !n.read).length;
  const f = useFormat(timeZone);
  const t = useT();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={t("notifications.title")}
        description={t("notifications.description")}
        actions={
          unread ? (
            <Form method="post">
              <Button type="submit" variant="secondary" disabled={busy}>
                {t("notifications.markAllRead")}
              </Button>
            </Form>
          ) : null
        }
      />
      {notifications.length === 0 ? (
        <EmptyState title={t("notifications.emptyTitle")}>{t("notifications.emptyBody")}</EmptyState>
      ) : (
        <Card className="p-0">
          <ul className="divide-y divide-slate-100">
            {notifications.map((n) => (
              <li key={n.id} className="p-4" data-testid="notification">
                <p className="flex flex-wrap items-center gap-2">
                  {!n.read ? <Badge tone="blue">{t("notifications.new")}</Badge> : null}
                  <Link to={n.link} className="font-medium text-brand-700 hover:underline">
                    {n.title}
                  </Link>
                </p>
                <p className="mt-1 text-sm break-words whitespace-pre-wrap text-slate-700">{n.body}</p>
                <p className="mt-1 text-xs text-slate-500">
                  <time dateTime={n.createdAt}>{f.dateTime(n.createdAt)}</time>
                </p>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "notifications.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
