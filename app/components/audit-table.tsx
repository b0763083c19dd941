// The audit trail as a table, times in the viewer's zone.
import { Link } from "@remix-run/react";
import { type ActorKind, groupMachineActivity } from "#app/domain/audit/group";
import type { AuditRow } from "#app/server/audit-view.server";
import { Badge, EmptyState, Table, type TableColumn } from "./ui";
import { useIntl } from "react-intl";
import { useFormat, useT } from "#app/i18n/react";
import type { MessageId } from "#app/i18n/catalogue";
import { actorText, auditDetailText } from "#app/i18n/audit-text";

/** The catalogue's label for an audit action, or a readable fallback naming the code. */
export function useAuditLabel(): (action: string) => string {
  const intl = useIntl();
  const t = useT();
  return (action) => {
    const id = `settings.audit.action.${action}`;
    return id in intl.messages ? t(id as MessageId) : t("settings.audit.action.unknown", { action });
  };
}

/** An entry as the page receives it (the loader keeps `at` a Date; a JSON answer makes it a string). */
export type AuditRowView = Omit<AuditRow, "at"> & { at: string | Date };

const KIND_TONE: Record<ActorKind, "slate" | "blue" | "green" | "amber"> = {
  customer: "green",
  staff: "blue",
  integration: "amber",
  system: "slate",
};

export function AuditTable({
  rows,
  timeZone,
  showTenant,
  showIp,
  pageSize = 50,
  olderHref = (before) => `?before=${before}`,
  customerKinds,
}: {
  /** A customer's view: who acted as a person, an integration or the system. */
  customerKinds?: boolean;
  rows: AuditRowView[];
  /** A full page means there may be older entries. */
  pageSize?: number;
  /** The link to the page after the entry with this id (keeps the filters). */
  olderHref?: (before: number) => string;
  timeZone: string;
  showTenant?: boolean;
  /** Staff views only: customers are not shown addresses (their rows carry none). */
  showIp?: boolean;
}) {
  const f = useFormat(timeZone);
  const label = useAuditLabel();
  const t = useT();
  const intl = useIntl();
  const has = (id: string) => id in intl.messages;
  // The zone as every time names it (the formatter's one rule: "GMT+9"), for the offsets the listed
  // entries fall in ("GMT+1/GMT+2" across a change of clocks); headings are capitalised, zone names not.
  const zone = [...new Set(rows.map((r) => f.zoneName(r.at)))].join("/");
  const columns: TableColumn[] = [
    {
      label: intl.formatMessage(
        { id: "settings.audit.col.when" },
        {
          zone: (
            <span className="normal-case" data-testid="audit-zone">
              {zone}
            </span>
          ),
        },
      ),
    },
    ...(showTenant ? [t("settings.audit.col.tenant")] : []),
    t("settings.audit.col.who"),
    t("settings.audit.col.what"),
    t("settings.audit.col.details"),
    ...(showIp ? [t("settings.audit.col.ip")] : []),
  ];
  const row = (r: AuditRowView) => (
    <tr key={r.id} data-testid="audit-entry" data-actor-kind={r.actorKind}>
      <td className="whitespace-nowrap">{f.dateTime(r.at)}</td>
      {showTenant ? <td>{r.tenantName ?? t("settings.audit.platform")}</td> : null}
      <td>
        {actorText(r.actorLabel, r.actorRole, t)}{" "}
        {showIp ? <Badge tone={KIND_TONE[r.actorKind]}>{t(`staff.audit.kind.${r.actorKind}`)}</Badge> : null}
        {customerKinds ? (
          <Badge tone={KIND_TONE[r.actorKind]}>
            {t(`settings.audit.kind.${r.actorKind === "staff" || r.actorKind === "customer" ? "person" : r.actorKind}`)}
          </Badge>
        ) : null}
      </td>
      <td data-action={r.action}>{label(r.action)}</td>
      <td className="max-w-md text-xs break-words text-slate-600">{auditDetailText(r.detail, t, has, f)}</td>
      {showIp ? <td className="text-xs text-slate-500">{r.ip ?? ""}</td> : null}
    </tr>
  );
  if (rows.length === 0)
    return <EmptyState title={t("settings.audit.empty.title")}>{t("settings.audit.empty.body")}</EmptyState>;
  const last = rows[rows.length - 1];
  return (
    <div>
      <Table
        columns={columns}
        caption={t("settings.audit.caption", { zone })}
        variant="panel"
        className="rounded-xl border border-slate-200 bg-white"
      >
        {groupMachineActivity(rows).map((item) =>
          item.kind === "entry" ? (
            row(item.row)
          ) : (
            <tr key={`group-${item.rows[0].id}`} data-testid="audit-machine-group" className="bg-slate-50">
              <td colSpan={columns.length}>
                <details>
                  <summary className="cursor-pointer text-slate-700">
                    {t("staff.audit.machineGroup", {
                      count: item.rows.length,
                      newest: f.dateTime(item.rows[0].at),
                      oldest: f.dateTime(item.rows[item.rows.length - 1].at),
                    })}
                  </summary>
                  {/* Not a Table: these are rows of the table around it, folded under a summary; they
                      share its column headings (cell padding reaches them from the outer Table). */}
                  <table className="mt-2 min-w-full text-left text-sm">
                    <tbody className="divide-y divide-slate-200">{item.rows.map(row)}</tbody>
                  </table>
                </details>
              </td>
            </tr>
          ),
        )}
      </Table>
      {rows.length >= pageSize ? (
        <Link to={olderHref(last.id)} className="mt-3 inline-block text-sm text-brand-700 hover:underline">
          {t("settings.audit.older")}
        </Link>
      ) : null}
    </div>
  );
}
