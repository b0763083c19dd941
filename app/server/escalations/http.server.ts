// Turning escalation service failures into HTTP answers: readable pages for the portal,
// problem+json for /api/v1. Database refusals (a policy, a trigger, a check constraint) that
// slip past validation become 403/400 rather than 500; anything else is rethrown (a real 500).
import { problem } from "../http/problem.server";
import { EscalationError } from "./actor.server";

const TITLES: Record<number, string> = {
  400: "Bad request",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
};

function sqlState(err: unknown): string | null {
  for (let e: unknown = err, i = 0; e && typeof e === "object" && i < 4; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return null;
}

/** An expected failure as an EscalationError, or null when the error is not one. */
export function asEscalationError(err: unknown): EscalationError | null {
  if (err instanceof EscalationError) return err;
  const code = sqlState(err);
  if (code === "42501") return new EscalationError(403, "You are not allowed to do that.");
  if (code === "23514" || code === "22001" || code === "22P02" || code === "22003") {
    return new EscalationError(400, "Some of the values are not acceptable. Check the form and try again.");
  }
  return null;
}

/** For API routes: the problem+json Response of an expected failure; rethrows anything else. */
export function escalationProblem(err: unknown): Response {
  const e = asEscalationError(err);
  if (!e) throw err;
  return problem({
    status: e.status,
    title: TITLES[e.status] ?? "Error",
    detail: e.message,
    extra: Object.keys(e.fieldErrors).length ? { errors: e.fieldErrors } : undefined,
  });
}

/** For loaders: a thrown Response (404/403 page) for an expected failure; rethrows anything else. */
export function pageFailure(err: unknown): never {
  const e = asEscalationError(err);
  if (e) throw new Response(e.message, { status: e.status });
  throw err;
}
