-- Locales: each account has a default locale (set by its customer admins); each user may choose
-- their own locale, and a time zone (staff see times in their own zone; customers in the account's).
ALTER TABLE "tenants" ADD COLUMN "default_locale" text NOT NULL DEFAULT 'en'
  CONSTRAINT "tenants_default_locale_ck" CHECK ("default_locale" IN ('en', 'de', 'ja'));
--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "locale" text
  CONSTRAINT "user_locale_ck" CHECK ("locale" IS NULL OR "locale" IN ('en', 'de', 'ja'));
--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "time_zone" text;
--> statement-breakpoint
-- Customers read their account's default and their admins change it (the row policy on tenants
-- already limits both to their own tenant; the service checks the admin role). Ingest reads it
-- for problem texts. Staff hold a table-wide SELECT grant that covers the new column.
GRANT SELECT ("default_locale"), UPDATE ("default_locale") ON "tenants" TO portal_customer;
--> statement-breakpoint
GRANT SELECT ("default_locale") ON "tenants" TO portal_ingest;
--> statement-breakpoint
-- Demo databases seeded before this migration: Nordwind (Bavaria) speaks German, Sakura (Tokyo)
-- Japanese. These fixed ids exist only in demo data; the seed sets the same for new databases.
UPDATE "tenants" SET "default_locale" = 'de' WHERE "id" = 'b2d4f000-0000-4000-8000-000000000002';
--> statement-breakpoint
UPDATE "tenants" SET "default_locale" = 'ja' WHERE "id" = 'c3e5a000-0000-4000-8000-000000000003';
