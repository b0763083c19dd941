// The co-developed escalation protocol of one account: the version in effect, the pending
// proposal (with its diff against the version in effect), the history of versions, and the two
// moves — propose (the customer's admin, or a support lead or above) and decide (the other side
// accepts or declines, the proposing side may withdraw). Runs as the viewer's role: RLS keeps
// other accounts out, and the 0082 trigger holds the same side rules as this code.
import { and, asc, desc, eq } from "drizzle-orm";
import {
  defaultTerms,
  diffTerms,
  type ProposalStatus,
  type ProtocolSide,
  type ProtocolTerms,
  type TermsChange,
} from "#app/domain/joint/protocol";
import { escalationProtocolVersions } from "#db/schema/index";
import type { AccountContext } from "../auth/guards.server";
import { recordAudit } from "../audit.server";
import { EscalationError } from "../escalations/actor.server";
import { firstName } from "../escalations/people.server";
import { tierTargets } from "../escalations/sla.server";
import { requestInfo } from "../http/request-info.server";
import { withTenant, type Tx } from "../tenant-db.server";
import { moveRunningEscalations } from "./protocol-move.server";

export interface VersionView {
  version: number;
  status: ProposalStatus;
  note: string | null;
  basedOn: number | null;
  proposedSide: ProtocolSide;
  proposedByName: string;
  proposedAt: string;
  decidedSide: ProtocolSide | null;
  decidedByName: string | null;
  decidedAt: string | null;
  /** Accepting it also moves the account's running escalations to this version (0090). */
  applyToRunning: boolean;
}

export interface ProtocolPage {
  /** The side the viewer speaks for. */
  side: ProtocolSide;
  /** The agreed version in effect; null while the account has none (the defaults apply). */
  inEffect: (VersionView & { terms: ProtocolTerms }) | null;
  /** The terms that apply now: the version in effect, else the account's targets as defaults. */
  terms: ProtocolTerms;
  pending: (VersionView & { terms: ProtocolTerms; changes: TermsChange[] }) | null;
  /** Every version, newest first. */
  history: VersionView[];
  canPropose: boolean;
  /** What the viewer may do with the pending proposal. */
  canAccept: boolean;
  canWithdraw: boolean;
}

export const sideOf = (ctx: AccountContext): ProtocolSide => (ctx.kind === "customer" ? "customer" : "provider");

/** Customer admins speak for the customer; support leads and above for the provider. */
export function mayPropose(ctx: AccountContext): boolean {
  return ctx.kind === "customer" ? ctx.role === "customer_admin" : ctx.staffRole !== "support_agent";
}

type Row = typeof escalationProtocolVersions.$inferSelect;

async function versions(tx: Tx, tenantId: string, lock = false): Promise<Row[]> {
  const q = tx
    .select()
    .from(escalationProtocolVersions)
    .where(eq(escalationProtocolVersions.tenantId, tenantId))
    .orderBy(desc(escalationProtocolVersions.version));
  return lock ? q.for("update") : q;
}

function view(r: Row, viewer: ProtocolSide): VersionView {
  // Customers know the support team by first names only, as everywhere else.
  const name = (n: string, side: ProtocolSide) => (viewer === "customer" && side === "provider" ? firstName(n) : n);
  return {
    version: r.version,
    status: r.status,
    note: r.note,
    basedOn: r.basedOn,
    proposedSide: r.proposedSide,
    proposedByName: name(r.proposedByName, r.proposedSide),
    proposedAt: r.proposedAt.toISOString(),
    decidedSide: r.decidedSide,
    decidedByName: r.decidedByName && r.decidedSide ? name(r.decidedByName, r.decidedSide) : null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    applyToRunning: r.applyToRunning,
  };
}

