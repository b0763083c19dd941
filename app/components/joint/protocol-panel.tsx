// "The protocol in effect" beside an escalation: why it has its severity, who is on it at its
// level on both sides, and when it goes to the next level.
import { Link } from "@remix-run/react";
import { useFormat, useT } from "#app/i18n/react";
import type { EscalationProtocolView } from "#app/server/joint/protocol-escalation.server";
import { Card } from "../ui";
import { levelLabel } from "./protocol-page";

export function ProtocolPanel({
  protocol: p,
  account,
  timeZone,
}: {
  protocol: EscalationProtocolView;
  account: string;
  timeZone: string;
}) {
  const t = useT();
  const f = useFormat(timeZone);
  return (
    <Card title={t("joint.protocol.escalation.title")}>
      <div className="mt-2 space-y-2 text-sm" data-testid="escalation-protocol">
        <p className="text-slate-600">
          {p.version !== null
            ? t("joint.protocol.escalation.version", { version: p.version })
            : t("joint.protocol.escalation.noVersion")}
        </p>
        <p className="break-words">
          {t("joint.protocol.escalation.why", { severity: p.severity, definition: p.definition })}
        </p>
        <p className="font-medium">{t("joint.protocol.escalation.level", { level: levelLabel(t, p.level) })}</p>
        <p>
          {p.next
            ? p.next.at
              ? t("joint.protocol.escalation.next", {
                  level: levelLabel(t, p.next.level),
                  when: f.dateTime(p.next.at),
                })
              : t("joint.protocol.escalation.nextPaused", { level: levelLabel(t, p.next.level) })
            : p.level === "leadership"
              ? t("joint.protocol.escalation.top")
              : null}
        </p>
        {p.contacts.length ? (
          <>
            <h3 className="pt-1 font-semibold text-slate-700">{t("joint.protocol.escalation.who")}</h3>
            <ul className="space-y-2">
              {p.contacts.map((c, i) => (
                <li key={i} className="break-words">
                  <span className="block">
                    {t("joint.protocol.contact", {
                      name: c.name,
                      role: c.role,
                      side: t("joint.protocol.side", { side: c.side, account }),
                    })}
                  </span>
                  <span className="block text-xs text-slate-600">
                    {t("joint.protocol.reach", { businessHours: c.businessHours })}
                  </span>
                  {c.outOfHours ? (
                    <span className="block text-xs text-slate-600">
                      {t("joint.protocol.reachOutOfHours", { outOfHours: c.outOfHours })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p>
          <Link to="/protocol" className="text-brand-700 hover:underline">
            {t("joint.protocol.escalation.link")}
          </Link>
        </p>
      </div>
    </Card>
  );
}
