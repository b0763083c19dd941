// The filters of the two audit pages (/settings/audit for a customer admin, /staff/admin/audit for
// the platform): read from the query string, and written back into it for the "older entries" link.
import { z } from "zod";
import { parseDate } from "../calendar/time";

const day = z
  .string()
  .refine((d) => parseDate(d) !== null)
  .optional()
  .catch(undefined);

/**
 * Who acted, what it concerns, a date range and the page cursor (`before`, an entry id). A value
 * that does not fit reads as "not filtered", never as an error: the query string is the user's.
 */
export function auditFilterSchema<A extends readonly [string, ...string[]], E extends readonly [string, ...string[]]>(
  actorKinds: A,
  targetTypes: E,
) {
  return z.object({
    actor: z.enum(actorKinds).optional().catch(undefined),
    entity: z.enum(targetTypes).optional().catch(undefined),
    from: day,
    to: day,
    before: z.coerce.number().int().positive().optional().catch(undefined),
  });
}

/** The filters in a query string; empty fields (an unset select) count as absent. */
export function parseAuditFilters<T extends z.ZodType>(schema: T, url: URL): z.infer<T> {
  return schema.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== "")));
}

/** The filters as a query string without the page cursor `before`: the base of every link. */
export function auditFilterQuery(filters: Record<string, unknown>): URLSearchParams {
  return new URLSearchParams(
    Object.entries(filters).filter((e): e is [string, string] => e[0] !== "before" && typeof e[1] === "string"),
  );
}

/** The link to the entries older than `before`, with the same filters. */
export function olderEntriesHref(filters: Record<string, unknown>, before: number): string {
  return `?${new URLSearchParams([...auditFilterQuery(filters), ["before", String(before)]])}`;
}
