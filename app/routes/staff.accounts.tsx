import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Badge, Button, EmptyState, PageHeader } from "../components/ui";
import { accountCookie, requireStaff } from "../server/auth/guards.server";
import { assertSameOrigin } from "../server/http/csrf.server";
import { staffFeedOverview } from "../server/feed-health/feed-health.server";
import { openAccount, visibleAccounts } from "../server/staff/accounts.server";
import { pageTitle } from "#app/i18n/meta";
import { useFormat, useT } from "#app/i18n/react";
import { pageProblem } from "#app/i18n/page-problem";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const current = (await accountCookie.parse(request.headers.get("cookie"))) as string | null;
  const [accounts, feeds] = await Promise.all([visibleAccounts(staff), staffFeedOverview(staff.db)]);
  return { accounts, feeds, current, role: staff.staffRole };
}

const openSchema = z.object({ tenantId: z.string().max(64), redirectTo: z.string().optional() });

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const staff = await requireStaff(request);
  const parsed = openSchema.safeParse(Object.fromEntries(await request.formData()));
  const cookie = parsed.success ? await openAccount(staff, parsed.data.tenantId) : null;
  // Same answer for "does not exist" and "not yours": no account enumeration.
  if (!cookie) throw pageProblem(403, "errors.accountNotAssigned");
  // Only an order page or an order list of the opened account is a valid follow-on (the queue's
  // "open the order", a performance alert's orders that missed).
  const next = parsed.success ? parsed.data.redirectTo : undefined;
  const target = next && /^\/orders(\/[0-9a-f-]{36}|\?[A-Za-z0-9=&_%.-]*)$/i.test(next) ? next : "/orders";
  throw redirect(target, { headers: { "Set-Cookie": cookie } });
}

const TIER_TONE = { strategic: "blue", key: "green", standard: "slate" } as const;

export default function Accounts() {
  const { accounts, feeds, current, role } = useLoaderData<typeof loader>();
  const t = useT();
  // Feed times in the staff member's own zone (profile; UTC until chosen).
  const f = useFormat();
  return (
    <div>
      <PageHeader
        title={t("admin.accounts.title")}
        description={role === "support_agent" ? t("admin.accounts.descriptionAgent") : t("admin.accounts.description")}
      />
      {accounts.length === 0 ? (
        <EmptyState title={t("admin.accounts.emptyTitle")}>{t("admin.accounts.emptyBody")}</EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {accounts.map((a) => (
            <li key={a.id} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
              <div className="flex items-start justify-between gap-2">
                <h2 className="font-semibold">{a.name}</h2>
                <Badge tone={TIER_TONE[a.tier]}>{t("admin.accounts.tier", { tier: a.tier })}</Badge>
              </div>
              <p className="mt-1 text-sm text-slate-600">
                {a.timeZone} · {a.country}
              </p>
              {feeds[a.id]?.length ? (
                <ul className="mt-2 space-y-1 text-sm" aria-label={t("admin.accounts.feeds", { name: a.name })}>
                  {feeds[a.id].map((s) => (
                    <li
                      key={s.label}
                      className={
                        s.status === "silent" ? "font-medium break-words text-red-700" : "break-words text-slate-600"
                      }
                      data-testid={s.status === "silent" ? "staff-feed-silent" : undefined}
                    >
                      {s.status === "silent" && s.silentSince
                        ? t("admin.accounts.feedSilent", { source: s.label, since: f.dateTime(s.silentSince) })
                        : t("admin.accounts.feedCurrent", { source: s.label, last: f.dateTime(s.lastArrivalAt) })}
                    </li>
                  ))}
                </ul>
              ) : null}
              <Form method="post" className="mt-4">
                <input type="hidden" name="tenantId" value={a.id} />
                <Button
                  type="submit"
                  variant={current === a.id ? "secondary" : "primary"}
                  aria-label={t("admin.accounts.openLabel", { name: a.name })}
                >
                  {current === a.id ? t("admin.accounts.openAgain") : t("admin.accounts.open")}
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.accounts.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
