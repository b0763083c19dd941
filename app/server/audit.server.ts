// Audit trail writes. Inside a tenant transaction use recordAudit(tx, ...), so the entry commits
// with the change it describes; sign-in events (before any tenant context) use recordAuthEvent.
import { auditLog } from "#db/schema/index";
import { PLATFORM_TENANT_ID } from "#db/schema/tenancy";
import { getDb } from "./db.server";
import type { RequestInfo } from "./http/request-info.server";
import type { Tx } from "./tenant-db.server";

export interface AuditEntry {
  tenantId: string | null;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  targetType?: string;
  targetId?: string;
  detail?: Record<string, unknown>;
  request?: RequestInfo;
  /** Only staff may read the entry (customers' RLS policy hides it). */
  staffOnly?: boolean;
}

function row(e: AuditEntry) {
  return {
    tenantId: e.tenantId ?? PLATFORM_TENANT_ID,
    actorUserId: e.actorUserId,
    actorLabel: e.actorLabel,
    action: e.action,
    targetType: e.targetType ?? null,
    targetId: e.targetId ?? null,
    ip: e.request?.ip ?? null,
    userAgent: e.request?.userAgent ?? null,
    detail: e.detail ?? {},
    staffOnly: e.staffOnly ?? false,
  };
}

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(row(entry));
}

/** Owner-connection write for events outside any tenant transaction (sign-in, platform admin). */
export async function recordAuthEvent(entry: AuditEntry): Promise<void> {
  const { db } = await getDb();
  await db.insert(auditLog).values(row(entry));
}
