import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import {
  APPROVER_TEXT,
  categoryLabel,
  Conversation,
  History,
  requestSummary,
  SeverityBadge,
  SlaPanel,
  StatusBadge,
  TextAreaField,
  useEscalationEvents,
} from "../components/escalations";
import { Alert, Badge, Button, Card, PageHeader, SelectField } from "../components/ui";
import { fieldErrors } from "../forms/auth";
import { assignSchema, decisionSchema, staffCommentSchema, statusSchema } from "../forms/escalations";
import { requireStaff } from "../server/auth/guards.server";
import { actorFor } from "../server/escalations/actor.server";
import { addComment } from "../server/escalations/comments.server";
import { assignEscalation } from "../server/escalations/assign.server";
import { changeStatus } from "../server/escalations/workflow.server";
import { decideApproval } from "../server/escalations/approvals.server";
import { getEscalation } from "../server/escalations/detail.server";
import { listAlerts } from "../server/escalations/queue-alerts.server";
import { asEscalationError, pageFailure } from "../server/escalations/http.server";
import { staffCanSee, staffDirectory } from "../server/escalations/people.server";
import { assertSameOrigin } from "../server/http/csrf.server";
import { useFormat, useT } from "#app/i18n/react";
import { ZonedTime } from "../components/zoned-time";
import { escalationKey } from "../domain/escalations/keys";
import { mergeEscalation } from "../server/escalations/merge.server";
import { orderContextFor } from "../server/escalations/order-context.server";
import { openEscalationsForOrder } from "../server/escalations/orders.server";
import { DuplicatesCard, OrderContextCard } from "../components/staff/order-context";
import { RootCauseCard } from "../components/joint/root-cause-card";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const actor = actorFor(staff, request);
  const escalation = await getEscalation(actor, params.id ?? "").catch(pageFailure);
  const tenant = { id: escalation.tenantId, timeZone: escalation.timeZone };
  const [people, alerts, orderContext, sameOrder] = await Promise.all([
    staffDirectory(),
    listAlerts(actor, 50),
    orderContextFor(staff.db, tenant, escalation.orderId),
    escalation.orderId && !escalation.mergedInto
      ? openEscalationsForOrder(staff.db, escalation.tenantId, escalation.orderId, escalation.id)
      : Promise.resolve([]),
  ]);
  const assignable: { id: string; name: string }[] = [];
  for (const p of people) {
    if (await staffCanSee(p.id, escalation.tenantId)) assignable.push({ id: p.id, name: p.name });
  }
  return {
    escalation,
    assignable,
    alerts: alerts.filter(
      (a) => a.escalationId === escalation.id || (!a.escalationId && a.tenantId === escalation.tenantId),
    ),
    me: staff.user.id,
    role: staff.staffRole,
    orderContext,
    duplicates: sameOrder.map((d) => ({
      id: d.id,
      number: d.number,
      key: escalationKey(escalation.accountCode, d.number),
      title: d.title,
      status: d.status,
    })),
  };
}

type ActionResult = { errors: Record<string, string>; message: string | null; ok: boolean; intent: string };

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const staff = await requireStaff(request);
  const form = Object.fromEntries(await request.formData());
  const actor = actorFor(staff, request);
  const id = params.id ?? "";
  const intent = typeof form.intent === "string" ? form.intent : "";
  const fail = (status: number, message: string | null, errors: Record<string, string> = {}) =>
    data<ActionResult>({ errors, message, ok: false, intent }, { status });
  const ok = (message: string) => data<ActionResult>({ errors: {}, message, ok: true, intent });
  try {
    switch (intent) {
      case "take":
        await assignEscalation(actor, id, "me");
        return ok("You own this escalation now.");
      case "assign": {
        const parsed = assignSchema.safeParse(form);
        if (!parsed.success) return fail(400, null, fieldErrors(parsed.error));
        await assignEscalation(actor, id, parsed.data.assignee);
        return ok("Assignment saved.");
      }
      case "status": {
        const parsed = statusSchema.safeParse(form);
        if (!parsed.success) return fail(400, "Choose a valid status.");
        await changeStatus(actor, id, parsed.data.to);
        return ok("Status changed.");
      }
      case "comment": {
        const parsed = staffCommentSchema.safeParse(form);
        if (!parsed.success) return fail(400, null, fieldErrors(parsed.error));
        await addComment(actor, id, parsed.data.body, parsed.data.visibility);
        return ok(parsed.data.visibility === "internal" ? "Internal note added." : "Reply sent to the customer.");
      }
      case "merge": {
        const into = typeof form.into === "string" ? form.into : "";
        await mergeEscalation(actor, id, into);
        return ok("Merged: this escalation is closed and links to the one that carries on.");
      }
      case "decide": {
        const parsed = decisionSchema.safeParse(form);
        if (!parsed.success) return fail(400, null, fieldErrors(parsed.error));
        await decideApproval(actor, id, parsed.data.approvalId, parsed.data.decision, parsed.data.reason);
        return ok(`Exception request ${parsed.data.decision}.`);
      }
      default:
        return fail(400, "That request was not understood. Reload the page.");
    }
  } catch (err) {
    const e = asEscalationError(err);
    if (!e) throw err;
    return fail(e.status, e.message, e.fieldErrors);
  }
}

