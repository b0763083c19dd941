// The support team's escalation page (/staff/queue/:id): the conversation with public replies and
// internal notes, the order behind it, duplicates, the clocks, owner and status, the root cause
// and the exception decisions.
import { Form, useNavigation, useRevalidator } from "@remix-run/react";
import { FormattedMessage } from "react-intl";
import { approvalReasonText } from "#app/i18n/approval-reason";
import type { OrderContext } from "#app/server/escalations/order-context.server";
import type { EscalationDetail, EscalationLink } from "#app/server/escalations/views.server";
import { useFormat, useT } from "#app/i18n/react";
import type { EscalationProtocolView } from "#app/server/joint/protocol-escalation.server";
import { RootCauseCard } from "../joint/root-cause-card";
import { DuplicatesCard, OrderContextCard } from "../staff/order-context";
import { Badge, Button, Card, SelectField, TextAreaField } from "../ui";
import { ZonedTime } from "../zoned-time";
import { ApprovalDecision, CommentForm, EscalationPage } from "./detail";
import { APPROVER_TEXT, categoryLabel, requestSummary, useEscalationEvents } from "./shared";

/** What the staff page's form posts answer; `intent` names the form that was sent. */
export interface StaffActionResult {
  errors: Record<string, string>;
  message: string | null;
  ok: boolean;
  intent: string;
}

export function StaffEscalationPage({
  escalation: e,
  assignable,
  alerts,
  me,
  orderContext,
  duplicates,
  protocol,
  result,
}: {
  escalation: EscalationDetail;
  /** Staff who may see the escalation's account. */
  assignable: readonly { id: string; name: string }[];
  /** Internal alerts about this escalation or its account. */
  alerts: readonly { id: string; message: string }[];
  /** The viewer's staff id. */
  me: string;
  orderContext: OrderContext | null;
  /** Other open escalations about the same order. */
  duplicates: EscalationLink[];
  /** The account's escalation protocol on this escalation: level, next level, contacts. */
  protocol: EscalationProtocolView;
  result?: StaffActionResult;
}) {
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const busy = navigation.state === "submitting";
  const errors: Record<string, string> = result?.errors ?? {};
  useEscalationEvents("/staff/queue/events", (ev) => {
    if (ev.escalationId === e.id && revalidator.state === "idle") revalidator.revalidate();
  });
  const tz = e.timeZone;
  const t = useT();
  return (
    <EscalationPage
      escalation={e}
      audience="staff"
      timeZone={tz}
      protocol={protocol}
      account={e.tenantName}
      back="/staff/queue"
      backLabel={t("staff.escalation.back")}
      title={t("staff.escalation.title", { key: e.key, title: e.title })}
      facts={
        <span>
          {t("staff.escalation.facts", {
            tenant: e.tenantName,
            tier: e.tier,
            category: categoryLabel(t, e.category),
            hasOrder: e.orderNumber ? "yes" : "no",
            order: e.orderNumber ?? "",
            owner: e.assigneeFirstName ?? t("staff.escalation.nobodyYet"),
          })}
        </span>
      }
      result={result}
      notices={alerts.map((a) => (
        <div
          key={a.id}
          className="mb-2 rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm"
          data-testid="escalation-alert"
        >
          <Badge tone="amber">{t("staff.escalation.internalAlert")}</Badge> {a.message}
        </div>
      ))}
      raised={
        <FormattedMessage
          id="escalations.detail.raisedBy"
          values={{ name: e.raisedByName, dateTime: <ZonedTime instant={e.createdAt} accountZone={tz} /> }}
        />
      }
      commentForm={
        <CommentForm
          intent="comment"
          label={t("staff.escalation.message")}
          error={errors.body}
          sendLabel={t("staff.escalation.addToConversation")}
          sendingLabel={t("staff.escalation.saving")}
          resetAfter={result?.ok && result.intent === "comment" ? result : null}
        >
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">{t("staff.escalation.whoSees")}</legend>
            <div className="mt-2 flex flex-wrap gap-2">
              <label className="flex cursor-pointer items-center gap-2 rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm has-[:checked]:ring-2 has-[:checked]:ring-sky-400">
                <input type="radio" name="visibility" value="public" defaultChecked />{" "}
                {t("staff.escalation.publicReply")}
              </label>
              <label className="flex cursor-pointer items-center gap-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm has-[:checked]:ring-2 has-[:checked]:ring-amber-400">
                <input type="radio" name="visibility" value="internal" /> {t("staff.escalation.internalNote")}
              </label>
            </div>
            {errors.visibility ? <p className="mt-1 text-sm text-red-700">{errors.visibility}</p> : null}
          </fieldset>
        </CommentForm>
      }
      sideFirst={
        <>
          <OrderContextCard context={orderContext} tenantId={e.tenantId} timeZone={tz} />
          <DuplicatesCard
            duplicates={duplicates}
            mergedInto={e.mergedInto}
            mergedHere={e.mergedHere}
            canMerge={!e.mergedInto && e.status !== "closed" && e.status !== "resolved"}
            busy={busy}
          />
        </>
      }
      sideLast={
        <>
          <OwnerAndStatusCard escalation={e} assignable={assignable} me={me} busy={busy} error={errors.assignee} />
          <RootCauseCard
            escalationId={e.id}
            status={e.status}
            rootCause={e.rootCause}
            canResolve={e.actions.some((a) => a.to === "resolved")}
          />
          <ExceptionsCard escalation={e} busy={busy} error={errors.reason} />
        </>
      }
    />
  );
}

