// /protocol — the account's co-developed escalation protocol, for its customers (viewers read,
// admins propose and decide) and for staff in the account they opened (support leads and above
// propose and decide). UI in app/components/joint/protocol-page.tsx.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "#app/components/error-boundary";
import { ProtocolPageView, type ProtocolActionData } from "#app/components/joint/protocol-page";
import { fieldErrors } from "#app/forms/auth";
import { decisionSchema, proposalFromForm, proposalSchema } from "#app/forms/protocol";
import type { MessageId } from "#app/i18n/catalogue";
import { pageTitle } from "#app/i18n/meta";
import { requireAccount } from "#app/server/auth/guards.server";
import { protocolFailure } from "#app/server/joint/protocol-http.server";
import { decideProposal, getProtocolPage, proposeProtocol } from "#app/server/joint/protocol.server";
import { assertSameOrigin } from "#app/server/http/csrf.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireAccount(request);
  const page = await getProtocolPage(ctx);
  return { page, account: ctx.tenant.name, timeZone: ctx.tenant.timeZone };
}

const DONE: Record<string, MessageId> = {
  accept: "joint.protocol.accepted",
  decline: "joint.protocol.declined",
  withdraw: "joint.protocol.withdrawn",
};

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const ctx = await requireAccount(request);
  const form = await request.formData();
  const reply = (body: ProtocolActionData, status = 200) => data(body, { status });
  try {
    if (form.get("intent") === "propose") {
      const parsed = proposalSchema.safeParse(proposalFromForm(form));
      if (!parsed.success)
        return reply({ ok: false, message: null, errors: fieldErrors(parsed.error) as Record<string, MessageId> }, 400);
      await proposeProtocol(ctx, request, parsed.data);
      return reply({ ok: true, message: "joint.protocol.proposed", errors: {} });
    }
    const parsed = decisionSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return reply({ ok: false, message: "joint.protocol.error.invalid", errors: {} }, 400);
    const { moved } = await decideProposal(ctx, request, parsed.data.version, parsed.data.intent);
    if (moved !== null)
      return reply({ ok: true, message: "joint.protocol.acceptedMoved", values: { count: moved }, errors: {} });
    return reply({ ok: true, message: DONE[parsed.data.intent], errors: {} });
  } catch (err) {
    const e = protocolFailure(err);
    return reply({ ok: false, message: e.message, errors: {} }, e.status);
  }
}

export default function ProtocolRoute() {
  const { page, account, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return <ProtocolPageView page={page} account={account} timeZone={timeZone} result={result} />;
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "joint.protocol.title");

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
