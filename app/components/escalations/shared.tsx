// Escalation UI pieces shared by the customer pages and the staff queue: badges, the SLA clock,
// times in the account's zone, the conversation and the history.
import { useEffect, useRef, useState } from "react";
import {
  CATEGORY_LABELS,
  ESCALATION_STATUSES,
  STATUS_TITLES,
  type EscalationCategory,
  type EscalationStatus,
  type Severity,
} from "#app/domain/escalations/workflow";
import type { SlaView, ClockView } from "#app/server/escalations/sla.server";
import type { ApprovalView, CommentView } from "#app/server/escalations/views.server";
import { Badge, cx } from "../ui";
import type { MessageId } from "#app/i18n/catalogue";
import type { Formatter } from "#app/i18n/format";
import { useFormat, useT, type TFunction } from "#app/i18n/react";
import { ZonedTime } from "../zoned-time";

const STATUS_TONE: Record<EscalationStatus, "slate" | "green" | "amber" | "red" | "blue"> = {
  open: "red",
  acknowledged: "blue",
  in_progress: "blue",
  awaiting_customer: "amber",
  resolved: "green",
  closed: "slate",
};

/** Title-case status names for badges and filters (the catalogue's STATUS_TITLES). */
const STATUS_TITLE_KEYS: Record<EscalationStatus, MessageId> = {
  open: "escalations.status.open",
  acknowledged: "escalations.status.acknowledged",
  in_progress: "escalations.status.in_progress",
  awaiting_customer: "escalations.statusTitle.awaiting_customer",
  resolved: "escalations.status.resolved",
  closed: "escalations.status.closed",
};

export function statusTitle(t: TFunction, s: EscalationStatus): string {
  return STATUS_TITLE_KEYS[s] ? t(STATUS_TITLE_KEYS[s]) : STATUS_TITLES[s];
}

export function StatusBadge({ status }: { status: EscalationStatus }) {
  const t = useT();
  return <Badge tone={STATUS_TONE[status]}>{statusTitle(t, status)}</Badge>;
}

const SEVERITY_TONE: Record<Severity, "slate" | "green" | "amber" | "red" | "blue"> = {
  P1: "red",
  P2: "amber",
  P3: "blue",
  P4: "slate",
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge tone={SEVERITY_TONE[severity]}>{severity}</Badge>;
}

const CATEGORY_KEYS: Record<EscalationCategory, MessageId> = {
  late_delivery: "escalations.category.late_delivery",
  damaged_goods: "escalations.category.damaged_goods",
  wrong_items: "escalations.category.wrong_items",
  documentation: "escalations.category.documentation",
  billing: "escalations.category.billing",
  other: "escalations.category.other",
};

export function categoryLabel(t: TFunction, c: EscalationCategory): string {
  return CATEGORY_KEYS[c] ? t(CATEGORY_KEYS[c]) : (CATEGORY_LABELS[c] ?? c);
}

/** One line about a clock: "2 h 5 min left", "paused — waiting for your reply", "met". */
export function clockSentence(c: ClockView, audience: "customer" | "staff", t: TFunction, f: Formatter): string {
  switch (c.status) {
    case "paused":
      return t("escalations.clock.paused", { reason: c.pauseReason === "awaiting_customer" ? audience : "none" });
    case "met":
      return t("escalations.clock.met");
    case "missed":
      return t("escalations.clock.missed", { duration: f.duration(c.elapsedMinutes - c.targetMinutes) });
    case "breached":
      return t("escalations.clock.overdue", { duration: f.duration(-c.remainingMinutes) });
    default:
      return t("escalations.clock.left", { duration: f.duration(c.remainingMinutes) });
  }
}

const CLOCK_TONE: Record<ClockView["status"], "slate" | "green" | "amber" | "red" | "blue"> = {
  running: "blue",
  breaching_soon: "amber",
  breached: "red",
  paused: "slate",
  met: "green",
  missed: "red",
};

/** Compact clock for lists: the clock that counts now. */
export function ClockBadge({ sla, audience }: { sla: SlaView; audience: "customer" | "staff" }) {
  const c = sla[sla.active];
  const t = useT();
  const f = useFormat();
  return (
    <span className="inline-flex flex-col gap-0.5">
      <Badge tone={CLOCK_TONE[c.status]}>
        {t("escalations.clock.badge", { which: sla.active, sentence: clockSentence(c, audience, t, f) })}
      </Badge>
    </span>
  );
}

