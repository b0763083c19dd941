// An escalation's history, one line per audit entry, in the viewer's language and zone.
import type { HistoryEntry } from "#app/server/escalations/views.server";
import { useFormat, useT } from "#app/i18n/react";
import { actorText } from "#app/i18n/audit-text";
import { historyText } from "./history-text";

// The viewer's zone: a staff member's own (as the page's other times), a customer's their account's.
export function History({ history }: { history: HistoryEntry[] }) {
  const f = useFormat();
  const t = useT();
  return (
    <ol className="space-y-1 text-sm" aria-label={t("escalations.history.label")}>
      {history.map((h, i) => (
        <li key={`${h.at}-${i}`} className="flex flex-wrap gap-x-2 text-slate-700">
          <time dateTime={h.at} className="text-slate-500">
            {f.dateTime(h.at)}
          </time>
          <span>{historyText(t, h)}</span>
          <span className="text-slate-500">
            — {h.actor ? actorText(h.actor, h.actorRole, t) : t("escalations.history.supportTeam")}
          </span>
        </li>
      ))}
    </ol>
  );
}