/** Exception requests: what was asked, why, and approve or reject where the viewer may decide. */
function ExceptionsCard({
  escalation: e,
  busy,
  error,
}: {
  escalation: EscalationDetail;
  busy: boolean;
  error?: string;
}) {
  const t = useT();
  // Amounts in the reader's format; the decision's time in the viewer's zone, as the page's others.
  const f = useFormat();
  return (
    <Card title={t("staff.escalation.exceptions")}>
      {e.approvals.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("staff.escalation.noneRequested")}</p>
      ) : null}
      <ul className="mt-2 space-y-4 text-sm">
        {e.approvals.map((a) => (
          <li key={a.id} data-testid="approval">
            <p className="font-medium">{requestSummary(a.request, t, f)}</p>
            {a.reasons.length ? (
              <ul className="mt-1 list-disc pl-5 text-slate-600">
                {a.reasons.map((r, i) => (
                  <li key={i} data-testid="approval-reason">
                    {approvalReasonText(r, t, f, a.request.currency)}
                  </li>
                ))}
              </ul>
            ) : null}
            {a.decision === "pending" ? (
              <>
                <p className="mt-1">
                  <Badge tone="amber">{t("staff.escalation.pending")}</Badge>{" "}
                  {t("staff.escalation.needs", { approver: t(APPROVER_TEXT[a.requiredRole]) })}
                </p>
                {a.canDecide ? (
                  <Form method="post" className="mt-2 space-y-2">
                    <input type="hidden" name="intent" value="decide" />
                    <input type="hidden" name="approvalId" value={a.id} />
                    <TextAreaField label={t("staff.escalation.reason")} name="reason" rows={2} required error={error} />
                    <div className="flex gap-2">
                      <Button type="submit" name="decision" value="approved" disabled={busy}>
                        {t("staff.escalation.approve")}
                      </Button>
                      <Button type="submit" name="decision" value="rejected" variant="danger" disabled={busy}>
                        {t("staff.escalation.reject")}
                      </Button>
                    </div>
                  </Form>
                ) : (
                  <p className="mt-1 text-xs text-slate-500">{t("staff.escalation.cannotDecide")}</p>
                )}
              </>
            ) : (
              <p className="mt-1">
                <ApprovalDecision
                  approval={a}
                  label={t("staff.escalation.decision", { decision: a.decision })}
                  timeZone={f.timeZone}
                />
                {a.reason ? <span className="block break-words text-slate-700">“{a.reason}”</span> : null}
              </p>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** Take it, assign it, move it along the workflow. */
function OwnerAndStatusCard({
  escalation: e,
  assignable,
  me,
  busy,
  error,
}: {
  escalation: EscalationDetail;
  assignable: readonly { id: string; name: string }[];
  me: string;
  busy: boolean;
  error?: string;
}) {
  const t = useT();
  return (
    <Card title={t("staff.escalation.ownerAndStatus")}>
      {e.assigneeStaffId !== me ? (
        <Form method="post" className="mt-3">
          <input type="hidden" name="intent" value="take" />
          <Button type="submit" disabled={busy} className="w-full">
            {t("staff.escalation.take")}
          </Button>
        </Form>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t("staff.escalation.youOwn")}</p>
      )}
      <Form method="post" className="mt-3 flex items-end gap-2">
        <input type="hidden" name="intent" value="assign" />
        <SelectField
          label={t("staff.escalation.assignTo")}
          name="assignee"
          defaultValue={e.assigneeStaffId ?? "none"}
          className="flex-1"
          error={error}
        >
          <option value="none">{t("staff.escalation.nobody")}</option>
          {assignable.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary" disabled={busy}>
          {t("staff.escalation.assign")}
        </Button>
      </Form>
      <div className="mt-4">
        <p className="text-sm font-medium text-slate-800">{t("staff.escalation.moveTo")}</p>
        {e.actions.length ? (
          <div className="mt-2 flex flex-wrap gap-2">
            {e.actions.map((a) => (
              <Form method="post" key={a.to}>
                <input type="hidden" name="intent" value="status" />
                <input type="hidden" name="to" value={a.to} />
                <Button type="submit" variant="secondary" disabled={busy}>
                  {t("staff.escalation.move", { kind: a.kind })}
                </Button>
              </Form>
            ))}
          </div>
        ) : (
          <p className="mt-1 text-sm text-slate-600">{t("staff.escalation.noMoves")}</p>
        )}
        <p className="mt-2 text-xs text-slate-500">{t("staff.escalation.workflow")}</p>
      </div>
    </Card>
  );
}
