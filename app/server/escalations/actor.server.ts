// The escalations service is split by job (create, detail, list, workflow, comments, assign,
// approvals, orders, queue-alerts; shared row access in row.server.ts). Every change runs in one
// withTenant() transaction with its audit entries and in-app notifications; e-mails go out after
// commit. Customers read through portal_customer, so internal notes and staff-only columns never
// reach them (policy and grants, not this code).
//
// This module: who acts (a customer of the account or a staff member), and the one error type
// the service throws for expected failures.
import { DEFAULT_REOPEN_WINDOW_DAYS } from "#app/domain/escalations/workflow";
import type { Localized } from "#app/i18n/localized";
import type { StaffRole } from "#db/schema/tenancy";
import type { AccountContext, StaffContext } from "../auth/guards.server";
import { requestInfo, type RequestInfo } from "../http/request-info.server";
import { type TenantContext } from "../tenant-db.server";

export const REOPEN_WINDOW_DAYS = DEFAULT_REOPEN_WINDOW_DAYS;

/**
 * An expected failure with a status and a sentence for the person who caused it. The sentence is
 * English (the API's `detail`); one with details in it (a reference, a status) also carries its
 * catalogue id and values (`words`), so pages show it in the reader's language.
 */
export class EscalationError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
    readonly words?: Localized,
  ) {
    super(message);
  }
}

/** Who is acting. Built from a session today; an embed token can build a customer actor later. */
export type EscalationActor =
  | {
      kind: "customer";
      db: TenantContext;
      tenantId: string;
      userId: string | null;
      name: string;
      request?: RequestInfo;
    }
  | {
      kind: "staff";
      db: TenantContext;
      staffId: string;
      staffRole: StaffRole;
      name: string;
      request?: RequestInfo;
    };

export function actorFor(ctx: AccountContext | StaffContext, request?: Request): EscalationActor {
  const info = request ? requestInfo(request) : undefined;
  if (ctx.kind === "customer") {
    return {
      kind: "customer",
      db: ctx.db,
      tenantId: ctx.tenant.id,
      userId: ctx.user.id,
      name: ctx.user.name,
      request: info,
    };
  }
  return {
    kind: "staff",
    db: ctx.db,
    staffId: ctx.user.id,
    staffRole: ctx.staffRole,
    name: ctx.user.name,
    request: info,
  };
}

export const actorUserId = (a: EscalationActor) => (a.kind === "customer" ? a.userId : a.staffId);
