-- 0070 SLA digest: customer users subscribe to a weekly or per-fiscal-period SLA digest e-mail
-- (no row = no digest), and the digest service keeps one delivery row per (user, fiscal period)
-- so a restart or a second process never sends a digest twice. Pattern of 0003: tenant_id leads
-- every key, ENABLE + FORCE ROW LEVEL SECURITY, a person sees and changes only their own row.
CREATE TABLE "sla_digest_subscriptions" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"user_id" text NOT NULL,
	"cadence" text NOT NULL CHECK ("cadence" IN ('week', 'period')),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_digest_subscriptions_pk" PRIMARY KEY ("tenant_id", "user_id")
);
--> statement-breakpoint
-- One row per digest due: claimed by a process (status 'sending', claimed_until in the future),
-- then 'sent'. A claim that expires without 'sent' (the process died before the mail server took
-- the mail) is claimed again; after 5 attempts the row is 'failed'. The primary key is the
-- once-per-user-and-period guarantee.
CREATE TABLE "sla_digest_deliveries" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"user_id" text NOT NULL,
	"period_id" text NOT NULL CHECK (length("period_id") <= 20),
	"cadence" text NOT NULL CHECK ("cadence" IN ('week', 'period')),
	"status" text DEFAULT 'pending' NOT NULL CHECK ("status" IN ('pending', 'sending', 'sent', 'failed')),
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_by" uuid,
	"claimed_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_digest_deliveries_pk" PRIMARY KEY ("tenant_id", "user_id", "period_id")
);
--> statement-breakpoint
-- The job scans the open rows of every tenant: a partial index holding only those, keyed like every
-- tenant index (tenant_id first, catalog rule), read whole since it stays small.
CREATE INDEX "sla_digest_deliveries_open_idx" ON "sla_digest_deliveries" USING btree ("tenant_id", "created_at") WHERE "status" IN ('pending', 'sending');
--> statement-breakpoint
ALTER TABLE "sla_digest_subscriptions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "sla_digest_subscriptions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "sla_digest_deliveries" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "sla_digest_deliveries" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A customer user reads and sets only their own subscription, in their own tenant. A missing
-- user setting matches nothing. Staff and ingest keys have no policy and no grant.
CREATE POLICY sla_digest_subscriptions_customer ON sla_digest_subscriptions TO portal_customer
  USING (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
         AND user_id = (SELECT nullif(current_setting('app.user_id', true), '')))
  WITH CHECK (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
              AND user_id = (SELECT nullif(current_setting('app.user_id', true), '')));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON sla_digest_subscriptions TO portal_customer;
--> statement-breakpoint
-- The delivery rows belong to the digest service, a system job on the owner connection: no
-- runtime role has a policy or a grant on them (as order_alerts_sent in 0003).
