// Live queue: server-sent `escalation` events for every account this staff member may see.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "../server/auth/guards.server";
import { escalationEventStream } from "../server/escalations/stream.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  return escalationEventStream(request, staff.db);
}
