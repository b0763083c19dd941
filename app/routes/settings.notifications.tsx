// Settings → Notifications, for every customer user (viewers too): the SLA digest e-mail, weekly,
// per fiscal period or never (app/server/sla/digest.server.ts sends it), with a preview of the
// digest of the last closed week or period.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Alert, Button, Card } from "#app/components/ui";
import { digestSchema } from "#app/forms/notifications";
import { useT } from "#app/i18n/react";
import { requireCustomer } from "#app/server/auth/guards.server";
import { env } from "#app/server/env.server";
import { assertSameOrigin } from "#app/server/http/csrf.server";
import { getDigestChoice, setDigestChoice } from "#app/server/sla/digest.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireCustomer(request);
  return {
    choice: await getDigestChoice({ role: "portal_customer", tenantId: ctx.tenant.id, userId: ctx.user.id }),
    email: ctx.user.email,
    mailConfigured: Boolean(env().SMTP_URL),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const ctx = await requireCustomer(request);
  const parsed = digestSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ ok: false }, { status: 400 });
  await setDigestChoice({ role: "portal_customer", tenantId: ctx.tenant.id, userId: ctx.user.id }, parsed.data.cadence);
  return data({ ok: true });
}

const CHOICES = ["none", "week", "period"] as const;

export default function NotificationSettings() {
  const { choice, email, mailConfigured } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const t = useT();
  return (
    <div className="max-w-2xl">
      <Card title={t("settings.notifications.title")} description={t("settings.notifications.description")}>
        <Form method="post" className="mt-4 space-y-4">
          <input type="hidden" name="intent" value="digest" />
          {result?.ok ? <Alert tone="success">{t("settings.notifications.saved")}</Alert> : null}
          {result && !result.ok ? <Alert>{t("settings.notifications.error")}</Alert> : null}
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">{t("settings.notifications.legend")}</legend>
            <div className="mt-2 space-y-2">
              {CHOICES.map((c) => (
                <label key={c} className="flex items-center gap-2 text-sm text-slate-800">
                  <input
                    type="radio"
                    name="cadence"
                    value={c}
                    defaultChecked={choice === c}
                    className="h-4 w-4 border-slate-400 text-brand-600"
                  />
                  {t(`settings.notifications.${c}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <p className="text-sm text-slate-600">{t("settings.notifications.hint", { email })}</p>
          {mailConfigured ? null : <Alert tone="info">{t("settings.notifications.noMail")}</Alert>}
          <Button type="submit" disabled={busy}>
            {t("settings.notifications.save")}
          </Button>
        </Form>
        <ul className="mt-4 space-y-1 text-sm">
          {(["week", "period"] as const).map((c) => (
            <li key={c}>
              <a
                className="text-brand-700 underline hover:text-brand-900"
                href={`/settings/notifications/preview?cadence=${c}`}
                target="_blank"
                rel="noreferrer"
              >
                {t("settings.notifications.preview", { cadence: c })}
              </a>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Notifications · Settings · Sightline" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
