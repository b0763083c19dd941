-- 0051: merging duplicate escalations. The duplicate closes with a link to the escalation it was
-- merged into; its conversation stays where it was. Customers read the link (their own tenant's
-- rows only, by the existing policy); only staff set it.
ALTER TABLE escalations ADD COLUMN merged_into_id uuid;
--> statement-breakpoint
ALTER TABLE escalations ADD CONSTRAINT escalations_merged_into_fk
  FOREIGN KEY (tenant_id, merged_into_id) REFERENCES escalations (tenant_id, id);
--> statement-breakpoint
ALTER TABLE escalations ADD CONSTRAINT escalations_not_merged_into_itself CHECK (merged_into_id IS DISTINCT FROM id);
--> statement-breakpoint
GRANT SELECT (merged_into_id) ON escalations TO portal_customer;
--> statement-breakpoint
GRANT UPDATE (merged_into_id) ON escalations TO portal_staff;
