// POST /staff/queue/:id/cause — staff record an escalation's root cause: "resolve" moves it to
// resolved with the cause (one transaction), "set" records or corrects the cause of a resolved
// one (app/components/joint/root-cause-card.tsx). No page of its own.
import type { ActionFunctionArgs } from "@remix-run/node";
import type { CauseActionData } from "#app/components/joint/root-cause-card";
import { rootCauseSchema } from "#app/forms/root-causes";
import { requireStaff } from "#app/server/auth/guards.server";
import { actorFor } from "#app/server/escalations/actor.server";
import { asEscalationError } from "#app/server/escalations/http.server";
import { changeStatus } from "#app/server/escalations/workflow.server";
import { assertSameOrigin } from "#app/server/http/csrf.server";
import { setRootCause } from "#app/server/joint/root-causes.server";
import { pageProblem } from "#app/i18n/page-problem";

// A resource route answers with a plain Response: data() would lose its status here.
const reply = (body: CauseActionData, init?: ResponseInit) => Response.json(body, init);

export async function loader() {
  throw pageProblem(404, "errors.notFound");
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const staff = await requireStaff(request);
  const parsed = rootCauseSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return reply({ ok: false, message: null, error: "joint.cause.error.invalid" }, { status: 400 });
  }
  const actor = actorFor(staff, request);
  const id = params.id ?? "";
  try {
    if (parsed.data.intent === "resolve") {
      await changeStatus(actor, id, "resolved", { rootCause: parsed.data.rootCause });
      return reply({ ok: true, message: "joint.cause.resolved", error: null });
    }
    await setRootCause(actor, id, parsed.data.rootCause);
    return reply({ ok: true, message: "joint.cause.saved", error: null });
  } catch (err) {
    const e = asEscalationError(err);
    if (!e) throw err;
    // Workflow refusals are sentences already; the cause service answers with catalogue ids.
    return reply({ ok: false, message: null, error: e.message }, { status: e.status });
  }
}