/** The version in effect (highest accepted) and its terms, or the defaults when none is agreed. */
export async function termsInEffect(
  tx: Tx,
  tenant: { id: string; tier: AccountContext["tenant"]["tier"] },
): Promise<{ version: number | null; terms: ProtocolTerms }> {
  const [row] = await tx
    .select({ version: escalationProtocolVersions.version, terms: escalationProtocolVersions.terms })
    .from(escalationProtocolVersions)
    .where(and(eq(escalationProtocolVersions.tenantId, tenant.id), eq(escalationProtocolVersions.status, "accepted")))
    .orderBy(desc(escalationProtocolVersions.version))
    .limit(1);
  if (row) return row;
  return { version: null, terms: defaultTerms(await tierTargets(tx, tenant.id, tenant.tier)) };
}

/** The terms of one accepted version (what an escalation raised under it runs by). */
export async function termsOfVersion(tx: Tx, tenantId: string, version: number): Promise<ProtocolTerms | null> {
  const [row] = await tx
    .select({ terms: escalationProtocolVersions.terms })
    .from(escalationProtocolVersions)
    .where(and(eq(escalationProtocolVersions.tenantId, tenantId), eq(escalationProtocolVersions.version, version)))
    .orderBy(asc(escalationProtocolVersions.version));
  return row?.terms ?? null;
}

export async function getProtocolPage(ctx: AccountContext): Promise<ProtocolPage> {
  const side = sideOf(ctx);
  return withTenant(ctx.db, async (tx) => {
    const rows = await versions(tx, ctx.tenant.id);
    const current = rows.find((r) => r.status === "accepted") ?? null;
    const terms = current?.terms ?? (await termsInEffect(tx, ctx.tenant)).terms;
    const open = rows.find((r) => r.status === "pending") ?? null;
    const propose = mayPropose(ctx);
    return {
      side,
      inEffect: current ? { ...view(current, side), terms: current.terms } : null,
      terms,
      pending: open ? { ...view(open, side), terms: open.terms, changes: diffTerms(terms, open.terms) } : null,
      history: rows.map((r) => view(r, side)),
      canPropose: propose && !open,
      canAccept: propose && open !== null && open.proposedSide !== side,
      canWithdraw: propose && open !== null && open.proposedSide === side,
    };
  });
}

export interface ProtocolChangeView extends VersionView {
  /** What the version changes against the version it was based on (or the defaults). */
  changes: TermsChange[];
}

/**
 * Versions proposed or decided in [from, to), newest first, each with its changes: the protocol
 * changes a quarterly review lists. Names follow the viewer's side, as on the protocol page.
 */
export async function protocolChangesBetween(ctx: AccountContext, from: Date, to: Date): Promise<ProtocolChangeView[]> {
  const side = sideOf(ctx);
  return withTenant(ctx.db, async (tx) => {
    const rows = await versions(tx, ctx.tenant.id);
    const within = (d: Date | null) => d !== null && d >= from && d < to;
    const picked = rows.filter((r) => within(r.proposedAt) || within(r.decidedAt));
    if (!picked.length) return [];
    const defaults = defaultTerms(await tierTargets(tx, ctx.tenant.id, ctx.tenant.tier));
    const termsOf = new Map(rows.map((r) => [r.version, r.terms]));
    return picked.map((r) => ({
      ...view(r, side),
      changes: diffTerms((r.basedOn !== null ? termsOf.get(r.basedOn) : undefined) ?? defaults, r.terms),
    }));
  });
}

