// GET /sla/scorecard.csv?from=FY2026-P01&to=FY2026-P06[&site=<id>]: the scorecard per fiscal week,
// period, quarter or year over a range, as CSV (app/server/sla/scorecard-csv.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { DEFAULT_LOCALE } from "#app/i18n/locales";
import { requireAccount } from "#app/server/auth/guards.server";
import { scorecardCsv } from "#app/server/sla/scorecard-csv.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireAccount(request);
  const result = await scorecardCsv(ctx.db, ctx.tenant, new URL(request.url).searchParams, {
    locale: ctx.user.locale ?? DEFAULT_LOCALE,
  });
  if (!result.ok)
    return new Response(`${Object.values(result.errors).join("\n")}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  return new Response(result.body, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${result.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
