// Platform admins: the keys ERP, WMS and TMS systems send orders and events with, per account.
import { Form, Link, useNavigation } from "@remix-run/react";
import type { Localized } from "#app/i18n/localized";
import { useFormat, useT, useTMaybe } from "#app/i18n/react";
import { ResultAlert } from "../result-alert";
import { Badge, Button, Card, EmptyState, PageHeader, SelectField, Table, TextField } from "../ui";

export interface IngestKeyRow {
  id: string;
  tenantId: string;
  tenantName: string;
  name: string;
  prefix: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  delivered: boolean;
  configuredIntervalMin: number | null;
}

export interface IngestKeysResult {
  ok: boolean;
  message: Localized | null;
  /** Catalogue ids per field. */
  errors: Record<string, string>;
  secret?: string;
}

export function IngestKeysPage({
  keys,
  tenants,
  result,
}: {
  keys: IngestKeyRow[];
  tenants: { id: string; name: string }[];
  result: IngestKeysResult | undefined;
}) {
  const t = useT();
  const tMaybe = useTMaybe();
  // Times in the viewer's own zone (staff profile; UTC until chosen).
  const f = useFormat();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const errors = result?.errors ?? {};
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("admin.ingestKeys.title")}
        description={t("admin.ingestKeys.description")}
        actions={
          <Link
            to="/staff/admin"
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50"
          >
            {t("admin.ingestKeys.back")}
          </Link>
        }
      />
      <ResultAlert result={result} />
      {result?.secret ? (
        <Card
          className="border-emerald-300"
          title={t("admin.ingestKeys.newKey")}
          description={t("admin.ingestKeys.newKeyHint")}
        >
          <TextField
            label={t("admin.ingestKeys.secret")}
            name="secret"
            readOnly
            value={result.secret}
            onFocus={(e) => e.currentTarget.select()}
            className="mt-3 font-mono"
            hint={t("admin.ingestKeys.secretHint")}
          />
        </Card>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2" title={t("admin.ingestKeys.keys")}>
          {keys.length === 0 ? (
            <div className="mt-3">
              <EmptyState title={t("admin.ingestKeys.emptyTitle")}>{t("admin.ingestKeys.emptyBody")}</EmptyState>
            </div>
          ) : (
            <Table
              stacked
              className="mt-3"
              columns={[
                t("admin.ingestKeys.col.account"),
                t("admin.ingestKeys.col.name"),
                t("admin.ingestKeys.col.prefix"),
                t("admin.ingestKeys.col.created"),
                t("admin.ingestKeys.col.lastUsed"),
                t("admin.ingestKeys.col.interval"),
                { label: t("admin.ingestKeys.col.status"), srOnly: true },
              ]}
            >
              {keys.map((k) => (
                <tr key={k.id}>
                  <td className="font-medium">{k.tenantName}</td>
                  <td className="break-words">{k.name}</td>
                  <td className="font-mono text-xs">{t("admin.ingestKeys.prefix", { prefix: k.prefix })}</td>
                  <td>
                    {f.dateTime(k.createdAt)}
                    {k.createdBy ? (
                      <span className="block text-xs break-all text-slate-500">
                        {t("admin.ingestKeys.by", { who: k.createdBy })}
                      </span>
                    ) : null}
                  </td>
                  <td>{k.lastUsedAt ? f.dateTime(k.lastUsedAt) : t("admin.ingestKeys.never")}</td>
                  <td>
                    <IntervalForm row={k} busy={busy} error={tMaybe(errors[`interval-${k.id}`])} />
                  </td>
                  <td>
                    {k.revokedAt ? (
                      <Badge tone="red">{t("admin.ingestKeys.revoked", { time: f.dateTime(k.revokedAt) })}</Badge>
                    ) : (
                      <Form
                        method="post"
                        onSubmit={(e) => {
                          if (
                            !window.confirm(
                              t("admin.ingestKeys.revokeConfirm", { name: k.name, account: k.tenantName }),
                            )
                          )
                            e.preventDefault();
                        }}
                      >
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="tenantId" value={k.tenantId} />
                        <input type="hidden" name="keyId" value={k.id} />
                        <Button
                          type="submit"
                          variant="danger"
                          disabled={busy}
                          aria-label={t("admin.ingestKeys.revokeLabel", { name: k.name, account: k.tenantName })}
                        >
                          {t("admin.ingestKeys.revoke")}
                        </Button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
        <Card title={t("admin.ingestKeys.newKey")}>
          <Form method="post" className="mt-3 space-y-3" noValidate>
            <input type="hidden" name="intent" value="create" />
            <SelectField
              label={t("admin.ingestKeys.account")}
              name="tenantId"
              defaultValue=""
              error={tMaybe(errors.tenantId)}
            >
              <option value="" disabled>
                {t("admin.ingestKeys.chooseAccountOption")}
              </option>
              {tenants.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t("admin.ingestKeys.name")}
              name="name"
              required
              maxLength={80}
              error={tMaybe(errors.name)}
              placeholder={t("admin.ingestKeys.namePlaceholder")}
              hint={t("admin.ingestKeys.nameHint")}
            />
            <Button type="submit" disabled={busy} className="w-full">
              {busy && navigation.formData?.get("intent") === "create"
                ? t("admin.ingestKeys.creating")
                : t("admin.ingestKeys.create")}
            </Button>
          </Form>
        </Card>
      </div>
    </div>
  );
}

/** A source's usual interval for feed health: set in minutes, or cleared (learned again). */
function IntervalForm({ row, busy, error }: { row: IngestKeyRow; busy: boolean; error: string | null | undefined }) {
  const t = useT();
  if (!row.delivered) return <span className="text-sm text-slate-500">{t("admin.ingestKeys.intervalNotYet")}</span>;
  return (
    <Form method="post" className="flex flex-wrap items-end gap-2" noValidate>
      <input type="hidden" name="intent" value="interval" />
      <input type="hidden" name="tenantId" value={row.tenantId} />
      <input type="hidden" name="keyId" value={row.id} />
      <TextField
        label={t("admin.ingestKeys.intervalLabel")}
        name="intervalMin"
        inputMode="numeric"
        defaultValue={row.configuredIntervalMin === null ? "" : String(row.configuredIntervalMin)}
        className="w-24"
        error={error}
        hint={row.configuredIntervalMin === null ? t("admin.ingestKeys.intervalLearned") : undefined}
      />
      <Button
        type="submit"
        variant="secondary"
        disabled={busy}
        aria-label={t("admin.ingestKeys.intervalSaveLabel", { name: row.name, account: row.tenantName })}
      >
        {t("admin.ingestKeys.intervalSave")}
      </Button>
    </Form>
  );
}
