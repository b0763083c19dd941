// GET /settings/notifications/preview?cadence=week|period — the SLA digest the signed-in customer
// user would get for the last closed fiscal week or period, as the e-mail's HTML (or, with
// `part=text`, its plain-text part). Nothing is sent or recorded.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isDigestCadence } from "#app/domain/sla/digest";
import { translator } from "#app/i18n/catalogue";
import { requireCustomer } from "#app/server/auth/guards.server";
import { previewDigest } from "#app/server/sla/digest.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireCustomer(request);
  const url = new URL(request.url);
  const locale = ctx.user.locale ?? "en";
  // A plain-text answer (the preview opens in its own tab, outside the page's error boundary).
  const refuse = (status: number, words: string) =>
    new Response(words, {
      status,
      headers: { "content-type": "text/plain; charset=utf-8", "content-language": locale },
    });
  const t = translator(locale);
  const cadence = url.searchParams.get("cadence") ?? "week";
  if (!isDigestCadence(cadence)) return refuse(400, t("errors.digestCadence"));
  const mail = await previewDigest(ctx, cadence);
  if (!mail) return refuse(404, t("errors.digestNoClosedPeriod"));
  const text = url.searchParams.get("part") === "text";
  return new Response(text ? mail.text : mail.html, {
    headers: {
      "content-type": text ? "text/plain; charset=utf-8" : "text/html; charset=utf-8",
      // The e-mail needs no script, style sheet or image: the preview page may load none.
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      "cache-control": "private, no-store",
    },
  });
}
