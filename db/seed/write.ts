// Batched writes of generated orders through the owner connection (seeding only).
import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import { orderEvents, orderLines, orders, shipments } from "../schema/index";
import type { GeneratedOrder } from "./orders";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Inserts rows as one JSON parameter expanded by json_populate_recordset: one statement and one
 * bind value per table and batch instead of 30,000 bind parameters, several times faster to
 * build and to parse. Only the columns the rows carry are listed, so the others get their
 * defaults. Values go through each column's own driver mapping first (dates, numerics).
 */
async function insertJson(tx: Tx, table: PgTable, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in rows[0]);
  const payload = rows.map((row) =>
    Object.fromEntries(
      columns.map(([key, col]) => {
        const value = row[key];
        if (value === null || value === undefined) return [col.name, null];
        // json/jsonb values are already JSON here; their driver mapping would stringify them twice.
        return [col.name, col.dataType === "json" ? value : col.mapToDriverValue(value)];
      }),
    ),
  );
  const names: SQL = sql.join(
    columns.map(([, col]) => sql.identifier(col.name)),
    sql`, `,
  );
  await tx.execute(sql`insert into ${sql.identifier(getTableName(table))} (${names})
    select ${names} from json_populate_recordset(null::${sql.identifier(getTableName(table))}, ${JSON.stringify(payload)}::json)`);
}

/**
 * Writes a batch of orders with their children in one transaction. Events are numbered here
 * (continuing the tenant's counter) instead of row by row in the trigger: seeding is ~10x faster.
 */
export async function writeOrders(db: Db, batch: GeneratedOrder[]): Promise<void> {
  if (batch.length === 0) return;
  await db.transaction(async (tx) => {
    await insertJson(
      tx,
      orders,
      batch.map((b) => b.order),
    );
    await insertJson(
      tx,
      orderLines,
      batch.flatMap((b) => b.lines),
    );
    await insertJson(
      tx,
      shipments,
      batch.flatMap((b) => b.shipments),
    );
    const events = batch.flatMap((b) => b.events).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    const lastSeq = new Map<string, number>();
    for (const tenantId of new Set(events.map((e) => e.tenantId))) {
      const r = await tx.execute<{ last: number }>(
        sql`select coalesce(max(last_seq), 0)::int as last from tenant_event_counters where tenant_id = ${tenantId}`,
      );
      lastSeq.set(tenantId, r.rows[0].last);
    }
    const numbered = events.map((e) => {
      const seq = (lastSeq.get(e.tenantId) ?? 0) + 1;
      lastSeq.set(e.tenantId, seq);
      return { ...e, seq };
    });
    await insertJson(tx, orderEvents, numbered);
    for (const [tenantId, last] of lastSeq) {
      await tx.execute(sql`insert into tenant_event_counters (tenant_id, last_seq) values (${tenantId}, ${last})
        on conflict (tenant_id) do update set last_seq = excluded.last_seq`);
    }
  });
}
