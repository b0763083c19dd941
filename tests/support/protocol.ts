// The escalation protocol in tests: an accepted version written directly, and the proposal form
// for a set of terms as the page posts it (hours, one row per contact).
import { and, desc, eq } from "drizzle-orm";
import type { DbHandle } from "#db/client";
import { escalationProtocolVersions, user } from "#db/schema/index";
import { DEFAULT_SLA_TARGETS } from "#app/domain/escalations/sla";
import { defaultTerms, type ProtocolTerms } from "#app/domain/joint/protocol";

/** A user's e-mail address as stored (e.g. a staff member made by `createStaff`). */
export async function userEmail(handle: DbHandle, userId: string): Promise<string> {
  const [row] = await handle.db.select({ email: user.email }).from(user).where(eq(user.id, userId));
  return row.email;
}

/**
 * Version 1 of an account's escalation protocol, accepted by both sides (owner connection): the
 * strategic tier's default terms, naming a provider-side account executive by `email`.
 */
export async function acceptProtocolWithExecutive(
  handle: DbHandle,
  tenantId: string,
  email: string,
): Promise<ProtocolTerms> {
  const terms = defaultTerms(DEFAULT_SLA_TARGETS.strategic);
  terms.contacts.push({
    side: "provider",
    level: "account_executive",
    name: "Ada Executive",
    role: "Account executive",
    businessHours: "+49 40 000",
    outOfHours: "",
    email,
  });
  await insertAcceptedVersion(handle, { tenantId, version: 1, terms });
  return terms;
}

/** The account's latest protocol version both sides agreed, if any (owner connection). */
export async function latestAcceptedVersion(
  handle: DbHandle,
  tenantId: string,
): Promise<{ version: number; terms: ProtocolTerms } | undefined> {
  const [current] = await handle.db
    .select({ version: escalationProtocolVersions.version, terms: escalationProtocolVersions.terms })
    .from(escalationProtocolVersions)
    .where(and(eq(escalationProtocolVersions.tenantId, tenantId), eq(escalationProtocolVersions.status, "accepted")))
    .orderBy(desc(escalationProtocolVersions.version))
    .limit(1);
  return current;
}

/**
 * A protocol version both sides agreed (owner connection): proposed by `proposedSide` (the
 * provider unless said), accepted by the other side.
 */
export async function insertAcceptedVersion(
  handle: DbHandle,
  v: {
    tenantId: string;
    version: number;
    terms: ProtocolTerms;
    basedOn?: number;
    proposedSide?: "provider" | "customer";
    decidedAt?: Date;
  },
): Promise<void> {
  const proposedSide = v.proposedSide ?? "provider";
  await handle.db.insert(escalationProtocolVersions).values({
    tenantId: v.tenantId,
    version: v.version,
    terms: v.terms,
    basedOn: v.basedOn,
    proposedSide,
    proposedByName: "Test",
    status: "accepted",
    decidedSide: proposedSide === "provider" ? "customer" : "provider",
    decidedByName: "Test",
    decidedAt: v.decidedAt ?? new Date(),
  });
}

export function proposalForm(
  terms: ProtocolTerms,
  note = "Test proposal",
  opts: { applyToRunning?: boolean } = {},
): Record<string, string> {
  const form: Record<string, string> = {
    intent: "propose",
    note,
    otifFloorPct: String(terms.review.otifFloorPct),
    consecutivePeriods: String(terms.review.consecutivePeriods),
    fillRateFloorPct: String(terms.review.fillRateFloorPct),
  };
  // The proposer's choice that accepting it also moves the running escalations (0090).
  if (opts.applyToRunning) form.applyToRunning = "on";
  for (const [s, x] of Object.entries(terms.severities)) {
    form[`${s}.definition`] = x.definition;
    form[`${s}.firstResponseHours`] = String(x.firstResponseMinutes / 60);
    form[`${s}.resolutionHours`] = String(x.resolutionMinutes / 60);
    form[`${s}.leadHours`] = String(x.levelAfterMinutes.lead / 60);
    form[`${s}.account_executiveHours`] = String(x.levelAfterMinutes.account_executive / 60);
    form[`${s}.leadershipHours`] = String(x.levelAfterMinutes.leadership / 60);
    if (x.twentyFourSeven) form[`${s}.twentyFourSeven`] = "on";
  }
  terms.contacts.forEach((c, i) => {
    for (const [k, v] of Object.entries(c)) form[`contact.${i}.${k}`] = v;
  });
  return form;
}
