// The parts of an escalation's page that the customer's page (/escalations/:id) and the staff
// page (/staff/queue/:id) share: EscalationPage lays them out (the badges under the title, the
// two columns, the report, the conversation, the history, the service level and the protocol).
// What differs (the forms, the owner and status panel, the exception decisions) stays in each
// page and comes in through EscalationPage's slots.
import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import type { EscalationDetail } from "#app/server/escalations/views.server";
import type { EscalationProtocolView } from "#app/server/joint/protocol-escalation.server";
import { useFormat, useT } from "#app/i18n/react";
import { ProtocolPanel } from "../joint/protocol-panel";
import { Alert, Badge, Button, Card, PageHeader, TextAreaField } from "../ui";
import { History } from "./history";
import { Conversation, SeverityBadge, SlaPanel, StatusBadge } from "./shared";

type Audience = "customer" | "staff";

/** One escalation's page, for either audience; each slot holds what only that page shows. */
export function EscalationPage({
  escalation: e,
  audience,
  timeZone,
  protocol,
  account,
  back,
  backLabel,
  title,
  facts,
  result,
  notices,
  raised,
  commentForm,
  sideFirst,
  sideLast,
}: {
  escalation: EscalationDetail;
  audience: Audience;
  /** The zone the page shows times in. */
  timeZone: string;
  protocol: EscalationProtocolView;
  /** The account's name (the protocol panel's other side). */
  account: string;
  back: string;
  backLabel: string;
  title: string;
  /** The page's own facts beside the status and severity. */
  facts: ReactNode;
  result: { ok: boolean; message: string | null } | undefined;
  /** Alerts under the answer to the last form post. */
  notices?: ReactNode;
  /** Who raised it and when (under the report). */
  raised: ReactNode;
  /** Under the conversation: the reply or comment form. */
  commentForm: ReactNode;
  /** Side panels above the service level. */
  sideFirst?: ReactNode;
  /** Side panels under the protocol. */
  sideLast: ReactNode;
}) {
  return (
    <div>
      <EscalationHeader escalation={e} back={back} backLabel={backLabel} title={title}>
        {facts}
      </EscalationHeader>
      <ResultMessage result={result} />
      {notices}
      <EscalationColumns
        main={
          <>
            <ReportCard escalation={e} audience={audience} raised={raised} />
            <ConversationCard escalation={e}>{commentForm}</ConversationCard>
            <HistoryCard escalation={e} />
          </>
        }
        side={
          <>
            {sideFirst}
            <ServiceLevelCard escalation={e} timeZone={timeZone} audience={audience} />
            <ProtocolPanel protocol={protocol} account={account} timeZone={timeZone} />
            {sideLast}
          </>
        }
      />
    </div>
  );
}

/** An exception request's decision: approved or rejected (`label`), by whom and when. */
export function ApprovalDecision({
  approval: a,
  label,
  timeZone,
  byClassName,
}: {
  approval: EscalationDetail["approvals"][number];
  label: string;
  timeZone: string;
  /** Classes of the "by whom, when" text (none: plain text). */
  byClassName?: string;
}) {
  const t = useT();
  const f = useFormat(timeZone);
  const by = t("escalations.detail.decidedBy", { name: a.decidedByName ?? "", dateTime: f.dateTime(a.decidedAt) });
  return (
    <>
      <Badge tone={a.decision === "approved" ? "green" : "red"}>{label}</Badge>{" "}
      {byClassName ? <span className={byClassName}>{by}</span> : by}
    </>
  );
}

/** The way back, the title, and status and severity under it; `children` adds the page's own facts. */
function EscalationHeader({
  escalation: e,
  back,
  backLabel,
  title,
  children,
}: {
  escalation: EscalationDetail;
  back: string;
  backLabel: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={back} className="text-brand-700 hover:underline">
          {backLabel}
        </Link>
      </p>
      <PageHeader
        title={title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={e.status} />
            <SeverityBadge severity={e.severity} />
            {children}
          </span>
        }
      />
    </>
  );
}

/** The answer to the last form post, if it said something. */
function ResultMessage({ result }: { result?: { ok: boolean; message: string | null } }) {
  return result?.message ? (
    <div className="mb-4">
      <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert>
    </div>
  ) : null;
}

/** The conversation and history on the left (two thirds), the page's side panels on the right. */
function EscalationColumns({ main, side }: { main: ReactNode; side: ReactNode }) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">{main}</div>
      <div className="space-y-6">{side}</div>
    </div>
  );
}

/** What the customer reported and the outcome they need; `raised` says who raised it and when. */
function ReportCard({
  escalation: e,
  audience,
  raised,
}: {
  escalation: EscalationDetail;
  audience: Audience;
  raised: ReactNode;
}) {
  const t = useT();
  return (
    <Card title={audience === "staff" ? t("staff.escalation.reported") : t("escalations.detail.whatHappened")}>
      <p className="mt-2 text-sm break-words whitespace-pre-wrap">{e.description}</p>
      <h3 className="mt-4 text-sm font-semibold text-slate-700">{t("escalations.detail.outcome")}</h3>
      <p className="mt-1 text-sm break-words whitespace-pre-wrap">{e.desiredOutcome}</p>
      <p className="mt-4 text-xs text-slate-500">{raised}</p>
    </Card>
  );
}

/** The comments, then the page's form for adding one (`children`). */
function ConversationCard({ escalation: e, children }: { escalation: EscalationDetail; children: ReactNode }) {
  const t = useT();
  return (
    <Card title={t("escalations.detail.conversation")}>
      <div className="mt-3">
        <Conversation comments={e.comments} />
      </div>
      {children}
    </Card>
  );
}

/**
 * The form under the conversation: the page's own fields (`children`), the message and the send
 * button. It empties itself whenever `resetAfter` changes to a new truthy value (a post that went
 * through).
 */
export function CommentForm({
  intent,
  label,
  error,
  sendLabel,
  sendingLabel,
  resetAfter,
  children,
}: {
  intent: string;
  label: string;
  error?: string;
  sendLabel: string;
  sendingLabel: string;
  resetAfter: unknown;
  children?: ReactNode;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (resetAfter) form.current?.reset();
  }, [resetAfter]);
  return (
    <Form method="post" className="mt-4 space-y-3" ref={form} noValidate>
      <input type="hidden" name="intent" value={intent} />
      {children}
      <TextAreaField label={label} name="body" rows={4} maxLength={10_000} required error={error} />
      <Button type="submit" disabled={busy}>
        {busy && navigation.formData?.get("intent") === intent ? sendingLabel : sendLabel}
      </Button>
    </Form>
  );
}

function HistoryCard({ escalation: e }: { escalation: EscalationDetail }) {
  const t = useT();
  return (
    <Card title={t("escalations.detail.history")}>
      <div className="mt-3">
        <History history={e.history} />
      </div>
    </Card>
  );
}

function ServiceLevelCard({
  escalation: e,
  timeZone,
  audience,
}: {
  escalation: EscalationDetail;
  timeZone: string;
  audience: Audience;
}) {
  const t = useT();
  return (
    <Card title={t("escalations.detail.serviceLevel")}>
      <div className="mt-3">
        <SlaPanel sla={e.sla} timeZone={timeZone} audience={audience} />
      </div>
    </Card>
  );
}