export default function StaffEscalation() {
  const { escalation: e, assignable, alerts, me, orderContext, duplicates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const busy = navigation.state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const commentForm = useRef<HTMLFormElement>(null);
  useEscalationEvents("/staff/queue/events", (ev) => {
    if (ev.escalationId === e.id && revalidator.state === "idle") revalidator.revalidate();
  });
  useEffect(() => {
    if (actionData?.ok && actionData.intent === "comment") commentForm.current?.reset();
  }, [actionData]);
  const tz = e.timeZone;
  const f = useFormat(tz);
  const t = useT();
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to="/staff/queue" className="text-brand-700 hover:underline">
          ← Queue
        </Link>
      </p>
      <PageHeader
        title={`${e.key}: ${e.title}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={e.status} />
            <SeverityBadge severity={e.severity} />
            <span>
              {e.tenantName} ({e.tier}) · {categoryLabel(t, e.category)}
              {e.orderNumber ? ` · order ${e.orderNumber}` : ""} · owner {e.assigneeFirstName ?? "nobody yet"}
            </span>
          </span>
        }
      />
      {actionData?.message ? (
        <div className="mb-4">
          <Alert tone={actionData.ok ? "success" : "error"}>{actionData.message}</Alert>
        </div>
      ) : null}
      {alerts.map((a) => (
        <div
          key={a.id}
          className="mb-2 rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm"
          data-testid="escalation-alert"
        >
          <Badge tone="amber">Internal alert</Badge> {a.message}
        </div>
      ))}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <h2 className="text-lg font-semibold">What the customer reported</h2>
            <p className="mt-2 text-sm break-words whitespace-pre-wrap">{e.description}</p>
            <h3 className="mt-4 text-sm font-semibold text-slate-700">Outcome needed</h3>
            <p className="mt-1 text-sm break-words whitespace-pre-wrap">{e.desiredOutcome}</p>
            <p className="mt-4 text-xs text-slate-500">
              Raised by {e.raisedByName} on <ZonedTime instant={e.createdAt} accountZone={tz} />
            </p>
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">Conversation</h2>
            <div className="mt-3">
              <Conversation comments={e.comments} timeZone={tz} />
            </div>
            <Form method="post" className="mt-4 space-y-3" ref={commentForm} noValidate>
              <input type="hidden" name="intent" value="comment" />
              <fieldset>
                <legend className="text-sm font-medium text-slate-800">Who sees it</legend>
                <div className="mt-2 flex flex-wrap gap-2">
                  <label className="flex cursor-pointer items-center gap-2 rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm has-[:checked]:ring-2 has-[:checked]:ring-sky-400">
                    <input type="radio" name="visibility" value="public" defaultChecked /> Public reply — the customer
                    sees it
                  </label>
                  <label className="flex cursor-pointer items-center gap-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm has-[:checked]:ring-2 has-[:checked]:ring-amber-400">
                    <input type="radio" name="visibility" value="internal" /> Internal note — staff only
                  </label>
                </div>
                {errors.visibility ? <p className="mt-1 text-sm text-red-700">{errors.visibility}</p> : null}
              </fieldset>
              <TextAreaField label="Message" name="body" rows={4} maxLength={10_000} required error={errors.body} />
              <Button type="submit" disabled={busy}>
                {busy && navigation.formData?.get("intent") === "comment" ? "Saving…" : "Add to conversation"}
              </Button>
            </Form>
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">History</h2>
            <div className="mt-3">
              <History history={e.history} timeZone={tz} />
            </div>
          </Card>
        </div>
        <div className="space-y-6">
          <OrderContextCard context={orderContext} tenantId={e.tenantId} timeZone={tz} />
          <DuplicatesCard
            duplicates={duplicates}
            mergedInto={e.mergedInto}
            mergedHere={e.mergedHere}
            canMerge={!e.mergedInto && e.status !== "closed" && e.status !== "resolved"}
            busy={busy}
          />
          <Card>
            <h2 className="text-lg font-semibold">Service level</h2>
            <div className="mt-3">
              <SlaPanel sla={e.sla} timeZone={tz} audience="staff" />
            </div>
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">Owner and status</h2>
            {e.assigneeStaffId !== me ? (
              <Form method="post" className="mt-3">
                <input type="hidden" name="intent" value="take" />
                <Button type="submit" disabled={busy} className="w-full">
                  Take it
                </Button>
              </Form>
            ) : (
              <p className="mt-2 text-sm text-slate-600">You own this escalation.</p>
            )}
            <Form method="post" className="mt-3 flex items-end gap-2">
              <input type="hidden" name="intent" value="assign" />
              <SelectField
                label="Assign to"
                name="assignee"
                defaultValue={e.assigneeStaffId ?? "none"}
                className="flex-1"
                error={errors.assignee}
              >
                <option value="none">Nobody</option>
                {assignable.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </SelectField>
              <Button type="submit" variant="secondary" disabled={busy}>
                Assign
              </Button>
            </Form>
            <div className="mt-4">
              <p className="text-sm font-medium text-slate-800">Move to</p>
              {e.actions.length ? (
                <div className="mt-2 flex flex-wrap gap-2">
                  {e.actions.map((a) => (
                    <Form method="post" key={a.to}>
                      <input type="hidden" name="intent" value="status" />
                      <input type="hidden" name="to" value={a.to} />
                      <Button type="submit" variant="secondary" disabled={busy}>
                        {a.label}
                      </Button>
                    </Form>
                  ))}
                </div>
              ) : (
                <p className="mt-1 text-sm text-slate-600">
                  No further moves: the escalation is closed and past its reopen window.
                </p>
              )}
              <p className="mt-2 text-xs text-slate-500">
                Workflow: open → acknowledged → in progress ⇄ awaiting customer → resolved → closed; reopen within the
                window.
              </p>
            </div>
          </Card>
          <RootCauseCard
            escalationId={e.id}
            status={e.status}
            rootCause={e.rootCause}
            canResolve={e.actions.some((a) => a.to === "resolved")}
          />
          <Card>
            <h2 className="text-lg font-semibold">Exception requests</h2>
            {e.approvals.length === 0 ? <p className="mt-2 text-sm text-slate-600">None requested.</p> : null}
            <ul className="mt-2 space-y-4 text-sm">
              {e.approvals.map((a) => (
                <li key={a.id} data-testid="approval">
                  <p className="font-medium">{requestSummary(a.request, t, f)}</p>
                  {a.reasons.length ? (
                    <ul className="mt-1 list-disc pl-5 text-slate-600">
                      {a.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  ) : null}
                  {a.decision === "pending" ? (
                    <>
                      <p className="mt-1">
                        <Badge tone="amber">Pending</Badge> needs {t(APPROVER_TEXT[a.requiredRole])}
                      </p>
                      {a.canDecide ? (
                        <Form method="post" className="mt-2 space-y-2">
                          <input type="hidden" name="intent" value="decide" />
                          <input type="hidden" name="approvalId" value={a.id} />
                          <TextAreaField
                            label="Reason (the customer sees it)"
                            name="reason"
                            rows={2}
                            required
                            error={errors.reason}
                          />
                          <div className="flex gap-2">
                            <Button type="submit" name="decision" value="approved" disabled={busy}>
                              Approve
                            </Button>
                            <Button type="submit" name="decision" value="rejected" variant="danger" disabled={busy}>
                              Reject
                            </Button>
                          </div>
                        </Form>
                      ) : (
                        <p className="mt-1 text-xs text-slate-500">Your role cannot decide this request.</p>
                      )}
                    </>
                  ) : (
                    <p className="mt-1">
                      <Badge tone={a.decision === "approved" ? "green" : "red"}>{a.decision}</Badge> by{" "}
                      {a.decidedByName} on {f.dateTime(a.decidedAt)}
                      {a.reason ? <span className="block break-words text-slate-700">“{a.reason}”</span> : null}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: d ? `${d.escalation.key} · Queue · Sightline` : "Escalation · Queue · Sightline" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
