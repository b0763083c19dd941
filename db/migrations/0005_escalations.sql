-- 0005 escalations: cases, public/internal comments, exception approvals, per-tenant SLA
-- target overrides, internal alerts and in-app notifications. Hand-written and reviewed.
-- Pattern of 0002: tenant_id leads every key, ENABLE + FORCE ROW LEVEL SECURITY, one policy per
-- runtime role and command, column grants for staff-only columns, append-only history.
CREATE TABLE "escalations" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"order_id" uuid,
	"category" text NOT NULL CHECK ("category" IN ('late_delivery', 'damaged_goods', 'wrong_items', 'documentation', 'billing', 'other')),
	"severity" text NOT NULL CHECK ("severity" IN ('P1', 'P2', 'P3', 'P4')),
	"status" text DEFAULT 'open' NOT NULL CHECK ("status" IN ('open', 'acknowledged', 'in_progress', 'awaiting_customer', 'resolved', 'closed')),
	"title" text NOT NULL CHECK (length("title") BETWEEN 1 AND 200),
	"description" text NOT NULL CHECK (length("description") BETWEEN 1 AND 10000),
	"desired_outcome" text NOT NULL CHECK (length("desired_outcome") BETWEEN 1 AND 4000),
	"request_expedite" boolean DEFAULT false NOT NULL,
	"request_credit_amount" numeric(14, 2) CHECK ("request_credit_amount" IS NULL OR "request_credit_amount" BETWEEN 0 AND 10000000),
	"request_policy_override" text CHECK (length("request_policy_override") <= 2000),
	"exception_status" text DEFAULT 'none' NOT NULL CHECK ("exception_status" IN ('none', 'pending', 'approved', 'rejected')),
	"raised_by_user_id" text,
	"raised_by_name" text NOT NULL,
	"assignee_staff_id" text,
	"assignee_first_name" text,
	"internal_summary" text CHECK (length("internal_summary") <= 4000),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_response_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"sla_pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"response_due_at" timestamp with time zone,
	"resolution_due_at" timestamp with time zone,
	"alerts_sent" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "escalations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "escalations_order_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "orders"("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "escalations_number_uq" ON "escalations" USING btree ("tenant_id","number");
--> statement-breakpoint
CREATE INDEX "escalations_status_idx" ON "escalations" USING btree ("tenant_id","status","created_at" DESC);
--> statement-breakpoint
CREATE INDEX "escalations_created_idx" ON "escalations" USING btree ("tenant_id","created_at" DESC);
--> statement-breakpoint
CREATE INDEX "escalations_order_idx" ON "escalations" USING btree ("tenant_id","order_id");
--> statement-breakpoint
CREATE TABLE "escalation_counters" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"last_number" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escalation_comments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"escalation_id" uuid NOT NULL,
	"author_user_id" text,
	"author_name" text NOT NULL,
	"author_kind" text NOT NULL CHECK ("author_kind" IN ('customer', 'staff')),
	"visibility" text NOT NULL CHECK ("visibility" IN ('public', 'internal')),
	"body" text NOT NULL CHECK (length("body") BETWEEN 1 AND 10000),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalation_comments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "escalation_comments_escalation_fk" FOREIGN KEY ("tenant_id","escalation_id") REFERENCES "escalations"("tenant_id","id"),
	-- Customers never write internal notes.
	CONSTRAINT "escalation_comments_customer_public" CHECK ("author_kind" = 'staff' OR "visibility" = 'public')
);
--> statement-breakpoint
CREATE INDEX "escalation_comments_escalation_idx" ON "escalation_comments" USING btree ("tenant_id","escalation_id","created_at");
--> statement-breakpoint
CREATE TABLE "escalation_approvals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"escalation_id" uuid NOT NULL,
	"request" jsonb NOT NULL,
	"required_role" text NOT NULL CHECK ("required_role" IN ('support_agent', 'support_lead', 'platform_admin')),
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"decision" text DEFAULT 'pending' NOT NULL CHECK ("decision" IN ('pending', 'approved', 'rejected')),
	"reason" text CHECK (length("reason") <= 2000),
	"decided_by_user_id" text,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalation_approvals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "escalation_approvals_escalation_fk" FOREIGN KEY ("tenant_id","escalation_id") REFERENCES "escalations"("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "escalation_approvals_escalation_idx" ON "escalation_approvals" USING btree ("tenant_id","escalation_id");
--> statement-breakpoint
CREATE TABLE "escalation_sla_targets" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"severity" text NOT NULL CHECK ("severity" IN ('P1', 'P2', 'P3', 'P4')),
	"first_response_minutes" integer NOT NULL CHECK ("first_response_minutes" BETWEEN 1 AND 100000),
	"resolution_minutes" integer NOT NULL CHECK ("resolution_minutes" BETWEEN 1 AND 1000000),
	"twenty_four_seven" boolean DEFAULT false NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalation_sla_targets_pk" PRIMARY KEY("tenant_id","severity")
);
--> statement-breakpoint
CREATE TABLE "escalation_alerts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL CHECK ("kind" IN ('late_orders', 'sla_breach', 'sla_near_breach')),
	"dedupe_key" text NOT NULL,
	"escalation_id" uuid,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dismissed_at" timestamp with time zone,
	"dismissed_by" text,
	CONSTRAINT "escalation_alerts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "escalation_alerts_dedupe_uq" ON "escalation_alerts" USING btree ("tenant_id","dedupe_key");
