// /protocol — the account's co-developed escalation protocol: the pending proposal as a list of
// changes (accept/decline for the other side, withdraw for the proposing side), the terms in
// effect (severities and targets, contact matrix, joint review thresholds), the versions, and the
// proposal form for those who may propose.
import { Form, useNavigation } from "@remix-run/react";
import { RAISED_LEVELS, type ProtocolContact, type ProtocolSide, type TermsChange } from "#app/domain/joint/protocol";
import { ESCALATION_SEVERITIES } from "#app/domain/escalations/workflow";
import { BLANK_CONTACT_ROWS } from "#app/forms/protocol";
import type { MessageId } from "#app/i18n/catalogue";
import { useFormat, useT } from "#app/i18n/react";
import type { ProtocolPage } from "#app/server/joint/protocol.server";
import { Alert, Badge, Button, Card, PageHeader, SelectField, Table, TextAreaField, TextField } from "../ui";

export interface ProtocolActionData {
  ok: boolean;
  message: MessageId | null;
  /** Arguments of the message (e.g. how many running escalations an acceptance moved). */
  values?: Record<string, number>;
  errors: Record<string, MessageId>;
}

type T = ReturnType<typeof useT>;
type F = ReturnType<typeof useFormat>;

export const levelLabel = (t: T, level: string) => t(`joint.protocol.level.${level}` as MessageId);

/** One change of a proposal in words (the quarterly review lists the quarter's changes with it). */
export function ChangeLine({ change: c, account }: { change: TermsChange; account: string }) {
  const t = useT();
  const f = useFormat();
  const d = (m: number) => f.duration(m);
  const who = (x: ProtocolContact) => ({
    name: x.name,
    role: x.role,
    level: levelLabel(t, x.level),
    side: t("joint.protocol.side", { side: x.side, account }),
  });
  switch (c.kind) {
    case "definition":
      return <>{t("joint.protocol.change.definition", { severity: c.severity, from: c.from, to: c.to })}</>;
    case "target":
      return (
        <>{t("joint.protocol.change.target", { severity: c.severity, field: c.field, from: d(c.from), to: d(c.to) })}</>
      );
    case "twentyFourSeven":
      return <>{t("joint.protocol.change.twentyFourSeven", { severity: c.severity, to: String(c.to) })}</>;
    case "levelAfter":
      return (
        <>
          {t("joint.protocol.change.levelAfter", {
            severity: c.severity,
            level: levelLabel(t, c.level),
            from: d(c.from),
            to: d(c.to),
          })}
        </>
      );
    case "contactAdded":
      return <>{t("joint.protocol.change.contactAdded", who(c.contact))}</>;
    case "contactRemoved":
      return <>{t("joint.protocol.change.contactRemoved", who(c.contact))}</>;
    case "contactChanged":
      return <>{t("joint.protocol.change.contactChanged", who(c.to))}</>;
    case "review":
      return (
        <>
          {t("joint.protocol.change.review", {
            field: c.field,
            from: c.field === "consecutivePeriods" ? f.number(c.from) : f.percent(c.from / 100),
            to: c.field === "consecutivePeriods" ? f.number(c.to) : f.percent(c.to / 100),
          })}
        </>
      );
  }
}

const byLine = (t: T, f: F, name: string | null, side: ProtocolSide | null, at: string | null, account: string) =>
  name && side && at
    ? t("joint.protocol.history.by", { name, side: t("joint.protocol.side", { side, account }), date: f.date(at) })
    : "—";

