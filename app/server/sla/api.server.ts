// GET /api/v1/sla/scorecard: parameters -> scorecard JSON or problem+json.
import { parsePeriodSelection } from "#app/domain/sla/periods";
import type { ApiPrincipal } from "../api/principal.server";
import { apiJson } from "../api/respond.server";
import { problems } from "../http/problem.server";
import { slaScorecardQuerySchema, slaScorecardResponseSchema } from "./api-schema";
import { buildScorecard } from "./scorecard.server";

export async function apiScorecard(p: ApiPrincipal, params: URLSearchParams): Promise<Response> {
  const raw = Object.fromEntries([...params.entries()].filter(([k]) => k === "period" || k === "site"));
  const parsed = slaScorecardQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? ""), i.message]));
    return problems.badRequest(Object.values(errors).join(" "), { errors });
  }
  const selection = parsePeriodSelection(parsed.data.period);
  if (!selection) return problems.badRequest("period is not a period.");
  const result = await buildScorecard(p.db, p.tenant, {
    period: selection,
    siteId: parsed.data.site ?? null,
    fixedSites: p.fixedFilters.site ?? [],
  });
  if (!result.ok) {
    return result.status === 404 ? problems.notFound(result.message) : problems.badRequest(result.message);
  }
  return apiJson(slaScorecardResponseSchema, { data: result.scorecard });
}
