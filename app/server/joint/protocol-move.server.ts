// "Running escalations keep the version they started under unless both agree otherwise": when
// the other side accepts a proposal that says it also applies to running escalations, the same
// transaction moves every unfinished escalation of the account to the new version. The move of
// protocol_version is the 0090 SECURITY DEFINER function (no runtime role may update the column;
// the function checks that this acceptance was just made by the caller's side); this code then
// stores the deadlines of the new targets (the level-up job reads the new version's thresholds
// from protocol_version by itself) and writes one timeline entry per escalation.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { ProtocolSide } from "#app/domain/joint/protocol";
import { escalations } from "#db/schema/index";
import type { AccountContext } from "../auth/guards.server";
import { recordAudit } from "../audit.server";
import { ESCALATION_CLOCK_COLUMNS, dueTimes, loadSlaContext, slaFor } from "../escalations/sla.server";
import type { RequestInfo } from "../http/request-info.server";
import type { Tx } from "../tenant-db.server";

export interface AgreedMove {
  version: number;
  proposedSide: ProtocolSide;
  proposedByName: string;
  acceptedSide: ProtocolSide;
  acceptedByName: string;
}

/** Moves the account's running escalations to the version just accepted; returns how many moved. */
export async function moveRunningEscalations(
  tx: Tx,
  ctx: AccountContext,
  request: RequestInfo,
  move: AgreedMove,
  now: Date,
): Promise<number> {
  const moved = await tx.execute<{ escalation_id: string; from_version: number | null }>(
    sql`select escalation_id, from_version from move_running_escalations(${ctx.tenant.id}::uuid, ${move.version})`,
  );
  if (!moved.rows.length) return 0;
  const fromOf = new Map(moved.rows.map((r) => [r.escalation_id, r.from_version]));
  const rows = await tx
    .select({
      id: escalations.id,
      number: escalations.number,
      ...ESCALATION_CLOCK_COLUMNS,
    })
    .from(escalations)
    .where(and(eq(escalations.tenantId, ctx.tenant.id), inArray(escalations.id, [...fromOf.keys()])));
  // Loaded after the acceptance: the new version's targets are among the accepted ones.
  const slaCtx = await loadSlaContext(tx, ctx.tenant, ctx.tenant.tier);
  for (const r of rows) {
    await tx
      .update(escalations)
      .set(dueTimes(slaFor(r, slaCtx, now)))
      .where(and(eq(escalations.tenantId, ctx.tenant.id), eq(escalations.id, r.id)));
    await recordAudit(tx, {
      tenantId: ctx.tenant.id,
      actorUserId: ctx.user.id,
      actorLabel: ctx.kind === "staff" ? `${ctx.user.name} (staff)` : ctx.user.name,
      action: "escalation.protocol_moved",
      targetType: "escalation",
      targetId: r.id,
      detail: {
        number: r.number,
        from: fromOf.get(r.id) ?? null,
        to: move.version,
        proposedSide: move.proposedSide,
        proposedByName: move.proposedByName,
        acceptedSide: move.acceptedSide,
        acceptedByName: move.acceptedByName,
      },
      request,
    });
  }
  return rows.length;
}
