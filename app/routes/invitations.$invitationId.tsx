import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Alert, Button, TextField } from "../components/ui";
import { fieldErrors, newPasswordSchema } from "../forms/auth";
import { acceptInvitation, getInvitationView } from "../server/auth/members.server";
import { requireAnonymous } from "../server/auth/guards.server";
import { assertSameOrigin } from "../server/http/csrf.server";

const acceptSchema = newPasswordSchema.and(
  z.object({ name: z.string().trim().min(1, "Enter your name.").max(120, "Use at most 120 characters.") }),
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
  if (!invitation || invitation.state !== "pending") {
    return (
      <div className="mx-auto mt-8 max-w-md rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold text-ink">This invitation cannot be used</h1>
        <p className="mt-3 text-slate-600">
          {invitation?.state === "expired"
            ? "It has expired. Ask your administrator to invite you again."
            : "It was already used or does not exist. If you already have an account, sign in."}
        </p>
        <Link to="/login" className="mt-4 inline-block text-brand-700 hover:underline">
          Go to sign in
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto mt-8 max-w-md rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold text-ink">Join {invitation.organizationName} on Sightline</h1>
      <p className="mt-1 text-sm text-slate-600">
        You were invited as <strong>{invitation.email}</strong>. Choose your name and a password to finish.
      </p>
      {actionData?.message ? (
        <div className="mt-4">
          <Alert>{actionData.message}</Alert>
        </div>
      ) : null}
      <Form method="post" className="mt-6 space-y-4" noValidate>
        <TextField label="Your name" name="name" autoComplete="name" required error={errors.name} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          error={errors.password}
          hint="At least 10 characters."
        />
        <TextField
          label="Repeat the password"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          error={errors.confirm}
        />
        <Button type="submit" className="w-full" disabled={busy}>
          {busy ? "Creating your account…" : "Accept and sign in"}
        </Button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Accept invitation · Sightline" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