export function ProtocolPageView({
  page,
  account,
  timeZone,
  result,
}: {
  page: ProtocolPage;
  account: string;
  timeZone: string;
  result: ProtocolActionData | undefined;
}) {
  const t = useT();
  const f = useFormat(timeZone);
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const side = (s: ProtocolSide) => t("joint.protocol.side", { side: s, account });
  const other = (s: ProtocolSide): ProtocolSide => (s === "customer" ? "provider" : "customer");
  const p = page.pending;
  const terms = page.terms;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("joint.protocol.title")}
        description={
          page.inEffect
            ? t("joint.protocol.inEffect", {
                account,
                version: page.inEffect.version,
                date: f.date(page.inEffect.decidedAt),
              })
            : t("joint.protocol.noneAgreed")
        }
      />
      {result?.message ? (
        <Alert tone={result.ok ? "success" : "error"}>{t(result.message, result.values)}</Alert>
      ) : null}
      {p ? (
        <Card
          title={t("joint.protocol.pending.title", { version: p.version })}
          description={t("joint.protocol.pending.description", {
            name: p.proposedByName,
            side: side(p.proposedSide),
            date: f.date(p.proposedAt),
            other: side(other(p.proposedSide)),
          })}
          actions={<Badge tone="amber">{t("joint.protocol.status", { status: "pending" })}</Badge>}
        >
          <div className="mt-3 space-y-3 text-sm" data-testid="pending-proposal">
            {p.note ? (
              <p className="break-words whitespace-pre-wrap">{t("joint.protocol.pending.note", { note: p.note })}</p>
            ) : null}
            <p className="font-medium">{t("joint.protocol.changes", { count: p.changes.length })}</p>
            <ul className="list-disc space-y-1 pl-5">
              {p.changes.map((c, i) => (
                <li key={i} className="break-words">
                  <ChangeLine change={c} account={account} />
                </li>
              ))}
            </ul>
            <p className={p.applyToRunning ? "font-medium" : "text-slate-600"} data-testid="proposal-running">
              {p.applyToRunning
                ? t("joint.protocol.pending.appliesToRunning", { account, version: p.version })
                : t("joint.protocol.pending.keepsRunning")}
            </p>
            {page.canAccept ? (
              <div className="flex flex-wrap gap-2">
                <Form method="post">
                  <input type="hidden" name="version" value={p.version} />
                  <Button type="submit" name="intent" value="accept" disabled={busy}>
                    {t("joint.protocol.accept", { version: p.version })}
                  </Button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="version" value={p.version} />
                  <Button type="submit" name="intent" value="decline" variant="secondary" disabled={busy}>
                    {t("joint.protocol.decline")}
                  </Button>
                </Form>
              </div>
            ) : page.canWithdraw ? (
              <div className="flex flex-wrap items-center gap-3">
                <span className="text-slate-600">
                  {t("joint.protocol.pending.waiting", { other: side(other(p.proposedSide)) })}
                </span>
                <Form method="post">
                  <input type="hidden" name="version" value={p.version} />
                  <Button type="submit" name="intent" value="withdraw" variant="secondary" disabled={busy}>
                    {t("joint.protocol.withdraw")}
                  </Button>
                </Form>
              </div>
            ) : (
              <p className="text-slate-600">
                {page.side === "customer" && p.proposedSide === "provider"
                  ? t("joint.protocol.pending.viewerOnly")
                  : t("joint.protocol.pending.waiting", { other: side(other(p.proposedSide)) })}
              </p>
            )}
          </div>
        </Card>
      ) : null}

      <Card title={t("joint.protocol.severities.title")} description={t("joint.protocol.severities.description")}>
        <div className="mt-3">
          <Table
            columns={[
              t("joint.protocol.col.severity"),
              t("joint.protocol.col.definition"),
              t("joint.protocol.col.firstResponse"),
              t("joint.protocol.col.resolution"),
              ...RAISED_LEVELS.map((l) => t("joint.protocol.col.levelAfter", { level: levelLabel(t, l) })),
            ]}
          >
            {ESCALATION_SEVERITIES.map((s) => {
              const x = terms.severities[s];
              return (
                <tr key={s}>
                  <th scope="row">{s}</th>
                  <td className="min-w-56">{x.definition}</td>
                  <td className="whitespace-nowrap tabular-nums">
                    {f.duration(x.firstResponseMinutes)}
                    <span className="block text-xs text-slate-500">
                      {t("joint.protocol.clock", { twentyFourSeven: String(x.twentyFourSeven) })}
                    </span>
                  </td>
                  <td className="whitespace-nowrap tabular-nums">{f.duration(x.resolutionMinutes)}</td>
                  {RAISED_LEVELS.map((l) => (
                    <td key={l} className="whitespace-nowrap tabular-nums">
                      {f.duration(x.levelAfterMinutes[l])}
                    </td>
                  ))}
                </tr>
              );
            })}
          </Table>
        </div>
      </Card>

      <Card title={t("joint.protocol.contacts.title")} description={t("joint.protocol.contacts.description")}>
        <div className="mt-3">
          {terms.contacts.length ? (
            <Table
              columns={[
                t("joint.protocol.col.level"),
                t("joint.protocol.col.side"),
                t("joint.protocol.col.name"),
                t("joint.protocol.col.role"),
                t("joint.protocol.col.businessHours"),
                t("joint.protocol.col.outOfHours"),
              ]}
            >
              {terms.contacts.map((c, i) => (
                <tr key={i}>
                  <td className="whitespace-nowrap">{levelLabel(t, c.level)}</td>
                  <td className="whitespace-nowrap">{side(c.side)}</td>
                  <th scope="row" className="min-w-36">
                    {c.name}
                  </th>
                  <td className="min-w-28">{c.role}</td>
                  <td className="whitespace-nowrap">{c.businessHours}</td>
                  <td className="whitespace-nowrap">{c.outOfHours || t("joint.protocol.contacts.notReachable")}</td>
                </tr>
              ))}
            </Table>
          ) : (
            <p className="text-sm text-slate-600">{t("joint.protocol.contacts.none")}</p>
          )}
        </div>
      </Card>

      <Card title={t("joint.protocol.review.title")}>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm">
          <li>
            {t("joint.protocol.review.otif", {
              pct: f.percent(terms.review.otifFloorPct / 100),
              periods: terms.review.consecutivePeriods,
            })}
          </li>
          <li>{t("joint.protocol.review.fillRate", { pct: f.percent(terms.review.fillRateFloorPct / 100) })}</li>
        </ul>
      </Card>

      {page.history.length ? (
        <Card title={t("joint.protocol.history.title")}>
          <div className="mt-3">
            <Table
              columns={[
                t("joint.protocol.col.version"),
                t("joint.protocol.col.status"),
                t("joint.protocol.col.proposed"),
                t("joint.protocol.col.decided"),
              ]}
            >
              {page.history.map((v) => (
                <tr key={v.version} data-testid="protocol-version">
                  <th scope="row" className="tabular-nums">
                    {v.version}
                  </th>
                  <td className="min-w-32">{t("joint.protocol.status", { status: v.status })}</td>
                  <td className="min-w-48">{byLine(t, f, v.proposedByName, v.proposedSide, v.proposedAt, account)}</td>
                  <td className="min-w-48">{byLine(t, f, v.decidedByName, v.decidedSide, v.decidedAt, account)}</td>
                </tr>
              ))}
            </Table>
          </div>
        </Card>
      ) : null}

      {page.canPropose ? <ProposalForm page={page} account={account} result={result} busy={busy} /> : null}
    </div>
  );
}

