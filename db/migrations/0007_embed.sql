-- 0007 embed keys: customer-managed keys that the customer's own server exchanges for
-- short-lived widget tokens (POST /api/v1/embed/tokens). Hand-written and reviewed.
-- Only a SHA-256 of the secret is stored (32 random bytes: a fast hash is enough).
CREATE TABLE "embed_keys" (
	"tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL CHECK (length("name") BETWEEN 1 AND 100),
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	-- Exact origins (scheme://host[:port]); validated by the app, bounded here.
	"allowed_origins" text[] NOT NULL CHECK (cardinality("allowed_origins") BETWEEN 1 AND 20),
	"scopes" text[] NOT NULL CHECK (cardinality("scopes") >= 1
		AND "scopes" <@ ARRAY['orders:read', 'sla:read', 'escalations:write']::text[]),
	-- Filters every token of this key carries, e.g. {"site": ["<site uuid>"]}.
	"fixed_filters" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" text,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "embed_keys_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "embed_keys_hash_uq" ON "embed_keys" USING btree ("secret_hash");
--> statement-breakpoint
CREATE INDEX "embed_keys_tenant_created_idx" ON "embed_keys" USING btree ("tenant_id","created_at" DESC);
--> statement-breakpoint
ALTER TABLE "embed_keys" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "embed_keys" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "embed_keys_customer" ON "embed_keys" TO portal_customer
	USING ("tenant_id" = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))
	WITH CHECK ("tenant_id" = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
CREATE POLICY "embed_keys_staff" ON "embed_keys" TO portal_staff
	USING ("tenant_id" = ANY ((SELECT app_visible_tenants())::uuid[]));
--> statement-breakpoint
-- Customer admins list, create and revoke keys of their own tenant (the app checks the admin
-- role). The hash is written once and never read back at runtime; nothing is deleted.
GRANT SELECT (tenant_id, id, name, prefix, allowed_origins, scopes, fixed_filters, created_by, created_by_name,
              created_at, last_used_at, revoked_at) ON embed_keys TO portal_customer;
--> statement-breakpoint
GRANT INSERT (tenant_id, name, prefix, secret_hash, allowed_origins, scopes, fixed_filters, created_by, created_by_name)
  ON embed_keys TO portal_customer;
--> statement-breakpoint
GRANT UPDATE (revoked_at) ON embed_keys TO portal_customer;
--> statement-breakpoint
GRANT SELECT (tenant_id, id, name, prefix, allowed_origins, scopes, fixed_filters, created_by_name, created_at,
              last_used_at, revoked_at) ON embed_keys TO portal_staff;
--> statement-breakpoint
-- CORS preflights carry no credentials, so they cannot name a key or a tenant: the portal asks
-- only "is this origin allowed by any active key?" through this function, which reveals a
-- boolean and nothing else. The exact key and origin are enforced on the real request.
CREATE FUNCTION embed_origin_allowed(candidate text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM embed_keys WHERE revoked_at IS NULL AND allowed_origins @> ARRAY[candidate])
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION embed_origin_allowed(text) FROM PUBLIC;
--> statement-breakpoint
CREATE INDEX "embed_keys_origins_idx" ON "embed_keys" USING gin ("allowed_origins");
