// GET /api/v1/sla/scorecard: parameters -> scorecard JSON or problem+json.
import { z } from "zod";
import { parsePeriodSelection } from "#app/domain/sla/periods";
import type { ApiPrincipal } from "../api/principal.server";
import { problems } from "../http/problem.server";
import { buildScorecard } from "./scorecard.server";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const querySchema = z.object({
  period: z
    .string()
    .max(40)
    .default("this-period")
    .refine((v) => parsePeriodSelection(v) !== null, {
      message:
        "period is this-/last-week|period|quarter|year (e.g. last-quarter) or a fiscal key such as FY2026, FY2026-Q2, FY2026-P03, FY2026-W07.",
    }),
  site: z.string().regex(UUID_RE, "site is the id of one of your sites.").optional(),
});

export async function apiScorecard(p: ApiPrincipal, params: URLSearchParams): Promise<Response> {
  const raw = Object.fromEntries([...params.entries()].filter(([k]) => k === "period" || k === "site"));
  const parsed = querySchema.safeParse(raw);
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
  return Response.json({ data: result.scorecard }, { headers: { "Cache-Control": "no-store" } });
}
