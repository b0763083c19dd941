// Where each kind of user starts after signing in.
import type { Principal } from "./guards.server";

export const CUSTOMER_HOME = "/orders";
export const STAFF_HOME = "/staff/accounts";
/** Agents work their own and unclaimed escalations first. */
export const AGENT_HOME = "/staff/queue?assignee=me_or_unassigned&status=active";
/** Leads start from what needs them: breaches and approvals waiting. */
export const LEAD_HOME = "/staff/queue?attention=1&status=active";

export function landingPath(p: Principal): string {
  if (p.kind === "customer") return CUSTOMER_HOME;
  if (p.staffRole === "support_agent") return AGENT_HOME;
  if (p.staffRole === "support_lead") return LEAD_HOME;
  return STAFF_HOME;
}
