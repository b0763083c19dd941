// The internal alerts the escalation checks raise (alerts.server.ts), as the staff queue reads
// and dismisses them.
import { desc, eq, sql } from "drizzle-orm";
import { escalationAlerts, tenants } from "#db/schema/index";
import { recordAudit } from "../audit.server";
import { withTenant } from "../tenant-db.server";
import { type EscalationActor, EscalationError } from "./actor.server";
import { isUuid } from "./row.server";

export interface AlertView {
  id: string;
  tenantId: string;
  tenantName: string;
  kind: string;
  message: string;
  /** The message as a catalogue id and values (null on alerts written before 0077). */
  messageI18n: { id: string; values?: Record<string, string | number> } | null;
  escalationId: string | null;
  createdAt: string;
}

export async function listAlerts(actor: EscalationActor, limit = 20): Promise<AlertView[]> {
  if (actor.kind !== "staff") return [];
  return withTenant(actor.db, async (tx) => {
    const rows = await tx
      .select({
        id: escalationAlerts.id,
        tenantId: escalationAlerts.tenantId,
        tenantName: tenants.name,
        kind: escalationAlerts.kind,
        message: escalationAlerts.message,
        messageI18n: escalationAlerts.messageI18n,
        escalationId: escalationAlerts.escalationId,
        createdAt: escalationAlerts.createdAt,
      })
      .from(escalationAlerts)
      .innerJoin(tenants, eq(tenants.id, escalationAlerts.tenantId))
      .where(sql`${escalationAlerts.dismissedAt} is null`)
      .orderBy(desc(escalationAlerts.createdAt))
      .limit(limit);
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  });
}

export async function dismissAlert(actor: EscalationActor, alertId: string): Promise<void> {
  if (actor.kind !== "staff") throw new EscalationError(403, "Only staff can dismiss alerts.");
  if (!isUuid(alertId)) throw new EscalationError(404, "There is no such alert.");
  await withTenant(actor.db, async (tx) => {
    const [a] = await tx
      .update(escalationAlerts)
      .set({ dismissedAt: new Date(), dismissedBy: actor.staffId })
      .where(eq(escalationAlerts.id, alertId))
      .returning({ tenantId: escalationAlerts.tenantId, id: escalationAlerts.id });
    if (!a) throw new EscalationError(404, "There is no such alert.");
    await recordAudit(tx, {
      tenantId: a.tenantId,
      actorUserId: actor.staffId,
      actorLabel: `${actor.name} (staff)`,
      action: "escalation.alert_dismissed",
      staffOnly: true,
      targetType: "escalation_alert",
      targetId: a.id,
      request: actor.request,
    });
  });
}
