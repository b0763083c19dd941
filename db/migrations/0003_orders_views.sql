-- 0003 orders: saved views of the order list (per user) with delay-alert subscriptions, and the
-- bookkeeping of the delay-alert service. Hand-written and reviewed; RLS pattern of 0002.
CREATE TABLE "order_views" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"owner_kind" text DEFAULT 'customer' NOT NULL CHECK ("owner_kind" IN ('customer', 'staff')),
	"name" text NOT NULL CHECK (length("name") BETWEEN 1 AND 80),
	"query" text NOT NULL CHECK (length("query") <= 2000),
	"is_default" boolean DEFAULT false NOT NULL,
	"alerts" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_views_pk" PRIMARY KEY ("tenant_id", "id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "order_views_name_uq" ON "order_views" USING btree ("tenant_id", "user_id", lower("name"));
--> statement-breakpoint
-- At most one default view per person.
CREATE UNIQUE INDEX "order_views_default_uq" ON "order_views" USING btree ("tenant_id", "user_id") WHERE "is_default";
--> statement-breakpoint
-- The alert service finds subscribed views per tenant.
CREATE INDEX "order_views_alerts_idx" ON "order_views" USING btree ("tenant_id") WHERE "alerts";
--> statement-breakpoint
-- How far the delay-alert service has read each tenant's order_events (by seq).
CREATE TABLE "order_alert_cursors" (
	"tenant_id" uuid PRIMARY KEY NOT NULL REFERENCES "tenants"("id"),
	"last_seq" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- One row per alert sent (view, order, reason), so a restart or a second process never repeats one.
CREATE TABLE "order_alerts_sent" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"view_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_alerts_sent_pk" PRIMARY KEY ("tenant_id", "view_id", "order_id", "dedupe_key"),
	CONSTRAINT "order_alerts_sent_view_fk" FOREIGN KEY ("tenant_id", "view_id")
		REFERENCES "order_views"("tenant_id", "id") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX "order_alerts_sent_created_idx" ON "order_alerts_sent" USING btree ("tenant_id", "created_at");
--> statement-breakpoint
DO $$
DECLARE
  t text;
  tenant_expr constant text := '(SELECT nullif(current_setting(''app.tenant_id'', true), '''')::uuid)';
  user_expr constant text := '(SELECT nullif(current_setting(''app.user_id'', true), ''''))';
  staff_expr constant text := '(SELECT nullif(current_setting(''app.staff_id'', true), ''''))';
  visible constant text := 'tenant_id = ANY ((SELECT app_visible_tenants())::uuid[])';
BEGIN
  FOREACH t IN ARRAY ARRAY['order_views', 'order_alert_cursors', 'order_alerts_sent'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;
  -- Saved views are private: a person sees and changes only their own, in their own tenant
  -- (staff: in an account they may see). A missing user setting matches nothing.
  EXECUTE format('CREATE POLICY order_views_customer ON order_views TO portal_customer
      USING (tenant_id = %s AND owner_kind = ''customer'' AND user_id = %s)
      WITH CHECK (tenant_id = %s AND owner_kind = ''customer'' AND user_id = %s)',
    tenant_expr, user_expr, tenant_expr, user_expr);
  EXECUTE format('CREATE POLICY order_views_staff ON order_views TO portal_staff
      USING (%s AND owner_kind = ''staff'' AND user_id = %s)
      WITH CHECK (%s AND owner_kind = ''staff'' AND user_id = %s)',
    visible, staff_expr, visible, staff_expr);
  -- Ingest keys never touch views. The two bookkeeping tables belong to the alert service, a
  -- system job on the owner connection: no runtime role has a policy or a grant on them.
END $$;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON order_views TO portal_customer, portal_staff;
