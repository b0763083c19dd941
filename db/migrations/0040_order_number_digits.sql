-- Order search matches order numbers without their letter prefix ("1040" finds SO-104012). The
-- digits are a stored generated column, not an expression index: under RLS only leakproof
-- conditions may drive an index scan, and regexp_replace() is not leakproof, while a plain
-- column compared with text >= / < is. Tenant first, "C" order, like orders_number_idx.
-- app/server/orders/sql.server.ts searches it with a prefix range.
ALTER TABLE "orders"
  ADD COLUMN IF NOT EXISTS "order_number_digits" text COLLATE "C"
  GENERATED ALWAYS AS (regexp_replace("order_number", '^[^0-9]+', '')) STORED;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "orders_number_digits_idx" ON "orders" USING btree ("tenant_id", "order_number_digits");
--> statement-breakpoint
GRANT SELECT ("order_number_digits") ON "orders" TO portal_customer;
