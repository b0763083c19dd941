import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Alert, Badge, Button, Card, EmptyState, PageHeader, SelectField, Table, TextField } from "../components/ui";
import { fieldErrors } from "../forms/auth";
import { createIngestKeySchema, revokeIngestKeySchema } from "../forms/ingest-keys";
import { requireStaff } from "../server/auth/guards.server";
import { assertSameOrigin } from "../server/http/csrf.server";
import { requestInfo } from "../server/http/request-info.server";
import { createIngestKey, listIngestKeys, revokeIngestKey } from "../server/ingest/keys.server";
import { listTenants } from "../server/staff/admin.server";
import { useFormat } from "#app/i18n/react";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "platform_admin");
  const [keys, tenants] = await Promise.all([listIngestKeys(), listTenants()]);
  return {
    keys: keys.map((k) => ({
      ...k,
      createdAt: k.createdAt.toISOString(),
      lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
      revokedAt: k.revokedAt?.toISOString() ?? null,
    })),
    tenants: tenants.map((t) => ({ id: t.id, name: t.name })),
  };
}

type ActionResult = { ok: boolean; message: string | null; errors: Record<string, string>; secret?: string };

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const admin = await requireStaff(request, "platform_admin");
  const form = Object.fromEntries(await request.formData());
  const info = requestInfo(request);
  if (form.intent === "revoke") {
    const parsed = revokeIngestKeySchema.safeParse(form);
    if (!parsed.success)
      return data<ActionResult>(
        { ok: false, message: "That request was not understood.", errors: {} },
        { status: 400 },
      );
    const r = await revokeIngestKey(admin, info, parsed.data);
    return data<ActionResult>({ ok: r.ok, message: r.message, errors: {} }, { status: r.ok ? 200 : 404 });
  }
  const parsed = createIngestKeySchema.safeParse({ ...form, intent: "create" });
  if (!parsed.success)
    return data<ActionResult>({ ok: false, message: null, errors: fieldErrors(parsed.error) }, { status: 400 });
  const r = await createIngestKey(admin, info, parsed.data);
  if (!r.ok)
    return data<ActionResult>(
      { ok: false, message: r.message, errors: r.field ? { [r.field]: r.message } : {} },
      { status: 400 },
    );
  return data<ActionResult>({ ok: true, message: r.message, errors: {}, secret: r.secret });
}

export default function IngestKeys() {
  const { keys, tenants } = useLoaderData<typeof loader>();
  // Times in the viewer's own zone (staff profile; UTC until chosen).
  const f = useFormat();
  const fmt = (iso: string | null) => f.dateTime(iso);
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const errors = actionData?.errors ?? {};
  return (
    <div className="space-y-6">
      <PageHeader
        title="Ingest API keys"
        description="Keys that ERP, WMS and TMS systems use to send orders and events for one account. A key's secret is shown once, when it is created."
        actions={
          <Link
            to="/staff/admin"
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50"
          >
            ← Admin
          </Link>
        }
      />
      {actionData?.message ? <Alert tone={actionData.ok ? "success" : "error"}>{actionData.message}</Alert> : null}
      {actionData?.secret ? (
        <Card
          className="border-emerald-300"
          title="New key"
          description="Give it to the system's operator over a secure channel. Sightline stores only a hash of it."
        >
          <TextField
            label="Secret (shown once)"
            name="secret"
            readOnly
            value={actionData.secret}
            onFocus={(e) => e.currentTarget.select()}
            className="mt-3 font-mono"
            hint="Send it as: Authorization: Bearer <secret>"
          />
        </Card>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2" title="Keys">
          {keys.length === 0 ? (
            <div className="mt-3">
              <EmptyState title="No ingest keys yet">
                Create one for an account to start receiving its orders.
              </EmptyState>
            </div>
          ) : (
            <Table
              stacked
              className="mt-3"
              columns={[
                "Account",
                "Name",
                "Key starts with",
                "Created",
                "Last used",
                { label: "Status", srOnly: true },
              ]}
            >
              {keys.map((k) => (
                <tr key={k.id}>
                  <td className="font-medium">{k.tenantName}</td>
                  <td>{k.name}</td>
                  <td className="font-mono text-xs">{k.prefix}…</td>
                  <td>
                    {fmt(k.createdAt)}
                    {k.createdBy ? <span className="block text-xs text-slate-500">by {k.createdBy}</span> : null}
                  </td>
                  <td>{fmt(k.lastUsedAt)}</td>
                  <td>
                    {k.revokedAt ? (
                      <Badge tone="red">Revoked {fmt(k.revokedAt)}</Badge>
                    ) : (
                      <Form
                        method="post"
                        onSubmit={(e) => {
                          if (!window.confirm(`Revoke "${k.name}" for ${k.tenantName}? Its system stops at once.`))
                            e.preventDefault();
                        }}
                      >
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="tenantId" value={k.tenantId} />
                        <input type="hidden" name="keyId" value={k.id} />
                        <Button
                          type="submit"
                          variant="danger"
                          disabled={busy}
                          aria-label={`Revoke ${k.name} for ${k.tenantName}`}
                        >
                          Revoke
                        </Button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
        <Card title="New key">
          <Form method="post" className="mt-3 space-y-3" noValidate>
            <input type="hidden" name="intent" value="create" />
            <SelectField label="Account" name="tenantId" defaultValue="" error={errors.tenantId}>
              <option value="" disabled>
                Choose an account
              </option>
              {tenants.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </SelectField>
            <TextField
              label="Name"
              name="name"
              required
              maxLength={80}
              error={errors.name}
              placeholder="SAP S/4 production"
              hint="The system that will use it."
            />
            <Button type="submit" disabled={busy} className="w-full">
              {busy && navigation.formData?.get("intent") === "create" ? "Creating…" : "Create key"}
            </Button>
          </Form>
        </Card>
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Ingest keys · Admin · Sightline" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
