-- 0088: in-app notifications in the reader's language (as 0077 did for alerts). A notice's
-- `title` and `body` are written once, in English; `message_key` names the catalogue messages
-- `<key>.title` and `<key>.body` and `message_params` holds their values, so each reader (page and
-- e-mail) gets the text in their own language when it is shown. Older rows (and notices written
-- without a key) keep only `title`/`body`, shown as they are.
-- Table-level SELECT and INSERT grants to portal_customer and portal_staff (0005) cover the new
-- columns; the row policies are unchanged.
ALTER TABLE escalation_notifications ADD COLUMN message_key text;
--> statement-breakpoint
ALTER TABLE escalation_notifications ADD COLUMN message_params jsonb;
