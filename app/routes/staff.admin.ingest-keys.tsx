// Ingest API keys (platform admins): create one per system and account, revoke it at once.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { IngestKeysPage, type IngestKeysResult } from "../components/admin/ingest-keys-page";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { fieldErrors } from "../forms/auth";
import { createIngestKeySchema, feedIntervalSchema, revokeIngestKeySchema } from "../forms/ingest-keys";
import { requireStaff } from "../server/auth/guards.server";
import { assertSameOrigin } from "../server/http/csrf.server";
import { requestInfo } from "../server/http/request-info.server";
import { createIngestKey, listIngestKeys, revokeIngestKey, setFeedInterval } from "../server/ingest/keys.server";
import { listTenants } from "../server/staff/admin.server";
import type { MessageId } from "../i18n/catalogue";
import { localized } from "../i18n/localized";
import { pageTitle } from "../i18n/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "platform_admin");
  const [keys, tenants] = await Promise.all([listIngestKeys(), listTenants()]);
  return {
    keys: keys.map((k) => ({
      ...k,
      createdAt: k.createdAt.toISOString(),
      lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
      revokedAt: k.revokedAt?.toISOString() ?? null,
    })),
    tenants: tenants.map((t) => ({ id: t.id, name: t.name })),
  };
}

type ActionResult = IngestKeysResult;

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const admin = await requireStaff(request, "platform_admin");
  const form = Object.fromEntries(await request.formData());
  const info = requestInfo(request);
  if (form.intent === "revoke") {
    const parsed = revokeIngestKeySchema.safeParse(form);
    if (!parsed.success)
      return data<ActionResult>(
        { ok: false, message: localized("admin.ingestKeys.notUnderstood"), errors: {} },
        { status: 400 },
      );
    const r = await revokeIngestKey(admin, info, parsed.data);
    return data<ActionResult>({ ok: r.ok, message: r.message, errors: {} }, { status: r.ok ? 200 : 404 });
  }
  if (form.intent === "interval") {
    const parsed = feedIntervalSchema.safeParse(form);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      const fieldError = errors.intervalMin;
      return data<ActionResult>(
        {
          ok: false,
          message: localized(fieldError ? (fieldError as MessageId) : "admin.ingestKeys.notUnderstood"),
          errors: fieldError ? { [`interval-${String(form.keyId)}`]: fieldError } : {},
        },
        { status: 400 },
      );
    }
    const r = await setFeedInterval(admin, info, parsed.data);
    return data<ActionResult>({ ok: r.ok, message: r.message, errors: {} }, { status: r.ok ? 200 : (r.status ?? 400) });
  }
  const parsed = createIngestKeySchema.safeParse({ ...form, intent: "create" });
  if (!parsed.success)
    return data<ActionResult>({ ok: false, message: null, errors: fieldErrors(parsed.error) }, { status: 400 });
  const r = await createIngestKey(admin, info, parsed.data);
  if (!r.ok)
    return data<ActionResult>(
      { ok: false, message: r.field ? null : r.message, errors: r.field ? { [r.field]: r.message.id } : {} },
      { status: 400 },
    );
  return data<ActionResult>({ ok: true, message: r.message, errors: {}, secret: r.secret });
}

export default function IngestKeys() {
  const { keys, tenants } = useLoaderData<typeof loader>();
  return <IngestKeysPage keys={keys} tenants={tenants} result={useActionData<typeof action>()} />;
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.ingestKeys.pageTitle");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
