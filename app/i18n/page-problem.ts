// Expected failures a page shows (a 404, a refusal) are thrown as Responses whose JSON body names a
// catalogue message rather than carrying an English sentence: the error boundary words it in the
// reader's language (root loader's locale), whoever threw it and before the locale was known (a
// cross-site form post is refused before the guard runs).
import type { MessageId } from "./catalogue";
import { localized, type Localized } from "./localized";

export interface PageProblemBody {
  problem: Localized;
  /** The English sentence behind a general message (a service's refusal with details), for English readers. */
  english?: string;
}

/** A Response to throw from a loader or action: `throw pageProblem(404, "errors.orderNotFound")`. */
export function pageProblem(
  status: number,
  id: MessageId,
  values?: Record<string, string | number>,
  english?: string,
): Response {
  const body: PageProblemBody = { problem: localized(id, values), ...(english ? { english } : {}) };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}

export function isPageProblem(data: unknown): data is PageProblemBody {
  const p = (data as { problem?: { id?: unknown } } | null)?.problem;
  return typeof data === "object" && data !== null && typeof p === "object" && p !== null && typeof p.id === "string";
}
