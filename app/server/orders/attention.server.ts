// The "needs attention" summary above the order list: how many open orders are late now, at risk,
// due today or this week, and on hold or backordered. Each count is the size of the list its link
// opens (the same filter conditions, see ATTENTION_QUERIES), so a number and its list never
// disagree. Counts cover the whole account, not the filters in force: it is the account's
// summary, and one click replaces the filters with that slice.
import { sql } from "drizzle-orm";
import { parseOrderQuery } from "#app/domain/orders/query";
import { withTenant } from "../tenant-db.server";
import { CountCache } from "./count-cache.server";
import { scopeOf, type OrderReader } from "./list.server";
import { filterConditions, o, openExpr, whereClause } from "./sql.server";

export const ATTENTION_KEYS = ["lateOpen", "atRisk", "dueToday", "dueWeek", "held"] as const;
export type AttentionKey = (typeof ATTENTION_KEYS)[number];
export type AttentionCounts = Record<AttentionKey, number>;

/** The list query behind each count: the link a count opens, and the filter it counts with. */
export const ATTENTION_QUERIES: Record<AttentionKey, string> = {
  lateOpen: "late=open",
  atRisk: "at_risk=1",
  dueToday: "due=today",
  dueWeek: "due=week",
  held: "status=on_hold&status=backordered",
};

const cache = new CountCache<AttentionCounts>({ ttlMs: 15_000, maxEntries: 2_000 });

function conditionOf(key: AttentionKey, scope: ReturnType<typeof scopeOf>) {
  const parsed = parseOrderQuery(new URLSearchParams(ATTENTION_QUERIES[key]));
  if (!parsed.ok) throw new Error(`attention query ${key} does not parse`);
  return whereClause(filterConditions(parsed.query.filters, scope));
}

export async function attentionCounts(reader: OrderReader, now: Date = new Date()): Promise<AttentionCounts> {
  const scope = scopeOf(reader, now);
  const key = `${scope.tenantId}|${scope.today}`;
  return withTenant(reader.db, async (tx) => {
    const version = await tx.execute<{ last: string | number }>(
      sql`select coalesce(max(seq), 0) as last from order_events where tenant_id = ${scope.tenantId}::uuid`,
    );
    const seq = Number(version.rows[0]?.last ?? 0);
    return cache.getOrCompute(key, seq, async () => {
      // Every slice is of open orders, so one pass over the account's open orders counts them all.
      const r = await tx.execute<Record<AttentionKey, number>>(sql`
        select ${sql.join(
          ATTENTION_KEYS.map((k) => sql`count(*) filter (where ${conditionOf(k, scope)})::int as ${sql.identifier(k)}`),
          sql`, `,
        )}
        from orders o
        where ${o.tenantId} = ${scope.tenantId}::uuid and ${openExpr()}`);
      const row = r.rows[0];
      return Object.fromEntries(ATTENTION_KEYS.map((k) => [k, Number(row?.[k] ?? 0)])) as AttentionCounts;
    });
  });
}
