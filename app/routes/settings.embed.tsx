import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Alert, Badge, Button, Card, EmptyState, FieldError, TextField } from "../components/ui";
import { fieldErrors } from "../forms/auth";
import { EMBED_SCOPE_OPTIONS, embedKeyFromForm, embedKeySchema } from "../forms/embed";
import { requireCustomer } from "../server/auth/guards.server";
import { createEmbedKey, listEmbedKeys, revokeEmbedKey } from "../server/embed/keys.server";
import { pinnedScriptTag, widgetReleases } from "../server/embed/widget-releases.server";
import { portalOrigin } from "../server/env.server";
import { assertSameOrigin } from "../server/http/csrf.server";
import { FormattedMessage } from "react-intl";
import { translator } from "#app/i18n/catalogue";
import { pageTitle } from "#app/i18n/meta";
import { useFormat, useT } from "#app/i18n/react";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireCustomer(request, { role: "customer_admin" });
  const { keys, sites } = await listEmbedKeys(ctx);
  const pinned = widgetReleases().recommended();
  const portal = portalOrigin();
  return {
    keys,
    sites,
    timeZone: ctx.tenant.timeZone,
    portal,
    widgets: pinned
      ? { version: pinned.version, major: pinned.version.split(".")[0], script: pinnedScriptTag(portal, pinned) }
      : null,
  };
}

type ActionResult = {
  errors: Record<string, string>;
  message: string | null;
  ok: boolean;
  secret?: { name: string; value: string };
};

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const ctx = await requireCustomer(request, { role: "customer_admin" });
  const form = await request.formData();
  if (form.get("intent") === "revoke") {
    const r = await revokeEmbedKey(ctx, request, String(form.get("keyId") ?? ""));
    const t = translator(ctx.user.locale ?? "en");
    return data<ActionResult>(
      { errors: {}, message: t(r.message.id, r.message.values), ok: r.ok },
      { status: r.ok ? 200 : 404 },
    );
  }
  const parsed = embedKeySchema.safeParse(embedKeyFromForm(form));
  if (!parsed.success)
    return data<ActionResult>({ errors: fieldErrors(parsed.error), message: null, ok: false }, { status: 400 });
  const r = await createEmbedKey(ctx, request, parsed.data);
  if (!r.ok) return data<ActionResult>({ errors: r.errors, message: null, ok: false }, { status: 400 });
  return data<ActionResult>({
    errors: {},
    ok: true,
    message: translator(ctx.user.locale ?? "en")("settings.embed.created", { name: parsed.data.name }),
    secret: { name: parsed.data.name, value: r.secret },
  });
}

