-- 0080 satisfaction: after an escalation is resolved the customer rates the resolution (1-5 and a
-- comment). One rating per escalation (the primary key), changeable for 7 days by the customer's
-- people; staff of the account read them. Pattern of 0002/0005: tenant_id leads every key,
-- ENABLE + FORCE ROW LEVEL SECURITY, one policy per runtime role, the rules also in a trigger so
-- no hand-written statement gets around them.
CREATE TABLE "escalation_ratings" (
	"tenant_id" uuid NOT NULL,
	"escalation_id" uuid NOT NULL,
	"score" integer NOT NULL CHECK ("score" BETWEEN 1 AND 5),
	"comment" text CHECK (length("comment") <= 2000),
	"rated_by_user_id" text,
	"rated_by_name" text NOT NULL CHECK (length("rated_by_name") BETWEEN 1 AND 200),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalation_ratings_pk" PRIMARY KEY("tenant_id","escalation_id"),
	CONSTRAINT "escalation_ratings_escalation_fk" FOREIGN KEY ("tenant_id","escalation_id") REFERENCES "escalations"("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "escalation_ratings_created_idx" ON "escalation_ratings" USING btree ("tenant_id","created_at" DESC);
--> statement-breakpoint
ALTER TABLE "escalation_ratings" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "escalation_ratings" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Customers: their own tenant only, and a rating carries the name of the person who gave it.
CREATE POLICY escalation_ratings_customer_read ON escalation_ratings FOR SELECT TO portal_customer
  USING (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
CREATE POLICY escalation_ratings_customer_insert ON escalation_ratings FOR INSERT TO portal_customer
  WITH CHECK (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
              AND rated_by_user_id IS NOT DISTINCT FROM (SELECT nullif(current_setting('app.user_id', true), '')));
--> statement-breakpoint
CREATE POLICY escalation_ratings_customer_update ON escalation_ratings FOR UPDATE TO portal_customer
  USING (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
              AND rated_by_user_id IS NOT DISTINCT FROM (SELECT nullif(current_setting('app.user_id', true), '')));
--> statement-breakpoint
-- Staff read the ratings of the accounts they may see; nobody at runtime writes them for a customer.
CREATE POLICY escalation_ratings_staff_read ON escalation_ratings FOR SELECT TO portal_staff
  USING (tenant_id = ANY ((SELECT app_visible_tenants())::uuid[]));
--> statement-breakpoint
GRANT SELECT, INSERT ON escalation_ratings TO portal_customer;
--> statement-breakpoint
GRANT UPDATE (score, comment, rated_by_user_id, rated_by_name, updated_at) ON escalation_ratings TO portal_customer;
--> statement-breakpoint
GRANT SELECT ON escalation_ratings TO portal_staff;
--> statement-breakpoint
-- Only a resolved (or closed) escalation can be rated, and a customer changes a rating for 7 days
-- after giving it. The service checks the same first, to answer with a sentence instead of an error.
CREATE FUNCTION escalation_ratings_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  st text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT status INTO st FROM escalations WHERE tenant_id = NEW.tenant_id AND id = NEW.escalation_id;
    IF st IS NULL OR st NOT IN ('resolved', 'closed') THEN
      RAISE EXCEPTION 'only a resolved escalation can be rated' USING ERRCODE = 'check_violation';
    END IF;
    IF current_user = 'portal_customer' THEN
      NEW.created_at := now();
      NEW.updated_at := now();
    END IF;
  ELSIF current_user = 'portal_customer' THEN
    IF OLD.created_at < now() - interval '7 days' THEN
      RAISE EXCEPTION 'a rating can be changed for 7 days after it was given' USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER escalation_ratings_guard BEFORE INSERT OR UPDATE ON escalation_ratings
  FOR EACH ROW EXECUTE FUNCTION escalation_ratings_guard();
--> statement-breakpoint
CREATE TRIGGER escalation_ratings_no_delete BEFORE DELETE OR TRUNCATE ON escalation_ratings
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
