-- Order search matches order numbers without their letter prefix ("1040" finds SO-104012): an
-- expression index on the number's digits, tenant first, in "C" order (the column's collation), so
-- the search stays a range scan under RLS. app/server/orders/sql.server.ts writes the same expression.
CREATE INDEX IF NOT EXISTS "orders_number_digits_idx"
  ON "orders" USING btree ("tenant_id", (regexp_replace("order_number", '^[^0-9]+', '')));
