import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { pageTitle } from "../i18n/meta";
import { useT, useTMaybe } from "../i18n/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Alert, Button, TextField } from "../components/ui";
import { fieldErrors, forgotPasswordSchema } from "../forms/auth";
import { requireAnonymous } from "../server/auth/guards.server";
import { requestPasswordReset } from "../server/auth/password-reset.server";
import { assertSameOrigin } from "../server/http/csrf.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  await requireAnonymous(request);
  const parsed = forgotPasswordSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), message: null, sent: false }, { status: 400 });
  const result = await requestPasswordReset(request, parsed.data.email);
  if (!result.ok) return data({ errors: {}, message: result.message, sent: false }, { status: result.status });
  return { errors: {}, message: null, sent: true };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const t = useT();
  const tm = useTMaybe();
  return (
    <div className="mx-auto mt-8 max-w-md rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold text-ink">{t("auth.forgot.title")}</h1>
      {actionData?.sent ? (
        <div className="mt-4 space-y-4">
          <Alert tone="success">{t("auth.forgot.sent")}</Alert>
          <Link to="/login" className="text-sm text-brand-700 hover:underline">
            {t("auth.backToSignIn")}
          </Link>
        </div>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-600">{t("auth.forgot.intro")}</p>
          {actionData?.message ? (
            <div className="mt-4">
              <Alert>{t(actionData.message.id, actionData.message.values)}</Alert>
            </div>
          ) : null}
          <Form method="post" className="mt-6 space-y-4" noValidate>
            <TextField
              label={t("auth.email")}
              name="email"
              type="email"
              autoComplete="username"
              required
              error={tm(errors.email)}
            />
            <Button type="submit" className="w-full" disabled={busy}>
              {busy ? t("auth.forgot.submitting") : t("auth.forgot.submit")}
            </Button>
          </Form>
          <p className="mt-4 text-center text-sm">
            <Link to="/login" className="text-brand-700 hover:underline">
              {t("auth.backToSignIn")}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.forgot.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
