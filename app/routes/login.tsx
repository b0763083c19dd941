import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
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
  return (
    <div className="mx-auto mt-8 max-w-md">
      <div className="rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold text-ink">Sign in to Sightline</h1>
        <p className="mt-1 text-sm text-slate-600">Your orders, service levels and escalations, live.</p>
        {params.get("reset") === "done" ? (
          <div className="mt-4">
            <Alert tone="success">Your password was changed. Sign in with the new one.</Alert>
          </div>
        ) : null}
        {actionData?.message ? (
          <div className="mt-4">
            <Alert>{actionData.message}</Alert>
          </div>
        ) : null}
        <Form method="post" className="mt-6 space-y-4" noValidate>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
          <TextField label="Email" name="email" type="email" autoComplete="username" required error={errors.email} />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={errors.password}
          />
          <Button type="submit" className="w-full" disabled={busy}>
            {busy ? "Signing in…" : "Sign in"}
          </Button>
        </Form>
        <p className="mt-4 text-center text-sm">
          <Link to="/forgot-password" className="text-brand-700 underline-offset-2 hover:underline">
            Forgot your password?
          </Link>
        </p>
      </div>
      <p className="mt-6 text-center text-xs text-slate-600">
        Trying the demo? Every demo login uses the password{" "}
        <code className="rounded bg-slate-100 px-1">sightline-demo</code>; see the README for the list.
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Sign in · Sightline" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
