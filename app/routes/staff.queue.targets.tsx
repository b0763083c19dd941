import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Alert, Badge, Button, Card, PageHeader, SelectField, TextField } from "../components/ui";
import { formatMinutes } from "../domain/escalations/sla";
import { SEVERITY_GUIDANCE } from "../domain/escalations/workflow";
import { fieldErrors } from "../forms/auth";
import { targetSchema } from "../forms/escalations";
import { requireStaff } from "../server/auth/guards.server";
import { asEscalationError, pageFailure } from "../server/escalations/http.server";
import { accountTargets, saveTarget } from "../server/escalations/targets.server";
import { assertSameOrigin } from "../server/http/csrf.server";
import { requestInfo } from "../server/http/request-info.server";
import { visibleAccounts } from "../server/staff/accounts.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, "platform_admin");
  const accounts = (await visibleAccounts(staff)).map((a) => ({ id: a.id, name: a.name, tier: a.tier }));
  const selected = new URL(request.url).searchParams.get("tenant") ?? accounts[0]?.id ?? null;
  const current = selected ? await accountTargets(staff, selected).catch(pageFailure) : null;
  return { accounts, current };
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const staff = await requireStaff(request, "platform_admin");
  const tenantId = new URL(request.url).searchParams.get("tenant") ?? "";
  const form = Object.fromEntries(await request.formData());
  const severity = typeof form.severity === "string" ? form.severity : "";
  try {
    if (form.intent === "reset") {
      const parsed = targetSchema.shape.severity.safeParse(severity);
      if (!parsed.success)
        return data({ errors: {}, severity, message: "Choose a severity.", ok: false }, { status: 400 });
      await saveTarget(staff, requestInfo(request), tenantId, parsed.data, null);
      return data({ errors: {}, severity, message: `${parsed.data} is back to the tier default.`, ok: true });
    }
    const parsed = targetSchema.safeParse(form);
    if (!parsed.success) {
      return data({ errors: fieldErrors(parsed.error), severity, message: null, ok: false }, { status: 400 });
    }
    const t = parsed.data;
    await saveTarget(staff, requestInfo(request), tenantId, t.severity, {
      firstResponseMinutes: t.firstResponseHours,
      resolutionMinutes: t.resolutionHours,
      twentyFourSeven: t.twentyFourSeven === "on",
    });
    return data({ errors: {}, severity, message: `${t.severity} targets saved for this account.`, ok: true });
  } catch (err) {
    const e = asEscalationError(err);
    if (!e) throw err;
    return data({ errors: {}, severity, message: e.message, ok: false }, { status: e.status });
  }
}

const h = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);

export default function Targets() {
  const { accounts, current } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div>
      <PageHeader
        title="Escalation SLA targets"
        description="Each tier has default first-response and resolution targets per severity, counted in the account's business calendar. Override them for one account's contract here."
      />
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <SelectField label="Account" name="tenant" defaultValue={current?.tenant.id} className="w-72">
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.tier})
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </Form>
      {actionData?.message ? (
        <div className="mb-4">
          <Alert tone={actionData.ok ? "success" : "error"}>{actionData.message}</Alert>
        </div>
      ) : null}
      {current ? (
        <div className="grid gap-4 md:grid-cols-2">
          {current.rows.map((r) => {
            const errors: Record<string, string> = actionData?.severity === r.severity ? (actionData.errors ?? {}) : {};
            return (
              <Card key={r.severity}>
                <h2 className="flex items-center gap-2 text-lg font-semibold">
                  {r.severity}
                  {r.overridden ? <Badge tone="blue">Contract override</Badge> : <Badge>Tier default</Badge>}
                </h2>
                <p className="mt-1 text-xs text-slate-600">{SEVERITY_GUIDANCE[r.severity]}</p>
                <p className="mt-1 text-xs text-slate-500">
                  {current.tenant.tier} default: response {formatMinutes(r.tierDefault.firstResponseMinutes)},
                  resolution {formatMinutes(r.tierDefault.resolutionMinutes)}
                  {r.tierDefault.twentyFourSeven ? ", 24x7" : ""}
                </p>
                <Form
                  method="post"
                  action={`/staff/queue/targets?tenant=${current.tenant.id}`}
                  className="mt-3 grid gap-3 sm:grid-cols-2"
                  noValidate
                >
                  <input type="hidden" name="severity" value={r.severity} />
                  <TextField
                    label="First response (hours)"
                    name="firstResponseHours"
                    inputMode="decimal"
                    defaultValue={h(r.firstResponseMinutes)}
                    error={errors.firstResponseHours}
                  />
                  <TextField
                    label="Resolution (hours)"
                    name="resolutionHours"
                    inputMode="decimal"
                    defaultValue={h(r.resolutionMinutes)}
                    error={errors.resolutionHours}
                  />
                  <label className="flex items-center gap-2 text-sm sm:col-span-2">
                    <input type="checkbox" name="twentyFourSeven" defaultChecked={r.twentyFourSeven} /> Count around the
                    clock (24x7) instead of business hours
                  </label>
                  <div className="flex gap-2 sm:col-span-2">
                    <Button type="submit" name="intent" value="save" disabled={busy}>
                      Save {r.severity}
                    </Button>
                    {r.overridden ? (
                      <Button type="submit" name="intent" value="reset" variant="ghost" disabled={busy}>
                        Use tier default
                      </Button>
                    ) : null}
                  </div>
                </Form>
              </Card>
            );
          })}
        </div>
      ) : (
        <Alert tone="info">There are no accounts yet.</Alert>
      )}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Escalation SLA targets · Sightline" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
