// GET /orders/export.csv?<the list's filters>: the whole filtered set as a streamed CSV download.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { translator } from "../i18n/catalogue";
import { requireAccount } from "../server/auth/guards.server";
import { exportFileName, exportOrdersCsv } from "../server/orders/export.server";
import { parseOrderParams } from "../server/orders/list.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireAccount(request);
  const parsed = parseOrderParams(new URL(request.url).searchParams);
  if (!parsed.ok) {
    const lines = Object.values(parsed.errors).join("\n");
    const t = translator(ctx.user.locale ?? "en");
    return new Response(`${t("csv.orders.invalidFilters")}\n${lines}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const stream = exportOrdersCsv({ db: ctx.db, tenant: ctx.tenant }, parsed.query, { locale: ctx.user.locale });
  return new Response(stream, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(ctx.tenant.slug)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
