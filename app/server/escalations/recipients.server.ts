// Who hears about a change: the customer who raised it, or the assignee (else the account's team).
import { and, eq } from "drizzle-orm";
import { escalations } from "#db/schema/index";
import { getDb } from "../db.server";
import { type Notice, type NoticeKey, noticeMessage } from "./notify.server";
import { staffForTenant } from "./people.server";
import { type StaffRow, customerLink, isUuid, staffLink } from "./row.server";

/** A notice's text: a catalogue key and its values (see noticeMessage). */
export type NoticeText = [key: NoticeKey, params: Record<string, string | number>];

export function customerNotice(row: StaffRow, [key, params]: NoticeText): Notice[] {
  if (!row.raisedByUserId) return [];
  return [
    {
      tenantId: row.tenantId,
      recipientUserId: row.raisedByUserId,
      recipientKind: "customer",
      escalationId: row.id,
      ...noticeMessage(key, params),
      link: customerLink(row.id),
    },
  ];
}

/** Who hears about a customer's action: the assignee, or the account's agents and leads. */
export interface StaffRecipients {
  assigneeId: string | null;
  team: { id: string }[];
}

/**
 * Looked up before the transaction on the owner connection (the customer role cannot read
 * assignee ids; PGlite's single connection cannot serve a second query inside a transaction).
 * An id that is not in the customer's tenant finds nothing; the transaction then answers 404.
 */
export async function recipientsForCustomerAction(tenantId: string, id: string): Promise<StaffRecipients> {
  if (!isUuid(id)) return { assigneeId: null, team: [] };
  const { db } = await getDb();
  const [r] = await db
    .select({ id: escalations.assigneeStaffId })
    .from(escalations)
    .where(and(eq(escalations.tenantId, tenantId), eq(escalations.id, id)));
  if (r?.id) return { assigneeId: r.id, team: [] };
  return { assigneeId: null, team: await staffForTenant(tenantId, { agents: true, leads: true }) };
}

export function staffNotice(
  row: StaffRow,
  to: StaffRecipients,
  [key, params]: NoticeText,
  actorId: string | null,
): Notice[] {
  const recipients = to.assigneeId ? [{ id: to.assigneeId }] : to.team;
  const message = noticeMessage(key, params);
  return recipients
    .filter((r) => r.id !== actorId)
    .map((r) => ({
      tenantId: row.tenantId,
      recipientUserId: r.id,
      recipientKind: "staff" as const,
      escalationId: row.id,
      ...message,
      link: staffLink(row.id),
    }));
}
