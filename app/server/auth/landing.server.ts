// Where each kind of user starts after signing in.
import type { Principal } from "./guards.server";

export const CUSTOMER_HOME = "/orders";
export const STAFF_HOME = "/staff/accounts";

export function landingPath(p: Principal): string {
  return p.kind === "customer" ? CUSTOMER_HOME : STAFF_HOME;
}
