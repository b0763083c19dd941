// Saved views: open one, save the current filter under a name (optionally as default and with
// delay alerts), and manage the open view. Plain forms; the page action does the work.
import { Form, Link, useNavigation } from "@remix-run/react";
import { useState } from "react";
import type { Localized } from "#app/i18n/localized";
import { useT, useTMaybe } from "#app/i18n/react";
import { Alert, Button, cx, FieldError } from "../ui";

export interface SavedViewData {
  id: string;
  name: string;
  query: string;
  isDefault: boolean;
  alerts: boolean;
}

type ActionData = { ok: true; message: Localized } | { ok: false; errors: Record<string, string> } | null;

export function viewHref(v: SavedViewData): string {
  return `/orders?${v.query ? `${v.query}&` : ""}view=${v.id}`;
}

export function SavedViewsBar({
  views,
  activeViewId,
  query,
  actionData,
}: {
  views: SavedViewData[];
  activeViewId: string | null;
  query: string;
  actionData: ActionData;
}) {
  const navigation = useNavigation();
  const [saving, setSaving] = useState(false);
  const active = views.find((v) => v.id === activeViewId) ?? null;
  const errors = actionData && !actionData.ok ? actionData.errors : {};
  const busy = navigation.state === "submitting";
  const open = saving || Boolean(errors.name || errors.query);
  const t = useT();
  const tm = useTMaybe();
  return (
    <section
      aria-label={t("orders.views.label")}
      className="mb-4 rounded-xl border border-slate-200 bg-white p-3 shadow-sm"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-sm font-medium text-slate-800">{t("orders.views.title")}</h2>
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link
              to="/orders?all=1"
              aria-current={!active && !query ? "page" : undefined}
              className={cx(
                "rounded-md px-2.5 py-1 text-sm",
                !active && !query ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {t("orders.views.all")}
            </Link>
          </li>
          {views.map((v) => (
            <li key={v.id}>
              <Link
                to={viewHref(v)}
                aria-current={v.id === activeViewId ? "page" : undefined}
                className={cx(
                  "rounded-md px-2.5 py-1 text-sm",
                  v.id === activeViewId ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-100",
                )}
              >
                {v.name}
                {v.isDefault ? <span className="ml-1 text-xs opacity-75">{t("orders.views.default")}</span> : null}
                {v.alerts ? (
                  <span className="ml-1" title={t("orders.views.alertsOn")} aria-label={t("orders.views.alertsOn")}>
                    🔔
                  </span>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
        <div className="ml-auto flex flex-wrap gap-2">
          {active ? (
            <>
              <Form method="post">
                <input type="hidden" name="intent" value="alerts" />
                <input type="hidden" name="viewId" value={active.id} />
                <input type="hidden" name="value" value={active.alerts ? "0" : "1"} />
                <Button type="submit" variant="secondary" disabled={busy} aria-pressed={active.alerts}>
                  {t("orders.views.alertsToggle", { on: active.alerts ? "yes" : "no" })}
                </Button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value="default" />
                <input type="hidden" name="viewId" value={active.id} />
                <input type="hidden" name="value" value={active.isDefault ? "0" : "1"} />
                <Button type="submit" variant="ghost" disabled={busy}>
                  {t("orders.views.defaultToggle", { on: active.isDefault ? "yes" : "no" })}
                </Button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="viewId" value={active.id} />
                <Button type="submit" variant="ghost" disabled={busy}>
                  {t("orders.views.delete")}
                </Button>
              </Form>
            </>
          ) : null}
          <Button
            type="button"
            variant="secondary"
            aria-expanded={open}
            aria-controls="save-view-form"
            onClick={() => setSaving((s) => !s)}
          >
            {t("orders.views.save")}
          </Button>
        </div>
      </div>
      {actionData?.ok ? (
        <div className="mt-3">
          <Alert tone="success">{t(actionData.message.id, actionData.message.values)}</Alert>
        </div>
      ) : null}
      {errors.view ? (
        <div className="mt-3">
          <Alert>{tm(errors.view)}</Alert>
        </div>
      ) : null}
      <Form
        id="save-view-form"
        method="post"
        hidden={!open}
        className="mt-3 flex flex-wrap items-end gap-3 border-t border-slate-100 pt-3"
      >
        <input type="hidden" name="intent" value="save" />
        <input type="hidden" name="query" value={query} />
        <div>
          <label htmlFor="view-name" className="block text-sm font-medium text-slate-800">
            {t("orders.views.name")}
          </label>
          <input
            id="view-name"
            name="name"
            required
            maxLength={80}
            defaultValue={active?.name ?? ""}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? "view-name-error" : undefined}
            className="mt-1 block w-64 rounded-lg border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none"
          />
          <FieldError id="view-name-error" error={tm(errors.name ?? errors.query)} />
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="isDefault" defaultChecked={active?.isDefault} className="h-4 w-4" />
          {t("orders.views.openByDefault")}
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="alerts" defaultChecked={active?.alerts} className="h-4 w-4" />
          {t("orders.views.alerts")}
        </label>
        <Button type="submit" disabled={busy}>
          {t("orders.views.submit")}
        </Button>
      </Form>
    </section>
  );
}
