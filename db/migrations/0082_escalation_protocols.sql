-- 0082 co-developed escalation protocol: per account, versions of the protocol both sides agreed
-- (severity definitions in the customer's words, response and resolution targets, the business
-- time after which an escalation moves to the lead, the account executive and leadership, the
-- contact matrix of both sides, and the thresholds that call for a joint review).
-- A version is proposed by one side (the customer's admin, or a support lead) and takes effect
-- only when the other side accepts it; the protocol in effect is the highest accepted version.
-- Versions are never deleted and their terms never change: only the decision columns of a
-- pending proposal are written, once, by the trigger-checked other side (or withdrawn by its own).
-- Escalations remember the version they were raised under (protocol_version) and the level
-- they have reached (level, moved up by the escalation checks job).
CREATE TABLE "escalation_protocol_versions" (
	"tenant_id" uuid NOT NULL,
	"version" integer NOT NULL CHECK ("version" >= 1),
	"terms" jsonb NOT NULL,
	"note" text CHECK (length("note") <= 2000),
	"based_on" integer,
	"proposed_side" text NOT NULL CHECK ("proposed_side" IN ('customer', 'provider')),
	"proposed_by_user_id" text,
	"proposed_by_name" text NOT NULL CHECK (length("proposed_by_name") BETWEEN 1 AND 200),
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL CHECK ("status" IN ('pending', 'accepted', 'declined', 'withdrawn')),
	"decided_side" text CHECK ("decided_side" IN ('customer', 'provider')),
	"decided_by_user_id" text,
	"decided_by_name" text CHECK (length("decided_by_name") BETWEEN 1 AND 200),
	"decided_at" timestamp with time zone,
	CONSTRAINT "escalation_protocol_versions_pk" PRIMARY KEY("tenant_id","version"),
	CONSTRAINT "escalation_protocol_versions_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id")
);
--> statement-breakpoint
-- One open proposal per account at a time: the other side answers it before the next one.
CREATE UNIQUE INDEX "escalation_protocol_versions_pending_uq" ON "escalation_protocol_versions" USING btree ("tenant_id")
  WHERE "status" = 'pending';
