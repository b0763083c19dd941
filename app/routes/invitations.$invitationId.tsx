import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormattedMessage } from "react-intl";
import { z } from "zod";
import { pageTitle } from "../i18n/meta";
import { useT, useTMaybe } from "../i18n/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Alert, Button, TextField } from "../components/ui";
import { fieldErrors, newPasswordSchema } from "../forms/auth";
import { acceptInvitation, getInvitationView } from "../server/auth/members.server";
import { requireAnonymous } from "../server/auth/guards.server";
import { assertSameOrigin } from "../server/http/csrf.server";

const acceptSchema = newPasswordSchema.and(
  z.object({ name: z.string().trim().min(1, "auth.error.nameRequired").max(120, "auth.error.nameLong") }),
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const inv = await getInvitationView(params.invitationId ?? "");
  return { invitation: inv };
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  await requireAnonymous(request);
  const parsed = acceptSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), message: null }, { status: 400 });
  const result = await acceptInvitation(request, params.invitationId ?? "", parsed.data);
  if (!result.ok) return data({ errors: {}, message: result.message }, { status: result.status });
  throw redirect("/", { headers: result.headers });
}

export default function AcceptInvitation() {
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const t = useT();
  const tm = useTMaybe();
  if (!invitation || invitation.state !== "pending") {
    return (
      <div className="mx-auto mt-8 max-w-md rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold text-ink">{t("auth.invite.unusable")}</h1>
        <p className="mt-3 text-slate-600">
          {invitation?.state === "expired" ? t("auth.invite.expired") : t("auth.invite.used")}
        </p>
        <Link to="/login" className="mt-4 inline-block text-brand-700 hover:underline">
          {t("auth.invite.goToSignIn")}
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto mt-8 max-w-md rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold text-ink">
        {t("auth.invite.title", { organization: invitation.organizationName })}
      </h1>
      <p className="mt-1 text-sm text-slate-600">
        <FormattedMessage
          id="auth.invite.intro"
          values={{ email: invitation.email, strong: (chunks) => <strong>{chunks}</strong> }}
        />
      </p>
      {actionData?.message ? (
        <div className="mt-4">
          <Alert>{t(actionData.message.id, actionData.message.values)}</Alert>
        </div>
      ) : null}
      <Form method="post" className="mt-6 space-y-4" noValidate>
        <TextField label={t("auth.invite.name")} name="name" autoComplete="name" required error={tm(errors.name)} />
        <TextField
          label={t("auth.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          error={tm(errors.password)}
          hint={t("auth.passwordHint")}
        />
        <TextField
          label={t("auth.invite.confirm")}
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          error={tm(errors.confirm)}
        />
        <Button type="submit" className="w-full" disabled={busy}>
          {busy ? t("auth.invite.submitting") : t("auth.invite.submit")}
        </Button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.invite.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
