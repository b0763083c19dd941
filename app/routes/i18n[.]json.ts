// GET /i18n.json?locale=de&v=<version>: a locale's whole message catalogue (public text, no data),
// loaded once by the browser before it hydrates a page (app/entry.client.tsx). The current version
// is cached for a year; any other version gets the current messages, revalidated on each use.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLocale } from "../i18n/locales";
import { problems } from "../server/http/problem.server";
import { catalogueFile } from "../server/i18n/catalogue-file.server";

export function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const locale = params.get("locale");
  if (!isLocale(locale)) return problems.badRequest("locale must be one of en, de, ja.");
  const file = catalogueFile(locale);
  return new Response(file.body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Language": locale,
      "Cache-Control": params.get("v") === file.version ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
