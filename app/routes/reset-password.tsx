import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { localized } from "../i18n/localized";
import { pageTitle } from "../i18n/meta";
import { useT, useTMaybe } from "../i18n/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Alert, Button, TextField } from "../components/ui";
import { fieldErrors, newPasswordSchema } from "../forms/auth";
import { requireAnonymous } from "../server/auth/guards.server";
import { resetPassword } from "../server/auth/password-reset.server";
import { assertSameOrigin } from "../server/http/csrf.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const url = new URL(request.url);
  // better-auth's own link carries ?error=INVALID_TOKEN when the token is unknown or expired.
  return { token: url.searchParams.get("token") ?? "", linkError: url.searchParams.get("error") };
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  await requireAnonymous(request);
  const form = Object.fromEntries(await request.formData());
  const token = typeof form.token === "string" ? form.token : "";
  const parsed = newPasswordSchema.safeParse(form);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), message: null }, { status: 400 });
  if (!token) return data({ errors: {}, message: localized("auth.reset.needsLink") }, { status: 400 });
  const result = await resetPassword(request, token, parsed.data.password);
  if (!result.ok) return data({ errors: {}, message: result.message }, { status: 400 });
  throw redirect("/login?reset=done");
}

export default function ResetPassword() {
  const { token, linkError } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const t = useT();
  const tm = useTMaybe();
  const message = actionData?.message ?? (linkError || !token ? localized("auth.reset.linkInvalid") : null);
  return (
    <div className="mx-auto mt-8 max-w-md rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold text-ink">{t("auth.reset.title")}</h1>
      {message ? (
        <div className="mt-4 space-y-2">
          <Alert>{t(message.id, message.values)}</Alert>
          <Link to="/forgot-password" className="text-sm text-brand-700 hover:underline">
            {t("auth.reset.newLink")}
          </Link>
        </div>
      ) : null}
      <Form method="post" className="mt-6 space-y-4" noValidate>
        <input type="hidden" name="token" value={token} />
        <TextField
          label={t("auth.reset.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          error={tm(errors.password)}
          hint={t("auth.passwordHint")}
        />
        <TextField
          label={t("auth.reset.confirm")}
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          error={tm(errors.confirm)}
        />
        <Button type="submit" className="w-full" disabled={busy}>
          {busy ? t("auth.saving") : t("auth.reset.submit")}
        </Button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.reset.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