--> statement-breakpoint
CREATE INDEX "escalation_alerts_created_idx" ON "escalation_alerts" USING btree ("tenant_id","created_at" DESC);
--> statement-breakpoint
CREATE TABLE "escalation_notifications" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"recipient_user_id" text NOT NULL,
	"recipient_kind" text NOT NULL CHECK ("recipient_kind" IN ('customer', 'staff')),
	"escalation_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "escalation_notifications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "escalation_notifications_recipient_idx" ON "escalation_notifications" USING btree ("tenant_id","recipient_user_id","created_at" DESC);
--> statement-breakpoint

-- The current staff member's role ('' when none). SECURITY DEFINER so staff_members needs no grants.
CREATE FUNCTION app_staff_role() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce((SELECT role FROM staff_members
                   WHERE user_id = nullif(current_setting('app.staff_id', true), '') AND active), '')
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_staff_role() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_staff_role() TO portal_staff;
--> statement-breakpoint

-- Row-level security. tenant_expr as in 0002; a missing setting matches nothing.
DO $$
DECLARE
  t text;
  tenant_expr constant text := '(SELECT nullif(current_setting(''app.tenant_id'', true), '''')::uuid)';
  user_expr constant text := '(SELECT nullif(current_setting(''app.user_id'', true), ''''))';
  staff_expr constant text := '(SELECT nullif(current_setting(''app.staff_id'', true), ''''))';
  visible constant text := 'tenant_id = ANY ((SELECT app_visible_tenants())::uuid[])';
BEGIN
  FOREACH t IN ARRAY ARRAY['escalations', 'escalation_counters', 'escalation_comments', 'escalation_approvals',
                           'escalation_sla_targets', 'escalation_alerts', 'escalation_notifications'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;

  -- Escalations: customers their own tenant, and they may only raise new, unassigned cases.
  EXECUTE format('CREATE POLICY escalations_customer_read ON escalations FOR SELECT TO portal_customer USING (tenant_id = %s)', tenant_expr);
  EXECUTE format('CREATE POLICY escalations_customer_insert ON escalations FOR INSERT TO portal_customer WITH CHECK (
      tenant_id = %s AND status = ''open'' AND assignee_staff_id IS NULL AND assignee_first_name IS NULL
      AND internal_summary IS NULL AND first_response_at IS NULL AND resolved_at IS NULL AND closed_at IS NULL
      AND alerts_sent = ''{}''::text[] AND exception_status IN (''none'', ''pending''))', tenant_expr);
  EXECUTE format('CREATE POLICY escalations_customer_update ON escalations FOR UPDATE TO portal_customer USING (tenant_id = %s) WITH CHECK (tenant_id = %s)', tenant_expr, tenant_expr);
  EXECUTE format('CREATE POLICY escalations_staff ON escalations TO portal_staff USING (%s) WITH CHECK (%s)', visible, visible);

  -- Comments: internal notes are invisible to customers by policy, whatever the query.
  EXECUTE format('CREATE POLICY escalation_comments_customer_read ON escalation_comments FOR SELECT TO portal_customer USING (visibility = ''public'' AND tenant_id = %s)', tenant_expr);
  EXECUTE format('CREATE POLICY escalation_comments_customer_insert ON escalation_comments FOR INSERT TO portal_customer WITH CHECK (
      visibility = ''public'' AND author_kind = ''customer'' AND author_user_id IS NOT DISTINCT FROM %s AND tenant_id = %s)', user_expr, tenant_expr);
  EXECUTE format('CREATE POLICY escalation_comments_staff ON escalation_comments TO portal_staff USING (%s) WITH CHECK (%s AND author_kind = ''staff'' AND author_user_id = %s)', visible, visible, staff_expr);

  -- Approvals: customers see outcomes and file pending requests; staff decide.
  EXECUTE format('CREATE POLICY escalation_approvals_customer_read ON escalation_approvals FOR SELECT TO portal_customer USING (tenant_id = %s)', tenant_expr);
  EXECUTE format('CREATE POLICY escalation_approvals_customer_insert ON escalation_approvals FOR INSERT TO portal_customer WITH CHECK (
      tenant_id = %s AND decision = ''pending'' AND decided_by_user_id IS NULL AND decided_at IS NULL AND reason IS NULL)', tenant_expr);
  EXECUTE format('CREATE POLICY escalation_approvals_staff ON escalation_approvals TO portal_staff USING (%s) WITH CHECK (%s)', visible, visible);

  -- SLA target overrides: readable by the tenant and its staff, written by platform admins only.
  EXECUTE format('CREATE POLICY escalation_sla_targets_customer ON escalation_sla_targets FOR SELECT TO portal_customer USING (tenant_id = %s)', tenant_expr);
  EXECUTE format('CREATE POLICY escalation_sla_targets_staff_read ON escalation_sla_targets FOR SELECT TO portal_staff USING (%s)', visible);
  EXECUTE format('CREATE POLICY escalation_sla_targets_admin_write ON escalation_sla_targets TO portal_staff USING (%s AND (SELECT app_staff_role()) = ''platform_admin'') WITH CHECK (%s AND (SELECT app_staff_role()) = ''platform_admin'')', visible, visible);

  -- Alerts are internal: no customer policy at all.
  EXECUTE format('CREATE POLICY escalation_alerts_staff ON escalation_alerts TO portal_staff USING (%s) WITH CHECK (%s)', visible, visible);

  -- Notifications: each person reads and marks their own; anyone in the tenant may notify.
  EXECUTE format('CREATE POLICY escalation_notifications_customer_read ON escalation_notifications FOR SELECT TO portal_customer USING (tenant_id = %s AND recipient_user_id = %s)', tenant_expr, user_expr);
  EXECUTE format('CREATE POLICY escalation_notifications_customer_update ON escalation_notifications FOR UPDATE TO portal_customer USING (tenant_id = %s AND recipient_user_id = %s) WITH CHECK (tenant_id = %s AND recipient_user_id = %s)', tenant_expr, user_expr, tenant_expr, user_expr);
  EXECUTE format('CREATE POLICY escalation_notifications_customer_insert ON escalation_notifications FOR INSERT TO portal_customer WITH CHECK (tenant_id = %s)', tenant_expr);
  EXECUTE format('CREATE POLICY escalation_notifications_staff_read ON escalation_notifications FOR SELECT TO portal_staff USING (%s AND recipient_user_id = %s)', visible, staff_expr);
  EXECUTE format('CREATE POLICY escalation_notifications_staff_update ON escalation_notifications FOR UPDATE TO portal_staff USING (%s AND recipient_user_id = %s) WITH CHECK (%s AND recipient_user_id = %s)', visible, staff_expr, visible, staff_expr);
  EXECUTE format('CREATE POLICY escalation_notifications_staff_insert ON escalation_notifications FOR INSERT TO portal_staff WITH CHECK (%s)', visible);
END $$;
--> statement-breakpoint

-- Grants. Customers: no assignee id, internal summary or alert bookkeeping.
GRANT SELECT (tenant_id, id, number, order_id, category, severity, status, title, description, desired_outcome,
              request_expedite, request_credit_amount, request_policy_override, exception_status,
              raised_by_user_id, raised_by_name, assignee_first_name, created_at, updated_at, first_response_at,
              resolved_at, closed_at, reopen_count, sla_pauses, response_due_at, resolution_due_at)
  ON escalations TO portal_customer;
--> statement-breakpoint
-- INSERT on the table (the ORM lists every column); the insert policy pins staff-only columns.
GRANT INSERT ON escalations TO portal_customer;
--> statement-breakpoint
-- A customer answers, confirms a resolution or reopens; a trigger below limits the status moves.
GRANT UPDATE (status, updated_at, resolved_at, closed_at, reopen_count, sla_pauses, response_due_at, resolution_due_at)
  ON escalations TO portal_customer;
--> statement-breakpoint
GRANT SELECT, INSERT ON escalation_comments, escalation_approvals, escalation_notifications TO portal_customer;
--> statement-breakpoint
GRANT UPDATE (read_at) ON escalation_notifications TO portal_customer;
--> statement-breakpoint
GRANT SELECT ON escalation_sla_targets TO portal_customer;
--> statement-breakpoint
GRANT SELECT, INSERT ON escalations, escalation_comments, escalation_approvals, escalation_alerts, escalation_notifications TO portal_staff;
--> statement-breakpoint
-- exception_status is not granted: only the approval trigger moves it.
GRANT UPDATE (status, updated_at, severity, assignee_staff_id, assignee_first_name, internal_summary, first_response_at,
              resolved_at, closed_at, reopen_count, sla_pauses, response_due_at, resolution_due_at, alerts_sent)
  ON escalations TO portal_staff;
--> statement-breakpoint
GRANT UPDATE (decision, reason, decided_by_user_id, decided_by_name, decided_at) ON escalation_approvals TO portal_staff;
--> statement-breakpoint
GRANT UPDATE (dismissed_at, dismissed_by) ON escalation_alerts TO portal_staff;
--> statement-breakpoint
GRANT UPDATE (read_at) ON escalation_notifications TO portal_staff;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON escalation_sla_targets TO portal_staff;
--> statement-breakpoint

-- Per-tenant escalation numbers, assigned in commit order like order_events.seq.
CREATE FUNCTION escalations_assign_number() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO escalation_counters AS c (tenant_id, last_number) VALUES (NEW.tenant_id, 1)
  ON CONFLICT (tenant_id) DO UPDATE SET last_number = c.last_number + 1
  RETURNING c.last_number INTO NEW.number;
  RETURN NEW;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION escalations_assign_number() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER escalations_number BEFORE INSERT ON escalations
  FOR EACH ROW EXECUTE FUNCTION escalations_assign_number();
--> statement-breakpoint

-- A customer may only answer (awaiting_customer -> in_progress), confirm (resolved -> closed)
-- or reopen (resolved/closed -> in_progress); the window is checked by the service.
CREATE FUNCTION escalations_customer_moves() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_user = 'portal_customer' AND NEW.status IS DISTINCT FROM OLD.status
     AND (OLD.status || '>' || NEW.status) NOT IN ('awaiting_customer>in_progress', 'resolved>closed',
                                                    'resolved>in_progress', 'closed>in_progress') THEN
    RAISE EXCEPTION 'a customer cannot move an escalation from % to %', OLD.status, NEW.status
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER escalations_customer_moves BEFORE UPDATE ON escalations
  FOR EACH ROW EXECUTE FUNCTION escalations_customer_moves();
--> statement-breakpoint

-- Approvals: decided once, by the signed-in staff member, whose role must reach the required
-- one -- enforced here as well as in the service, so no posted form can get around it.
-- The escalation's exception_status follows the decision.
CREATE FUNCTION escalation_approvals_decide() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  rank_of constant jsonb := '{"support_agent": 1, "support_lead": 2, "platform_admin": 3}';
  actor_role text;
BEGIN
  IF OLD.decision <> 'pending' THEN
    RAISE EXCEPTION 'this request was already decided' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.decision = 'pending' THEN
    RAISE EXCEPTION 'a decision must approve or reject' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.tenant_id <> OLD.tenant_id OR NEW.escalation_id <> OLD.escalation_id
     OR NEW.required_role <> OLD.required_role OR NEW.request <> OLD.request THEN
    RAISE EXCEPTION 'only the decision may change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT role INTO actor_role FROM staff_members
   WHERE user_id = nullif(current_setting('app.staff_id', true), '') AND active;
  IF actor_role IS NULL OR NEW.decided_by_user_id IS DISTINCT FROM current_setting('app.staff_id', true)
     OR (rank_of ->> actor_role)::int < (rank_of ->> NEW.required_role)::int THEN
    RAISE EXCEPTION 'this request needs a % to decide', NEW.required_role USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE escalations SET exception_status = NEW.decision, updated_at = now()
   WHERE tenant_id = NEW.tenant_id AND id = NEW.escalation_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION escalation_approvals_decide() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER escalation_approvals_decide BEFORE UPDATE ON escalation_approvals
  FOR EACH ROW EXECUTE FUNCTION escalation_approvals_decide();
--> statement-breakpoint
CREATE TRIGGER escalation_approvals_no_delete BEFORE DELETE OR TRUNCATE ON escalation_approvals
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
-- The conversation is append-only for everyone at runtime.
CREATE TRIGGER escalation_comments_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON escalation_comments
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint

-- Wake-up for live pages: tenant, escalation and status only (no text). Internal notes do not
-- notify at all, so a customer's stream cannot even tell that one was written.
CREATE FUNCTION escalations_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sightline_escalations',
    json_build_object('tenantId', NEW.tenant_id, 'escalationId', NEW.id, 'status', NEW.status)::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER escalations_notify AFTER INSERT OR UPDATE ON escalations
  FOR EACH ROW EXECUTE FUNCTION escalations_notify();
--> statement-breakpoint
CREATE FUNCTION escalation_comments_notify() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM pg_notify('sightline_escalations',
    json_build_object('tenantId', NEW.tenant_id, 'escalationId', NEW.escalation_id,
      'status', (SELECT status FROM escalations WHERE tenant_id = NEW.tenant_id AND id = NEW.escalation_id))::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION escalation_comments_notify() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER escalation_comments_notify AFTER INSERT ON escalation_comments
  FOR EACH ROW WHEN (NEW.visibility = 'public') EXECUTE FUNCTION escalation_comments_notify();