function ProposalForm({
  page,
  account,
  result,
  busy,
}: {
  page: ProtocolPage;
  account: string;
  result: ProtocolActionData | undefined;
  busy: boolean;
}) {
  const t = useT();
  const errors = result?.ok === false ? result.errors : {};
  const err = (k: string) => (errors[k] ? t(errors[k]) : undefined);
  const terms = page.terms;
  const hours = (m: number) => String(Math.round((m / 60) * 100) / 100);
  const rows: (ProtocolContact | null)[] = [
    ...terms.contacts,
    ...Array.from({ length: BLANK_CONTACT_ROWS }, () => null),
  ];
  return (
    <Card title={t("joint.protocol.propose.title")} description={t("joint.protocol.propose.description")}>
      <Form method="post" className="mt-4 space-y-6" noValidate>
        <input type="hidden" name="intent" value="propose" />
        {ESCALATION_SEVERITIES.map((s) => {
          const x = terms.severities[s];
          return (
            <fieldset key={s} className="space-y-3 rounded-lg border border-slate-200 p-3">
              <legend className="px-1 text-sm font-semibold">{s}</legend>
              <TextAreaField
                label={t("joint.protocol.propose.definition", { severity: s })}
                name={`${s}.definition`}
                rows={2}
                maxLength={500}
                defaultValue={x.definition}
                error={err(`severities.${s}.definition`)}
              />
              <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
                <TextField
                  label={t("joint.protocol.propose.hours", { label: t("joint.protocol.col.firstResponse") })}
                  name={`${s}.firstResponseHours`}
                  inputMode="decimal"
                  defaultValue={hours(x.firstResponseMinutes)}
                  error={err(`severities.${s}.firstResponseHours`)}
                />
                <TextField
                  label={t("joint.protocol.propose.hours", { label: t("joint.protocol.col.resolution") })}
                  name={`${s}.resolutionHours`}
                  inputMode="decimal"
                  defaultValue={hours(x.resolutionMinutes)}
                  error={err(`severities.${s}.resolutionHours`)}
                />
                {RAISED_LEVELS.map((l) => (
                  <TextField
                    key={l}
                    label={t("joint.protocol.propose.hours", {
                      label: t("joint.protocol.col.levelAfter", { level: levelLabel(t, l) }),
                    })}
                    name={`${s}.${l}Hours`}
                    inputMode="decimal"
                    defaultValue={hours(x.levelAfterMinutes[l])}
                    error={err(`severities.${s}.${l}Hours`)}
                  />
                ))}
              </div>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name={`${s}.twentyFourSeven`} defaultChecked={x.twentyFourSeven} />
                {t("joint.protocol.propose.twentyFourSeven", { severity: s })}
              </label>
            </fieldset>
          );
        })}
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">{t("joint.protocol.contacts.title")}</legend>
          <p className="text-sm text-slate-600">{t("joint.protocol.propose.contactHint")}</p>
          {rows.map((c, i) => (
            <fieldset
              key={i}
              className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-2 lg:grid-cols-4"
            >
              <legend className="px-1 text-sm">{t("joint.protocol.propose.contactRow", { n: i + 1 })}</legend>
              <SelectField
                label={t("joint.protocol.col.side")}
                name={`contact.${i}.side`}
                defaultValue={c?.side ?? page.side}
              >
                <option value="customer">{t("joint.protocol.side", { side: "customer", account })}</option>
                <option value="provider">{t("joint.protocol.side", { side: "provider", account })}</option>
              </SelectField>
              <SelectField
                label={t("joint.protocol.col.level")}
                name={`contact.${i}.level`}
                defaultValue={c?.level ?? "agent"}
              >
                {(["agent", ...RAISED_LEVELS] as const).map((l) => (
                  <option key={l} value={l}>
                    {levelLabel(t, l)}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t("joint.protocol.col.name")}
                name={`contact.${i}.name`}
                defaultValue={c?.name ?? ""}
                error={err(`contact.${i}.name`)}
              />
              <TextField
                label={t("joint.protocol.col.role")}
                name={`contact.${i}.role`}
                defaultValue={c?.role ?? ""}
                error={err(`contact.${i}.role`)}
              />
              <TextField
                label={t("joint.protocol.col.businessHours")}
                name={`contact.${i}.businessHours`}
                defaultValue={c?.businessHours ?? ""}
                error={err(`contact.${i}.businessHours`)}
              />
              <TextField
                label={t("joint.protocol.col.outOfHours")}
                name={`contact.${i}.outOfHours`}
                defaultValue={c?.outOfHours ?? ""}
                error={err(`contact.${i}.outOfHours`)}
              />
              <TextField
                label={t("joint.protocol.col.email")}
                name={`contact.${i}.email`}
                type="email"
                defaultValue={c?.email ?? ""}
                error={err(`contact.${i}.email`)}
              />
            </fieldset>
          ))}
        </fieldset>
        <fieldset className="grid gap-3 sm:grid-cols-3">
          <legend className="mb-2 text-sm font-semibold">{t("joint.protocol.review.title")}</legend>
          <TextField
            label={t("joint.protocol.propose.otif")}
            name="otifFloorPct"
            inputMode="decimal"
            defaultValue={String(terms.review.otifFloorPct)}
            error={err("otifFloorPct")}
          />
          <TextField
            label={t("joint.protocol.propose.periods")}
            name="consecutivePeriods"
            inputMode="numeric"
            defaultValue={String(terms.review.consecutivePeriods)}
            error={err("consecutivePeriods")}
          />
          <TextField
            label={t("joint.protocol.propose.fillRate")}
            name="fillRateFloorPct"
            inputMode="decimal"
            defaultValue={String(terms.review.fillRateFloorPct)}
            error={err("fillRateFloorPct")}
          />
        </fieldset>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="applyToRunning" className="mt-1" />
          <span>{t("joint.protocol.propose.applyToRunning")}</span>
        </label>
        <TextAreaField
          label={t("joint.protocol.propose.note")}
          name="note"
          rows={3}
          maxLength={2000}
          error={err("note")}
        />
        <Button type="submit" disabled={busy}>
          {busy ? t("joint.protocol.propose.sending") : t("joint.protocol.propose.submit")}
        </Button>
      </Form>
    </Card>
  );
}