/** Both clocks with targets and due times, for detail pages. */
export function SlaPanel({
  sla,
  timeZone,
  audience,
}: {
  sla: SlaView;
  timeZone: string;
  audience: "customer" | "staff";
}) {
  // Targets and clocks in the account's calendar; instants in the viewer's zone, due times with
  // the account's local time beside them (ZonedTime).
  const f = useFormat(timeZone);
  const viewer = useFormat();
  const t = useT();
  // The test id keeps the English name: tests find a clock whatever the page's language.
  const rows: [string, MessageId, ClockView][] = [
    ["First response", "escalations.clock.firstResponse", sla.firstResponse],
    ["Resolution", "escalations.clock.resolution", sla.resolution],
  ];
  return (
    <div>
      <dl className="space-y-3">
        {rows.map(([id, label, c]) => (
          <div key={id} className="rounded-lg border border-slate-200 p-3" data-testid={`clock-${id}`}>
            <dt className="flex items-center justify-between gap-2 text-sm font-medium text-slate-800">
              {t(label)}
              <Badge tone={CLOCK_TONE[c.status]}>{clockSentence(c, audience, t, f)}</Badge>
            </dt>
            <dd className="mt-1 text-xs text-slate-600">
              {t("escalations.clock.target", {
                duration: f.duration(c.targetMinutes),
                allDay: sla.twentyFourSeven ? "yes" : "no",
              })}
              {" · "}
              {t("escalations.clock.used", { duration: f.duration(c.elapsedMinutes) })}
              {c.dueAt && !c.stoppedAt ? (
                <>
                  {" · "}
                  {t("escalations.clock.due")} <ZonedTime instant={c.dueAt} accountZone={timeZone} />
                </>
              ) : null}
              {c.stoppedAt ? (
                <> · {t("escalations.clock.stopped", { dateTime: viewer.dateTime(c.stoppedAt) })}</>
              ) : null}
              {c.pausedSince ? (
                <> · {t("escalations.clock.pausedSince", { dateTime: viewer.dateTime(c.pausedSince) })}</>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-500">
        {sla.twentyFourSeven
          ? t("escalations.clock.aroundTheClock")
          : t("escalations.clock.businessHours", { zone: timeZone })}
      </p>
    </div>
  );
}

/** The conversation, each message's time in the viewer's zone (a staff member's own, a customer's account's). */
export function Conversation({ comments }: { comments: CommentView[] }) {
  const f = useFormat();
  const t = useT();
  if (!comments.length) return <p className="text-sm text-slate-600">{t("escalations.conversation.empty")}</p>;
  return (
    <ol className="space-y-3" aria-label={t("escalations.conversation.label")}>
      {comments.map((c) => (
        <li
          key={c.id}
          data-testid={c.visibility === "internal" ? "internal-note" : "public-reply"}
          className={cx(
            "rounded-lg border p-3",
            c.visibility === "internal"
              ? "border-amber-300 bg-amber-50"
              : c.authorKind === "staff"
                ? "border-sky-200 bg-sky-50"
                : "border-slate-200 bg-white",
          )}
        >
          <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
            <span className="font-medium text-slate-800">{c.authorName}</span>
            {c.visibility === "internal" ? <Badge tone="amber">{t("escalations.conversation.internal")}</Badge> : null}
            {c.visibility === "public" && c.authorKind === "staff" ? (
              <Badge tone="blue">{t("escalations.conversation.supportTeam")}</Badge>
            ) : null}
            <time dateTime={c.createdAt}>{f.dateTime(c.createdAt)}</time>
          </p>
          <p className="mt-1 text-sm break-words whitespace-pre-wrap text-slate-900">
            {c.message ? t(c.message.id, c.message.values) : c.body}
          </p>
        </li>
      ))}
    </ol>
  );
}

export function requestSummary(r: ApprovalView["request"], t: TFunction, f: Formatter): string {
  const parts: string[] = [];
  if (r.expedite) parts.push(t("escalations.approval.expedite"));
  if (r.creditAmount)
    parts.push(
      t("escalations.approval.credit", {
        amount: r.currency ? f.money(r.creditAmount, r.currency) : f.fixed(r.creditAmount, 2),
      }),
    );
  if (r.policyOverride) parts.push(t("escalations.approval.policyOverride", { text: r.policyOverride }));
  return parts.join("; ") || t("escalations.approval.none");
}

export const APPROVER_TEXT: Record<ApprovalView["requiredRole"], MessageId> = {
  support_agent: "escalations.approver.support_agent",
  support_lead: "escalations.approver.support_lead",
  platform_admin: "escalations.approver.platform_admin",
};

/**
 * Calls `onChange` when an escalation event arrives on a server-sent event stream at `url`
 * (`event: escalation`), and returns whether the stream is connected. EventSource reconnects by
 * itself; a burst of events folds into one call. (Customer pages use the shared account stream
 * from ./live; the staff queue spans accounts, so it has its own stream.)
 */
export function useEscalationEvents(
  url: string | null,
  onChange: (data: { escalationId: string; status: string }) => void,
): "connecting" | "open" | "reconnecting" {
  const callback = useRef(onChange);
  const [state, setState] = useState<"connecting" | "open" | "reconnecting">("connecting");
  useEffect(() => {
    callback.current = onChange;
  }, [onChange]);
  useEffect(() => {
    if (!url || typeof EventSource === "undefined") return;
    const source = new EventSource(url);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last: { escalationId: string; status: string } | null = null;
    source.onopen = () => setState("open");
    source.onerror = () => setState("reconnecting");
    const handler = (e: MessageEvent<string>) => {
      try {
        last = JSON.parse(e.data) as { escalationId: string; status: string };
      } catch {
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(() => last && callback.current(last), 150);
    };
    source.addEventListener("escalation", handler as EventListener);
    return () => {
      clearTimeout(timer);
      source.removeEventListener("escalation", handler as EventListener);
      source.close();
    };
  }, [url]);
  return state;
}

/** The status filter's choices, shared by the customer's list and the staff queue. */
export function StatusFilterOptions() {
  const t = useT();
  return (
    <>
      <option value="active">{t("escalations.filter.active")}</option>
      <option value="all">{t("escalations.filter.all")}</option>
      {ESCALATION_STATUSES.map((s) => (
        <option key={s} value={s}>
          {statusTitle(t, s)}
        </option>
      ))}
    </>
  );
}
