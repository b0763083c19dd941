// Contracted SLA targets per account (platform admins): tier defaults, or the account's own.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Alert, Badge, Button, Card, PageHeader, Table, TextField } from "../components/ui";
import { TIER_DEFAULT_TARGETS, type SlaTargets } from "../domain/sla/targets";
import { requireStaff } from "../server/auth/guards.server";
import { assertSameOrigin } from "../server/http/csrf.server";
import { requestInfo } from "../server/http/request-info.server";
import { listTenantTargets } from "../server/sla/targets.server";
import { targetsAction } from "../server/sla/targets-page.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, "platform_admin");
  return { rows: await listTenantTargets(staff), defaults: TIER_DEFAULT_TARGETS };
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const staff = await requireStaff(request, "platform_admin");
  const result = await targetsAction(staff, requestInfo(request), await request.formData());
  return data(result, { status: result.ok ? 200 : 400 });
}

const FIELDS: { key: keyof SlaTargets; label: string; step: string }[] = [
  { key: "otifPct", label: "OTIF ≥ (%)", step: "0.01" },
  { key: "onTimePct", label: "On time ≥ (%)", step: "0.01" },
  { key: "inFullPct", label: "In full ≥ (%)", step: "0.01" },
  { key: "fillRatePct", label: "Fill rate ≥ (%)", step: "0.01" },
  { key: "leadTimeHours", label: "Lead time ≤ (business hours)", step: "0.25" },
  { key: "onTimeToleranceDays", label: "On-time tolerance (days)", step: "1" },
  { key: "inFullTolerancePct", label: "In-full tolerance (%)", step: "0.01" },
];

export default function TargetsAdmin() {
  const { rows, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="space-y-6">
      <PageHeader
        title="SLA targets"
        description="Contracted service levels per account. Each tier supplies defaults; set an account's own targets to override them. Changing a tolerance recomputes that account's stored figures."
        actions={
          <Link
            to="/staff/admin"
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50"
          >
            Back to administration
          </Link>
        }
      />
      {actionData?.message ? <Alert tone={actionData.ok ? "success" : "error"}>{actionData.message}</Alert> : null}
      <Card title="Tier defaults">
        <Table className="mt-3" columns={["Tier", ...FIELDS.map((f) => f.label)]}>
          {(["strategic", "key", "standard"] as const).map((tier) => (
            <tr key={tier}>
              <th scope="row" className="font-medium capitalize">
                {tier}
              </th>
              {FIELDS.map((f) => (
                <td key={f.key} className="tabular-nums">
                  {defaults[tier][f.key]}
                </td>
              ))}
            </tr>
          ))}
        </Table>
      </Card>
      {rows.map((r) => {
        const errors: Record<string, string> =
          actionData && !actionData.ok && actionData.tenantId === r.tenantId ? actionData.errors : {};
        return (
          <Card
            key={r.tenantId}
            title={r.name}
            actions={
              <>
                <Badge tone="blue">{r.tier}</Badge>
                <Badge tone={r.source === "contract" ? "amber" : "slate"}>
                  {r.source === "contract" ? "Own targets" : "Tier defaults"}
                </Badge>
              </>
            }
          >
            <Form method="post" className="mt-4">
              <input type="hidden" name="tenantId" value={r.tenantId} />
              <fieldset disabled={busy} className="grid items-end gap-4 sm:grid-cols-4 lg:grid-cols-7">
                <legend className="sr-only">Targets for {r.name}</legend>
                {FIELDS.map((f) => (
                  <TextField
                    key={f.key}
                    label={f.label}
                    name={f.key}
                    type="number"
                    step={f.step}
                    defaultValue={r.targets[f.key]}
                    error={errors[f.key]}
                    required
                  />
                ))}
              </fieldset>
              <div className="mt-4 flex flex-wrap gap-2">
                <Button type="submit" name="intent" value="save" disabled={busy}>
                  Save targets for {r.name}
                </Button>
                {r.source === "contract" ? (
                  <Button type="submit" name="intent" value="reset" variant="secondary" disabled={busy}>
                    Use {r.tier} tier defaults
                  </Button>
                ) : null}
              </div>
            </Form>
          </Card>
        );
      })}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "SLA targets · Admin · Sightline" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
