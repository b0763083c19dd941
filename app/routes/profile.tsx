// Settings → Profile for every signed-in person: language (customers and staff) and, for staff,
// their own time zone. Saving reloads the page in the chosen language.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { Alert, Button, Card, PageHeader, SelectField } from "#app/components/ui";
import { TIME_ZONES } from "#app/forms/admin";
import { profileSchema } from "#app/forms/profile";
import type { MessageId } from "#app/i18n/catalogue";
import { LOCALE_NAMES, LOCALES } from "#app/i18n/locales";
import { useT } from "#app/i18n/react";
import { getPrincipal } from "#app/server/auth/guards.server";
import { assertSameOrigin } from "#app/server/http/csrf.server";
import { accountDefaultLocale, getProfile, updateProfile } from "#app/server/profile/profile.server";

async function requireSignedIn(request: Request) {
  const p = await getPrincipal(request);
  if (!p) throw redirect(`/login?redirectTo=${encodeURIComponent("/profile")}`);
  return p;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const p = await requireSignedIn(request);
  const profile = await getProfile(p.user.id);
  return {
    profile,
    isStaff: p.kind === "staff",
    accountLocale: p.kind === "customer" ? await accountDefaultLocale(p.tenantId) : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const p = await requireSignedIn(request);
  const parsed = profileSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const errors: Record<string, MessageId> = {};
    for (const issue of parsed.error.issues)
      errors[String(issue.path[0])] =
        issue.path[0] === "timeZone" ? "settings.profile.error.timeZone" : "settings.profile.error.locale";
    return data({ ok: false, errors }, { status: 400 });
  }
  const current = await getProfile(p.user.id);
  await updateProfile(p.user.id, {
    locale: parsed.data.locale || null,
    // Only staff choose a zone; customers see their account's zone.
    timeZone: p.kind === "staff" ? parsed.data.timeZone || null : current.timeZone,
  });
  return data({ ok: true, errors: {} as Record<string, MessageId> });
}

export default function ProfilePage() {
  const { profile, isStaff, accountLocale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const t = useT();
  const errors = result?.errors ?? {};
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title={t("settings.profile.title")} description={t("settings.profile.description")} />
      <Card>
        <Form method="post" className="space-y-4">
          {result?.ok ? <Alert tone="success">{t("settings.profile.saved")}</Alert> : null}
          <SelectField
            label={t("settings.profile.language")}
            name="locale"
            defaultValue={profile.locale ?? ""}
            error={errors.locale ? t(errors.locale) : null}
          >
            <option value="">
              {accountLocale
                ? t("settings.profile.languageDefault", { language: LOCALE_NAMES[accountLocale] })
                : t("settings.profile.languageBrowser")}
            </option>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </SelectField>
          {isStaff ? (
            <div>
              <SelectField
                label={t("settings.profile.timeZone")}
                name="timeZone"
                defaultValue={profile.timeZone ?? ""}
                error={errors.timeZone ? t(errors.timeZone) : null}
              >
                <option value="">{t("settings.profile.timeZoneDefault")}</option>
                {TIME_ZONES.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </SelectField>
              <p className="mt-1 text-xs text-slate-600">{t("settings.profile.timeZoneHint")}</p>
            </div>
          ) : null}
          <Button type="submit" disabled={busy}>
            {t("settings.profile.save")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Profile · Sightline" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