--> statement-breakpoint
CREATE INDEX "escalation_protocol_versions_status_idx" ON "escalation_protocol_versions" USING btree ("tenant_id","status","version" DESC);
--> statement-breakpoint
ALTER TABLE "escalation_protocol_versions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "escalation_protocol_versions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY escalation_protocol_versions_customer ON escalation_protocol_versions TO portal_customer
  USING (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
CREATE POLICY escalation_protocol_versions_staff ON escalation_protocol_versions TO portal_staff
  USING (tenant_id = ANY ((SELECT app_visible_tenants())::uuid[]))
  WITH CHECK (tenant_id = ANY ((SELECT app_visible_tenants())::uuid[]));
--> statement-breakpoint
-- Ingest keys read nothing of it; the policy keeps a later grant tenant-bound.
CREATE POLICY escalation_protocol_versions_ingest ON escalation_protocol_versions FOR SELECT TO portal_ingest
  USING (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
GRANT SELECT, INSERT ON escalation_protocol_versions TO portal_customer, portal_staff;
--> statement-breakpoint
GRANT UPDATE (status, decided_side, decided_by_user_id, decided_by_name, decided_at)
  ON escalation_protocol_versions TO portal_customer, portal_staff;
--> statement-breakpoint
-- The side of a runtime role: customers speak for the customer, staff for the provider.
CREATE FUNCTION protocol_side_of_role() RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT CASE current_user WHEN 'portal_customer' THEN 'customer' WHEN 'portal_staff' THEN 'provider' END
$$;
--> statement-breakpoint
-- The rules of proposing and deciding, for every runtime statement whatever the service does:
-- a proposal is pending, by the caller's own side and user, on top of the version in effect;
-- a decision is taken once; acceptance only by the other side, withdrawal only by the same side.
CREATE FUNCTION escalation_protocol_versions_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  side text := protocol_side_of_role();
  me text := coalesce(nullif(current_setting('app.user_id', true), ''), nullif(current_setting('app.staff_id', true), ''));
  in_effect integer;
BEGIN
  IF current_user NOT IN ('portal_customer', 'portal_staff', 'portal_ingest') THEN
    RETURN NEW;
  END IF;
  IF side IS NULL THEN
    RAISE EXCEPTION 'this role cannot change an escalation protocol' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT max(version) INTO in_effect FROM escalation_protocol_versions
     WHERE tenant_id = NEW.tenant_id AND status = 'accepted';
    IF NEW.status <> 'pending' OR NEW.proposed_side <> side OR NEW.proposed_by_user_id IS DISTINCT FROM me
       OR NEW.decided_side IS NOT NULL OR NEW.decided_by_user_id IS NOT NULL OR NEW.decided_at IS NOT NULL
       OR NEW.based_on IS DISTINCT FROM in_effect THEN
      RAISE EXCEPTION 'a proposal is pending, by your own side, on top of the protocol in effect'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.proposed_at := now();
    RETURN NEW;
  END IF;
  IF OLD.status <> 'pending' THEN
    RAISE EXCEPTION 'this proposal was already decided' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.decided_side IS DISTINCT FROM side OR NEW.decided_by_user_id IS DISTINCT FROM me THEN
    RAISE EXCEPTION 'a decision is taken in your own name' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.status IN ('accepted', 'declined') AND side = OLD.proposed_side THEN
    RAISE EXCEPTION 'the other side accepts or declines a proposal' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.status = 'withdrawn' AND side <> OLD.proposed_side THEN
    RAISE EXCEPTION 'only the proposing side withdraws a proposal' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.status = 'pending' THEN
    RAISE EXCEPTION 'a decision accepts, declines or withdraws' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.status = 'accepted' THEN
    SELECT max(version) INTO in_effect FROM escalation_protocol_versions
     WHERE tenant_id = OLD.tenant_id AND status = 'accepted';
    IF OLD.based_on IS DISTINCT FROM in_effect THEN
      RAISE EXCEPTION 'the protocol changed since this was proposed' USING ERRCODE = 'serialization_failure';
    END IF;
  END IF;
  NEW.decided_at := now();
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER escalation_protocol_versions_guard BEFORE INSERT OR UPDATE ON escalation_protocol_versions
  FOR EACH ROW EXECUTE FUNCTION escalation_protocol_versions_guard();
--> statement-breakpoint
CREATE TRIGGER escalation_protocol_versions_no_delete BEFORE DELETE OR TRUNCATE ON escalation_protocol_versions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_rewrite();
--> statement-breakpoint
ALTER TABLE escalations ADD COLUMN protocol_version integer;
--> statement-breakpoint
ALTER TABLE escalations ADD COLUMN level text DEFAULT 'agent' NOT NULL;
--> statement-breakpoint
ALTER TABLE escalations ADD COLUMN level_changed_at timestamp with time zone;
--> statement-breakpoint
ALTER TABLE escalations ADD CONSTRAINT escalations_protocol_version_fk FOREIGN KEY (tenant_id, protocol_version)
  REFERENCES escalation_protocol_versions (tenant_id, version);
--> statement-breakpoint
ALTER TABLE escalations ADD CONSTRAINT escalations_level_known
  CHECK (level IN ('agent', 'lead', 'account_executive', 'leadership'));
--> statement-breakpoint
GRANT SELECT (protocol_version, level, level_changed_at) ON escalations TO portal_customer;
--> statement-breakpoint
-- A runtime insert is raised under the protocol in effect, at the first level, whatever it says;
-- only the owner (seed, migrations) writes history with other values.
CREATE FUNCTION escalations_protocol_at_raise() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_user IN ('portal_customer', 'portal_staff', 'portal_ingest') THEN
    SELECT max(version) INTO NEW.protocol_version FROM escalation_protocol_versions
     WHERE tenant_id = NEW.tenant_id AND status = 'accepted';
    NEW.level := 'agent';
    NEW.level_changed_at := NULL;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER escalations_protocol_at_raise BEFORE INSERT ON escalations
  FOR EACH ROW EXECUTE FUNCTION escalations_protocol_at_raise();
