import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { FormattedMessage } from "react-intl";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { pageTitle } from "../i18n/meta";
import { useT, useTMaybe } from "../i18n/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Alert, Button, TextField } from "../components/ui";
import { safeRedirect } from "../domain/auth/redirect";
import { fieldErrors, signInSchema } from "../forms/auth";
import { getPrincipal, requireAnonymous } from "../server/auth/guards.server";
import { landingPath } from "../server/auth/landing.server";
import { signIn } from "../server/auth/sign-in.server";
import { portalOrigin } from "../server/env.server";
import { assertSameOrigin } from "../server/http/csrf.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  await requireAnonymous(request);
  const parsed = signInSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), message: null }, { status: 400 });
  const { email, password, redirectTo } = parsed.data;
  // Decided before anything is written: a target that is not a same-origin path is dropped here,
  // so nothing after the session and audit entry can fail on it.
  const target = safeRedirect(redirectTo, "", portalOrigin());
  const result = await signIn(request, email, password);
  if (!result.ok) return data({ errors: {}, message: result.message }, { status: result.status });
  // Land where the user was going, else on their start page.
  if (target) throw redirect(target, { headers: result.headers });
  const principalRequest = new Request(request.url, { headers: cookieHeaderFrom(result.headers) });
  const principal = await getPrincipal(principalRequest);
  throw redirect(principal ? landingPath(principal) : "/", { headers: result.headers });
}

function cookieHeaderFrom(setCookies: Headers): Headers {
  const cookie = setCookies
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return new Headers({ cookie });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const busy = navigation.state !== "idle";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const t = useT();
  const tm = useTMaybe();
  return (
    <div className="mx-auto mt-8 max-w-md">
      <div className="rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold text-ink">{t("auth.login.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("auth.login.tagline")}</p>
        {params.get("reset") === "done" ? (
          <div className="mt-4">
            <Alert tone="success">{t("auth.login.resetDone")}</Alert>
          </div>
        ) : null}
        {actionData?.message ? (
          <div className="mt-4">
            <Alert>{t(actionData.message.id, actionData.message.values)}</Alert>
          </div>
        ) : null}
        <Form method="post" className="mt-6 space-y-4" noValidate>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
          <TextField
            label={t("auth.email")}
            name="email"
            type="email"
            autoComplete="username"
            required
            error={tm(errors.email)}
          />
          <TextField
            label={t("auth.password")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={tm(errors.password)}
          />
          <Button type="submit" className="w-full" disabled={busy}>
            {busy ? t("auth.login.submitting") : t("auth.login.submit")}
          </Button>
        </Form>
        <p className="mt-4 text-center text-sm">
          <Link to="/forgot-password" className="text-brand-700 underline-offset-2 hover:underline">
            {t("auth.login.forgot")}
          </Link>
        </p>
      </div>
      <p className="mt-6 text-center text-xs text-slate-600">
        <FormattedMessage
          id="auth.login.demoHint"
          values={{ code: (chunks) => <code className="rounded bg-slate-100 px-1">{chunks}</code> }}
        />
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.login.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
