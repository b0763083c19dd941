// Satisfaction ratings: a customer rates a resolved escalation once (1-5 and a comment) and may
// change it for RATING_EDIT_DAYS. Runs as the actor's role: a customer of another account cannot
// even find the escalation (RLS), and the 0080 trigger holds the same rules as this code.
import { and, eq } from "drizzle-orm";
import { canBeRated, editableUntil, isEditable, type Score } from "#app/domain/joint/satisfaction";
import { escalationRatings } from "#db/schema/index";
import { type EscalationActor, EscalationError } from "../escalations/actor.server";
import { audit, loadRow } from "../escalations/row.server";
import { withTenant, type Tx } from "../tenant-db.server";

export interface RatingView {
  score: number;
  comment: string | null;
  ratedByName: string;
  createdAt: string;
  updatedAt: string;
  editableUntil: string;
  editable: boolean;
}

export interface RatingState {
  /** The escalation is resolved or closed, so it can be rated. */
  rateable: boolean;
  /** The viewer is a customer (staff read ratings, they do not give them). */
  canRate: boolean;
  rating: RatingView | null;
}

async function currentRating(tx: Tx, tenantId: string, escalationId: string, lock: boolean) {
  const q = tx
    .select({
      score: escalationRatings.score,
      comment: escalationRatings.comment,
      ratedByName: escalationRatings.ratedByName,
      createdAt: escalationRatings.createdAt,
      updatedAt: escalationRatings.updatedAt,
    })
    .from(escalationRatings)
    .where(and(eq(escalationRatings.tenantId, tenantId), eq(escalationRatings.escalationId, escalationId)));
  const [row] = lock ? await q.for("update") : await q;
  return row ?? null;
}

function view(row: NonNullable<Awaited<ReturnType<typeof currentRating>>>, now: Date): RatingView {
  return {
    score: row.score,
    comment: row.comment,
    ratedByName: row.ratedByName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    editableUntil: editableUntil(row.createdAt).toISOString(),
    editable: isEditable(row.createdAt, now),
  };
}

/** The rating of one escalation as the actor may see it (404 when the escalation is not theirs). */
export async function getRatingState(
  actor: EscalationActor,
  escalationId: string,
  now = new Date(),
): Promise<RatingState> {
  return withTenant(actor.db, async (tx) => {
    const row = await loadRow(tx, actor, escalationId);
    const rating = await currentRating(tx, row.tenantId, row.id, false);
    return {
      rateable: canBeRated(row.status),
      canRate: actor.kind === "customer",
      rating: rating ? view(rating, now) : null,
    };
  });
}

export interface RatingInput {
  score: Score;
  comment: string | null;
}

/**
 * Gives or changes the customer's rating. Errors carry catalogue ids (joint area) as messages:
 * the route shows them in the viewer's language.
 */
export async function rateEscalation(
  actor: EscalationActor,
  escalationId: string,
  input: RatingInput,
  now = new Date(),
): Promise<{ created: boolean }> {
  if (actor.kind !== "customer") throw new EscalationError(403, "joint.rating.error.staff");
  return withTenant(actor.db, async (tx) => {
    const row = await loadRow(tx, actor, escalationId, true);
    if (!canBeRated(row.status)) throw new EscalationError(409, "joint.rating.error.notResolved");
    const existing = await currentRating(tx, row.tenantId, row.id, true);
    if (existing && !isEditable(existing.createdAt, now)) throw new EscalationError(409, "joint.rating.error.locked");
    const fields = {
      score: input.score,
      comment: input.comment,
      ratedByUserId: actor.userId,
      ratedByName: actor.name,
      updatedAt: now,
    };
    if (existing) {
      await tx
        .update(escalationRatings)
        .set(fields)
        .where(and(eq(escalationRatings.tenantId, row.tenantId), eq(escalationRatings.escalationId, row.id)));
    } else {
      await tx.insert(escalationRatings).values({ tenantId: row.tenantId, escalationId: row.id, ...fields });
    }
    await audit(tx, actor, row, existing ? "rating_changed" : "rated", {
      score: input.score,
      ...(existing ? { previousScore: existing.score } : {}),
    });
    return { created: !existing };
  });
}
