// Automatic level-up (part of the escalation checks job, alerts.server.ts): an open escalation
// raised under an agreed protocol moves to the lead, the account executive and leadership when
// the business time its severity allows at each level has passed (pauses excluded; wall time for
// severities that run 24x7). Each move is one audit entry (the escalation's timeline, customer-
// visible) and notices, each in its reader's language, to that level's contacts on both sides:
// in-app for contacts whose e-mail belongs to a portal user of the account (or a staff member),
// by e-mail to every contact with an address (a contact without an account in the account's
// language, worded when sent: notify.server.ts mailContacts). Owner connection like the rest of the job; the conditional update makes a move
// happen once even if two runs overlapped.
import { escalationKey } from "#app/domain/escalations/keys";
import { contactsAt, levelAt, levelRank, type ProtocolLevel, type ProtocolTerms } from "#app/domain/joint/protocol";
import { ACTIVE_STATUSES, type Severity } from "#app/domain/escalations/workflow";
import { and, eq, inArray, sql } from "drizzle-orm";
import { escalationProtocolVersions, escalations, tenants, type StoredPause } from "#db/schema/index";
import { recordAudit } from "../audit.server";
import { type ContactNotice, type Notice, noticeMessage, notifyInApp } from "../escalations/notify.server";
import { TENANT_CLOCK_COLUMNS, slaContextsByTenant, tenantClockOf, toPauses } from "../escalations/sla.server";
import type { Tx } from "../tenant-db.server";

export async function checkLevels(tx: Tx, now: Date, mail: Notice[], contactMail: ContactNotice[]): Promise<number> {
  const rows = await tx
    .select({
      tenantId: escalations.tenantId,
      id: escalations.id,
      number: escalations.number,
      title: escalations.title,
      severity: escalations.severity,
      createdAt: escalations.createdAt,
      slaPauses: escalations.slaPauses,
      level: escalations.level,
      protocolVersion: escalations.protocolVersion,
      shortCode: tenants.shortCode,
      ...TENANT_CLOCK_COLUMNS,
    })
    .from(escalations)
    .innerJoin(tenants, eq(tenants.id, escalations.tenantId))
    .where(and(inArray(escalations.status, [...ACTIVE_STATUSES]), sql`${escalations.level} <> 'leadership'`));
  if (!rows.length) return 0;
  const tenantIds = [...new Set(rows.map((r) => r.tenantId))];
  const versions = await tx
    .select({
      tenantId: escalationProtocolVersions.tenantId,
      version: escalationProtocolVersions.version,
      terms: escalationProtocolVersions.terms,
    })
    .from(escalationProtocolVersions)
    .where(
      and(inArray(escalationProtocolVersions.tenantId, tenantIds), eq(escalationProtocolVersions.status, "accepted")),
    );
  const termsOf = new Map(versions.map((v) => [`${v.tenantId}:${v.version}`, v.terms]));
  const inEffect = new Map<string, { version: number; terms: ProtocolTerms }>();
  for (const v of versions) if ((inEffect.get(v.tenantId)?.version ?? 0) < v.version) inEffect.set(v.tenantId, v);

  const slaContextOf = slaContextsByTenant(tx);
  let moved = 0;
  for (const r of rows) {
    // Escalations raised before any agreed protocol run under the one in effect; none agreed: no levels.
    const version = r.protocolVersion ?? inEffect.get(r.tenantId)?.version;
    const terms = version != null ? termsOf.get(`${r.tenantId}:${version}`) : undefined;
    if (version == null || !terms) continue;
    const ctx = await slaContextOf(...tenantClockOf(r));
    const state = levelAt(
      terms.severities[r.severity as Severity],
      ctx.clock,
      r.createdAt,
      toPauses(r.slaPauses as StoredPause[]),
      now,
    );
    if (levelRank(state.level) <= levelRank(r.level)) continue;
    const updated = await tx
      .update(escalations)
      .set({ level: state.level, levelChangedAt: now, updatedAt: now })
      .where(and(eq(escalations.tenantId, r.tenantId), eq(escalations.id, r.id), eq(escalations.level, r.level)))
      .returning({ id: escalations.id });
    if (!updated.length) continue;
    moved++;
    const threshold = terms.severities[r.severity as Severity].levelAfterMinutes;
    const after = threshold[state.level as Exclude<ProtocolLevel, "agent">];
    await recordAudit(tx, {
      tenantId: r.tenantId,
      actorUserId: null,
      actorLabel: "Sightline",
      action: "escalation.level_raised",
      targetType: "escalation",
      targetId: r.id,
      detail: { from: r.level, to: state.level, version, afterMinutes: after },
    });
    await tellContacts(tx, r, terms, state.level, version, after, mail, contactMail);
  }
  return moved;
}

async function tellContacts(
  tx: Tx,
  r: { tenantId: string; id: string; number: number; title: string; shortCode: string },
  terms: ProtocolTerms,
  level: ProtocolLevel,
  version: number,
  afterMinutes: number,
  mail: Notice[],
  contactMail: ContactNotice[],
): Promise<void> {
  const contacts = contactsAt(terms, level).filter((c) => c.email);
  if (!contacts.length) return;
  const emails = [...new Set(contacts.map((c) => c.email.toLowerCase()))];
  // Portal users behind the addresses: the account's own people, or staff who may see it.
  const users = await tx.execute<{ id: string; email: string; kind: "customer" | "staff" }>(sql`
    select u.id, lower(u.email) as email,
           case when s.user_id is not null then 'staff' else 'customer' end as kind
    from "user" u
    left join staff_members s on s.user_id = u.id and s.active
    left join member m on m.user_id = u.id and m.organization_id = ${r.tenantId}
    where lower(u.email) in (${sql.join(
      emails.map((e) => sql`${e}`),
      sql`, `,
    )})
      and (s.user_id is not null or m.id is not null)`);
  const byEmail = new Map(users.rows.map((u) => [u.email, u]));
  const staffKey = escalationKey(r.shortCode, r.number);
  const notices: Notice[] = [];
  for (const email of emails) {
    const u = byEmail.get(email);
    const key = u?.kind === "staff" ? staffKey : `ESC-${r.number}`;
    // Stored as key and values, worded for each reader when read or sent: a portal user in their
    // own language (the page, mailNotices), a contact without an account in the account's
    // default language at the time it is sent (mailContacts).
    const message = noticeMessage("joint.protocol.notice", {
      key,
      title: r.title,
      levelId: level,
      version,
      minutes: afterMinutes,
    });
    if (u) {
      notices.push({
        tenantId: r.tenantId,
        recipientUserId: u.id,
        recipientKind: u.kind,
        escalationId: r.id,
        ...message,
        link: u.kind === "staff" ? `/staff/queue/${r.id}` : `/escalations/${r.id}`,
      });
    } else {
      contactMail.push({ tenantId: r.tenantId, to: email, ...message });
    }
  }
  mail.push(...(await notifyInApp(tx, notices)));
}
