// A customer's escalation page (/escalations/:id): the conversation with a reply form, the
// clocks, closing or reopening a resolved escalation, the rating and the exception requests.
import { Form, Link, useNavigation, useRevalidator, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import type { EscalationProtocolView } from "#app/server/joint/protocol-escalation.server";
import type { RatingState } from "#app/server/joint/ratings.server";
import type { EscalationDetail } from "#app/server/escalations/views.server";
import { useFormat, useT } from "#app/i18n/react";
import { RatingCard } from "../joint/rating-card";
import { causeLabelId } from "../joint/root-cause-card";
import { useLiveEvents } from "../live";
import { Alert, Badge, Button, Card } from "../ui";
import { ApprovalDecision, CommentForm, EscalationPage } from "./detail";
import { APPROVER_TEXT, categoryLabel, requestSummary } from "./shared";

export function CustomerEscalationPage({
  escalation: e,
  rating,
  protocol,
  account,
  timeZone,
  result,
}: {
  escalation: EscalationDetail;
  rating: RatingState;
  /** The escalation protocol in effect on it. */
  protocol: EscalationProtocolView;
  /** The account's name. */
  account: string;
  /** The account's time zone. */
  timeZone: string;
  /** What the last form post answered. */
  result?: { ok: boolean; message: string | null; errors: Record<string, string> };
}) {
  const f = useFormat(timeZone);
  const t = useT();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const [params] = useSearchParams();
  const busy = navigation.state === "submitting";
  const errors: Record<string, string> = result?.errors ?? {};
  useLiveEvents((ev) => {
    if (ev.kind === "escalation" && ev.escalationId === e.id && revalidator.state === "idle") revalidator.revalidate();
  });
  // The "raised" confirmation is for the arrival from the form only: take `?raised=1` out of the
  // address (without a new navigation), so a reload or a shared link does not show it again.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has("raised")) return;
    url.searchParams.delete("raised");
    window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
  }, []);
  const customerActions = e.actions.filter((a) => a.kind === "close" || a.kind === "reopen");
  const paused = e.sla[e.sla.active].status === "paused" && e.sla[e.sla.active].pauseReason === "awaiting_customer";
  return (
    <EscalationPage
      escalation={e}
      audience="customer"
      timeZone={timeZone}
      protocol={protocol}
      account={account}
      back="/escalations"
      backLabel={t("escalations.detail.back")}
      title={t("escalations.detail.title", { number: e.number, title: e.title })}
      facts={
        <>
          <span>{categoryLabel(t, e.category)}</span>
          {e.orderNumber ? (
            <span>
              {t("escalations.detail.order")}{" "}
              <Link to={`/orders/${e.orderId}`} className="text-brand-700 hover:underline">
                {e.orderNumber}
              </Link>
            </span>
          ) : null}
          <span>
            {t("escalations.detail.owner", { name: e.assigneeFirstName ?? t("escalations.detail.notAssigned") })}
          </span>
        </>
      }
      result={result}
      notices={
        <>
          {params.get("raised") && !result ? (
            <div className="mb-4">
              <Alert tone="success">{t("escalations.detail.raised")}</Alert>
            </div>
          ) : null}
          {paused ? (
            <div className="mb-4">
              <Alert tone="info">{t("escalations.detail.paused")}</Alert>
            </div>
          ) : null}
        </>
      }
      raised={t("escalations.detail.raisedBy", { name: e.raisedByName, dateTime: f.dateTime(e.createdAt) })}
      commentForm={
        e.status !== "closed" ? (
          <CommentForm
            intent="reply"
            label={paused ? t("escalations.detail.replyResumes") : t("escalations.detail.reply")}
            error={errors.body}
            sendLabel={t("escalations.detail.send")}
            sendingLabel={t("escalations.detail.sending")}
            resetAfter={result?.ok ? result : null}
          />
        ) : (
          <p className="mt-4 text-sm text-slate-600">{t("escalations.detail.closed")}</p>
        )
      }
      sideLast={
        <>
          {e.status === "resolved" || e.status === "closed" ? (
            <Card title={t("escalations.detail.solved", { status: e.status })}>
              <p className="mt-1 text-sm text-slate-600">
                {e.reopenUntil
                  ? t("escalations.detail.reopenUntil", { dateTime: f.dateTime(e.reopenUntil) })
                  : t("escalations.detail.noReopen")}
              </p>
              <div className="mt-3 flex flex-wrap gap-2">
                {customerActions.map((a) => (
                  <Form method="post" key={a.to}>
                    <input type="hidden" name="intent" value="status" />
                    <input type="hidden" name="to" value={a.to} />
                    <Button type="submit" variant={a.kind === "close" ? "primary" : "secondary"} disabled={busy}>
                      {a.kind === "close" ? t("escalations.detail.confirm") : t("escalations.detail.reopen")}
                    </Button>
                  </Form>
                ))}
              </div>
            </Card>
          ) : null}
          {e.rootCause ? (
            <p className="text-sm text-slate-700" data-testid="root-cause">
              {t("joint.cause.customer", { cause: t(causeLabelId(e.rootCause)) })}
            </p>
          ) : null}
          <RatingCard escalationId={e.id} state={rating} timeZone={timeZone} />
          {e.approvals.length ? (
            <Card title={t("escalations.detail.exception")}>
              <ul className="mt-2 space-y-3 text-sm">
                {e.approvals.map((a) => (
                  <li key={a.id} data-testid="approval">
                    <p>{t("escalations.detail.requested", { summary: requestSummary(a.request, t, f) })}</p>
                    {a.decision === "pending" ? (
                      <p className="mt-1">
                        <Badge tone="amber">{t("escalations.detail.waiting")}</Badge>{" "}
                        <span className="text-slate-600">
                          {t("escalations.detail.by", { approver: t(APPROVER_TEXT[a.requiredRole]) })}
                        </span>
                      </p>
                    ) : (
                      <p className="mt-1">
                        <ApprovalDecision
                          approval={a}
                          label={t("escalations.detail.decision", { decision: a.decision })}
                          timeZone={timeZone}
                          byClassName="text-slate-600"
                        />
                      </p>
                    )}
                    {a.reason ? (
                      <p className="mt-1 break-words whitespace-pre-wrap text-slate-700">“{a.reason}”</p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </>
      }
    />
  );
}