/** Errors carry catalogue ids (joint area): the route shows them in the viewer's language. */
export async function proposeProtocol(
  ctx: AccountContext,
  request: Request,
  proposal: { note: string | null; terms: ProtocolTerms; applyToRunning: boolean },
): Promise<{ version: number }> {
  if (!mayPropose(ctx)) throw new EscalationError(403, "joint.protocol.error.notAllowed");
  const side = sideOf(ctx);
  return withTenant(ctx.db, async (tx) => {
    const rows = await versions(tx, ctx.tenant.id, true);
    if (rows.some((r) => r.status === "pending")) throw new EscalationError(409, "joint.protocol.error.pending");
    const current = rows.find((r) => r.status === "accepted") ?? null;
    const before = current?.terms ?? (await termsInEffect(tx, ctx.tenant)).terms;
    const changes = diffTerms(before, proposal.terms);
    if (!changes.length) throw new EscalationError(400, "joint.protocol.error.noChange");
    const version = (rows[0]?.version ?? 0) + 1;
    await tx.insert(escalationProtocolVersions).values({
      tenantId: ctx.tenant.id,
      version,
      terms: proposal.terms,
      note: proposal.note,
      applyToRunning: proposal.applyToRunning,
      basedOn: current?.version ?? null,
      proposedSide: side,
      proposedByUserId: ctx.user.id,
      proposedByName: ctx.user.name,
    });
    await audit(tx, ctx, request, "escalation_protocol.proposed", version, {
      side,
      basedOn: current?.version ?? null,
      changes: changes.length,
      applyToRunning: proposal.applyToRunning,
    });
    return { version };
  });
}

export type Decision = "accept" | "decline" | "withdraw";
const STATUS_OF: Record<Decision, ProposalStatus> = { accept: "accepted", decline: "declined", withdraw: "withdrawn" };

/**
 * Accept, decline or withdraw the pending proposal. Accepting one that applies to running
 * escalations moves them in the same transaction; `moved` says how many (null: none were to move).
 */
export async function decideProposal(
  ctx: AccountContext,
  request: Request,
  version: number,
  decision: Decision,
): Promise<{ moved: number | null }> {
  if (!mayPropose(ctx)) throw new EscalationError(403, "joint.protocol.error.notAllowed");
  const side = sideOf(ctx);
  const now = new Date();
  return withTenant(ctx.db, async (tx) => {
    const rows = await versions(tx, ctx.tenant.id, true);
    const open = rows.find((r) => r.status === "pending");
    if (!open || open.version !== version) throw new EscalationError(409, "joint.protocol.error.stale");
    const own = open.proposedSide === side;
    if (decision === "withdraw" ? !own : own)
      throw new EscalationError(
        403,
        decision === "withdraw" ? "joint.protocol.error.notYours" : "joint.protocol.error.ownSide",
      );
    await tx
      .update(escalationProtocolVersions)
      .set({
        status: STATUS_OF[decision],
        decidedSide: side,
        decidedByUserId: ctx.user.id,
        decidedByName: ctx.user.name,
        decidedAt: now,
      })
      .where(
        and(eq(escalationProtocolVersions.tenantId, ctx.tenant.id), eq(escalationProtocolVersions.version, version)),
      );
    const moved =
      decision === "accept" && open.applyToRunning
        ? await moveRunningEscalations(
            tx,
            ctx,
            requestInfo(request),
            {
              version,
              proposedSide: open.proposedSide,
              proposedByName: open.proposedByName,
              acceptedSide: side,
              acceptedByName: ctx.user.name,
            },
            now,
          )
        : null;
    await audit(tx, ctx, request, `escalation_protocol.${STATUS_OF[decision]}`, version, {
      side,
      proposedSide: open.proposedSide,
      ...(decision === "accept" ? { applyToRunning: open.applyToRunning, movedEscalations: moved } : {}),
    });
    return { moved };
  });
}

function audit(
  tx: Tx,
  ctx: AccountContext,
  request: Request,
  action: string,
  version: number,
  detail: Record<string, unknown>,
) {
  return recordAudit(tx, {
    tenantId: ctx.tenant.id,
    actorUserId: ctx.user.id,
    actorLabel: ctx.kind === "staff" ? `${ctx.user.name} (staff)` : ctx.user.name,
    action,
    targetType: "escalation_protocol",
    targetId: `${ctx.tenant.id}:${version}`,
    detail: { version, ...detail },
    request: requestInfo(request),
  });
}