export default function EmbedKeys() {
  const { keys, sites, timeZone, portal, widgets } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors: Record<string, string> = result?.errors ?? {};
  const f = useFormat(timeZone);
  const t = useT();
  const when = (d: Date | string | null) => (d ? f.dateTime(d) : t("settings.embed.never"));
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card
        className="lg:col-span-2"
        title={t("settings.embed.title")}
        description={
          <FormattedMessage id="settings.embed.description" values={{ code: (chunks) => <code>{chunks}</code> }} />
        }
      >
        {/* Scrolls sideways on narrow screens: focusable, so keyboard users can scroll it too. */}
        <div
          className="mt-3 overflow-x-auto rounded-lg bg-slate-900"
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be focusable
          tabIndex={0}
          role="region"
          aria-label={t("settings.embed.snippet")}
        >
          <pre className="w-max p-3 text-xs text-slate-100">
            {/* eslint-disable-next-line i18n/no-literal-text -- a code sample, not words */}
            {`${widgets?.script ?? `<script type="module" src="${portal}/widgets/sightline-widgets.js"></script>`}
<sightline-order-list api-base="${portal}"></sightline-order-list>
<script>
  // Your server calls POST ${portal}/api/v1/embed/tokens with the secret.
  document.querySelector("sightline-order-list").fetchToken =
    () => fetch("/sightline-token").then((r) => r.json());
</script>`}
          </pre>
        </div>
        {widgets ? (
          <p className="mt-2 text-xs text-slate-600">
            <FormattedMessage
              id="settings.embed.pinnedVersion"
              values={{
                version: widgets.version,
                major: widgets.major,
                alias: `${portal}/widgets/v${widgets.major}/sightline-widgets.js`,
                code: (chunks) => <code className="break-all">{chunks}</code>,
              }}
            />
          </p>
        ) : null}
        {result?.secret ? (
          <div className="mt-4">
            <Alert tone="success">
              <p className="font-medium">{t("settings.embed.copySecret", { name: result.secret.name })}</p>
              <label className="mt-2 block text-xs font-medium" htmlFor="new-secret">
                {t("settings.embed.secretLabel")}
              </label>
              <input
                id="new-secret"
                readOnly
                value={result.secret.value}
                className="mt-1 w-full rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs"
                onFocus={(e) => e.currentTarget.select()}
              />
            </Alert>
          </div>
        ) : result?.message ? (
          <div className="mt-3">
            <Alert tone={result.ok ? "success" : "error"}>{result.message}</Alert>
          </div>
        ) : null}
        {keys.length === 0 ? (
          <div className="mt-4">
            <EmptyState title={t("settings.embed.emptyTitle")}>{t("settings.embed.emptyBody")}</EmptyState>
          </div>
        ) : (
          <ul className="mt-4 divide-y divide-slate-100">
            {keys.map((k) => (
              <li key={k.id} className="flex flex-wrap items-start gap-3 py-3">
                <div className="min-w-0 flex-1 text-sm">
                  <p className="font-medium">
                    {k.name} <span className="font-mono text-xs text-slate-500">{k.prefix}…</span>
                  </p>
                  <p className="text-slate-600">
                    {t("settings.embed.origins", { origins: k.allowedOrigins.join(", ") })}
                  </p>
                  <p className="text-slate-600">
                    {t("settings.embed.allows", { scopes: k.scopes.join(", ") })}
                    {k.fixedFilters.site?.length
                      ? " · " +
                        t("settings.embed.onlySites", {
                          sites: k.fixedFilters.site
                            .map((id) => sites.find((s) => s.id === id)?.code ?? t("settings.embed.removedSite"))
                            .join(", "),
                        })
                      : ""}
                  </p>
                  <p className="text-xs text-slate-500">
                    {t("settings.embed.createdAt", { when: when(k.createdAt) })}
                    {k.createdByName ? " " + t("settings.embed.createdBy", { name: k.createdByName }) : ""} ·{" "}
                    {t("settings.embed.lastUsed", { when: when(k.lastUsedAt) })}
                    {k.revokedAt ? " · " + t("settings.embed.revokedAt", { when: when(k.revokedAt) }) : ""}
                  </p>
                </div>
                {k.revokedAt ? (
                  <Badge tone="red">{t("settings.embed.revoked")}</Badge>
                ) : (
                  <Form
                    method="post"
                    onSubmit={(e) => {
                      if (!confirm(t("settings.embed.revokeConfirm", { name: k.name }))) e.preventDefault();
                    }}
                  >
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="keyId" value={k.id} />
                    <Button
                      variant="secondary"
                      type="submit"
                      disabled={busy}
                      aria-label={t("settings.embed.revokeLabel", { name: k.name })}
                    >
                      {t("settings.embed.revoke")}
                    </Button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("settings.embed.new")}>
        {/* A new key remounts the form, so a second click cannot create a duplicate. */}
        <Form key={result?.secret?.value ?? "new"} method="post" className="mt-4 space-y-4" noValidate>
          <input type="hidden" name="intent" value="create" />
          <TextField
            label={t("settings.embed.name")}
            name="name"
            required
            maxLength={100}
            error={errors.name}
            placeholder={t("settings.embed.namePlaceholder")}
          />
          <div>
            <label htmlFor="origins" className="block text-sm font-medium text-slate-800">
              {t("settings.embed.allowedOrigins")}
            </label>
            <textarea
              id="origins"
              name="origins"
              rows={3}
              required
              aria-invalid={errors.origins ? true : undefined}
              aria-describedby={errors.origins ? "origins-error origins-hint" : "origins-hint"}
              className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 font-mono text-sm"
              // eslint-disable-next-line i18n/no-literal-text -- an example URL, the same in every language
              placeholder="https://intranet.example.com"
            />
            <p id="origins-hint" className="mt-1 text-xs text-slate-500">
              {t("settings.embed.originsHint")}
            </p>
            <FieldError id="origins-error" error={errors.origins} />
          </div>
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">{t("settings.embed.permissions")}</legend>
            {EMBED_SCOPE_OPTIONS.map((s) => (
              <label key={s.value} className="mt-1 flex items-center gap-2 text-sm">
                <input type="checkbox" name="scopes" value={s.value} defaultChecked={s.value !== "escalations:write"} />
                {t(`settings.embed.scope.${s.value}`)}
              </label>
            ))}
            <FieldError id="scopes-error" error={errors.scopes} />
          </fieldset>
          {sites.length ? (
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">{t("settings.embed.sites")}</legend>
              {sites.map((s) => (
                <label key={s.id} className="mt-1 flex items-center gap-2 text-sm">
                  <input type="checkbox" name="sites" value={s.id} />
                  {s.code} — {s.name}
                </label>
              ))}
              <FieldError id="sites-error" error={errors.sites} />
            </fieldset>
          ) : null}
          <Button type="submit" disabled={busy} className="w-full">
            {busy ? t("settings.embed.creating") : t("settings.embed.create")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "settings.embed.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
