import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Alert, Badge, Button, Card, SelectField, TextField } from "../components/ui";
import { fieldErrors, inviteSchema } from "../forms/auth";
import { requireCustomer } from "../server/auth/guards.server";
import { changeRole, inviteUser, listMembers, removeMember } from "../server/auth/members.server";
import { assertSameOrigin } from "../server/http/csrf.server";
import { translator, type MessageId } from "#app/i18n/catalogue";
import { localized } from "#app/i18n/localized";
import { pageTitle } from "#app/i18n/meta";
import { useFormat, useT } from "#app/i18n/react";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireCustomer(request, { role: "customer_admin" });
  return { ...(await listMembers(ctx)), me: ctx.user.id, tenantName: ctx.tenant.name, timeZone: ctx.tenant.timeZone };
}

const memberAction = z.object({
  intent: z.enum(["role", "remove"]),
  memberId: z.string().min(1).max(100),
  role: z.enum(["customer_admin", "customer_viewer"]).optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const ctx = await requireCustomer(request, { role: "customer_admin" });
  const form = Object.fromEntries(await request.formData());
  const t = translator(ctx.user.locale ?? "en");
  if (form.intent === "invite") {
    const parsed = inviteSchema.safeParse(form);
    if (!parsed.success) return data({ errors: fieldErrors(parsed.error), message: null, ok: false }, { status: 400 });
    const r = await inviteUser(ctx, request, parsed.data);
    return data(
      { errors: {}, message: t(r.message.id, r.message.values), ok: r.ok },
      { status: r.ok ? 200 : r.status },
    );
  }
  const parsed = memberAction.safeParse(form);
  if (!parsed.success)
    return data({ errors: {}, message: t("settings.users.notUnderstood"), ok: false }, { status: 400 });
  const { intent, memberId, role } = parsed.data;
  const r =
    intent === "remove"
      ? await removeMember(ctx, request, memberId)
      : role
        ? await changeRole(ctx, request, memberId, role)
        : { ok: false as const, status: 400, message: localized("settings.users.chooseRole") };
  return data({ errors: {}, message: t(r.message.id, r.message.values), ok: r.ok }, { status: r.ok ? 200 : r.status });
}

export default function Users() {
  const { members, invitations, me, tenantName, timeZone } = useLoaderData<typeof loader>();
  const f = useFormat(timeZone);
  const t = useT();
  const roleLabel = (role: string) =>
    role === "customer_admin" || role === "customer_viewer" ? t(`settings.users.role.${role}` as MessageId) : role;
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-2" title={t("settings.users.people", { tenant: tenantName })}>
        {actionData?.message ? (
          <div className="mt-3">
            <Alert tone={actionData.ok ? "success" : "error"}>{actionData.message}</Alert>
          </div>
        ) : null}
        <ul className="mt-4 divide-y divide-slate-100">
          {members.map((m) => (
            <li key={m.memberId} className="flex flex-wrap items-center gap-3 py-3">
              <div className="min-w-0 flex-1">
                <p className="font-medium">
                  {m.name}{" "}
                  {m.userId === me ? <span className="text-sm text-slate-500">{t("settings.users.you")}</span> : null}
                </p>
                <p className="truncate text-sm text-slate-600">{m.email}</p>
              </div>
              {m.deactivated ? (
                <Badge tone="red">{t("settings.users.deactivated")}</Badge>
              ) : (
                <Badge tone={m.role === "customer_admin" ? "blue" : "slate"}>{roleLabel(m.role)}</Badge>
              )}
              {m.userId !== me ? (
                <div className="flex gap-2">
                  <Form method="post">
                    <input type="hidden" name="intent" value="role" />
                    <input type="hidden" name="memberId" value={m.memberId} />
                    <input
                      type="hidden"
                      name="role"
                      value={m.role === "customer_admin" ? "customer_viewer" : "customer_admin"}
                    />
                    <Button variant="secondary" type="submit" disabled={busy}>
                      {t("settings.users.makeRole", {
                        role: m.role === "customer_admin" ? "customer_viewer" : "customer_admin",
                      })}
                    </Button>
                  </Form>
                  <Form
                    method="post"
                    onSubmit={(e) => {
                      if (!confirm(t("settings.users.removeConfirm", { email: m.email }))) e.preventDefault();
                    }}
                  >
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="memberId" value={m.memberId} />
                    <Button
                      variant="ghost"
                      type="submit"
                      disabled={busy}
                      aria-label={t("settings.users.removeLabel", { email: m.email })}
                    >
                      {t("settings.users.remove")}
                    </Button>
                  </Form>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
        {invitations.length > 0 ? (
          <>
            <h3 className="mt-6 text-sm font-semibold text-slate-700">{t("settings.users.pending")}</h3>
            <ul className="mt-2 divide-y divide-slate-100 text-sm">
              {invitations.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>{i.email}</span>
                  <span className="text-slate-500">
                    {roleLabel(i.role)} · {t("settings.users.expires", { date: f.date(i.expiresAt) })} ·{" "}
                    <a
                      href={`/invitations/${i.id}`}
                      className="text-brand-700 underline hover:no-underline"
                      aria-label={t("settings.users.invitationLinkFor", { email: i.email })}
                    >
                      {t("settings.users.invitationLink")}
                    </a>
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Card>
      <Card title={t("settings.users.invite")} description={t("settings.users.inviteDescription")}>
        <Form method="post" className="mt-4 space-y-4" noValidate>
          <input type="hidden" name="intent" value="invite" />
          <TextField label={t("settings.users.email")} name="email" type="email" required error={errors.email} />
          <SelectField
            label={t("settings.users.roleLabel")}
            name="role"
            defaultValue="customer_viewer"
            error={errors.role}
          >
            <option value="customer_viewer">{t("settings.users.roleViewer")}</option>
            <option value="customer_admin">{t("settings.users.roleAdmin")}</option>
          </SelectField>
          <Button type="submit" disabled={busy} className="w-full">
            {busy ? t("settings.users.sending") : t("settings.users.send")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "settings.users.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
