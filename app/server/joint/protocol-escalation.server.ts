// "The protocol in effect" on one escalation: the version it was raised under, why it has its
// severity (the definition both sides agreed), who is on it at its level on both sides, and
// when it goes to the next level in the account's business time.
import {
  contactsAt,
  levelAt,
  type ProtocolContact,
  type ProtocolLevel,
  type RaisedLevel,
} from "#app/domain/joint/protocol";
import { isTerminal, type Severity } from "#app/domain/escalations/workflow";
import { type EscalationActor } from "../escalations/actor.server";
import { loadRow, tenantOf } from "../escalations/row.server";
import { loadSlaContext, toPauses } from "../escalations/sla.server";
import { withTenant } from "../tenant-db.server";
import { termsInEffect, termsOfVersion } from "./protocol.server";

export interface EscalationProtocolView {
  /** null: raised before the account agreed a protocol (the defaults applied). */
  version: number | null;
  severity: Severity;
  definition: string;
  level: ProtocolLevel;
  levelChangedAt: string | null;
  contacts: ProtocolContact[];
  /** The next level and when it is reached; null at the top, when paused, or once resolved. */
  next: { level: RaisedLevel; at: string | null } | null;
}

export async function getEscalationProtocol(
  actor: EscalationActor,
  escalationId: string,
  now = new Date(),
): Promise<EscalationProtocolView> {
  return withTenant(actor.db, async (tx) => {
    const row = await loadRow(tx, actor, escalationId);
    const tenant = { id: row.tenantId, tier: row.tier };
    const terms =
      (row.protocolVersion != null ? await termsOfVersion(tx, row.tenantId, row.protocolVersion) : null) ??
      (await termsInEffect(tx, tenant)).terms;
    const sev = terms.severities[row.severity];
    let next: EscalationProtocolView["next"] = null;
    if (!isTerminal(row.status)) {
      const ctx = await loadSlaContext(tx, tenantOf(row), row.tier);
      const state = levelAt(sev, ctx.clock, row.createdAt, toPauses(row.slaPauses), now);
      if (state.next) next = { level: state.next.level, at: state.next.at?.toISOString() ?? null };
      // The job moves the stored level; until it ran, show the next level above the stored one.
      if (next && PROTOCOL_ORDER[next.level] <= PROTOCOL_ORDER[row.level]) next = null;
    }
    return {
      version: row.protocolVersion,
      severity: row.severity,
      definition: sev.definition,
      level: row.level,
      levelChangedAt: row.levelChangedAt?.toISOString() ?? null,
      contacts: contactsAt(terms, row.level),
      next,
    };
  });
}

const PROTOCOL_ORDER: Record<ProtocolLevel, number> = { agent: 0, lead: 1, account_executive: 2, leadership: 3 };
