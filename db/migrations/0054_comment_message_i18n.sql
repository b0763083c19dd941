-- 0054: comments Sightline writes itself (the two public comments of a merge) in the reader's
-- language, as 0088 did for notifications. `body` keeps the English text (older code and the
-- record); `message_key` names a catalogue message and `message_params` its values, so the page
-- and the API put it into the reader's words. People's own comments have no key and are shown as
-- written. Merge comments written before this migration get their key from their English text.
-- Table-level SELECT and INSERT grants (0005) cover the new columns; the policies are unchanged.
ALTER TABLE escalation_comments ADD COLUMN message_key text;
--> statement-breakpoint
ALTER TABLE escalation_comments ADD COLUMN message_params jsonb;
--> statement-breakpoint
ALTER TABLE escalation_comments DISABLE TRIGGER escalation_comments_append_only;
--> statement-breakpoint
UPDATE escalation_comments SET
  message_key = 'escalations.merge.comment.duplicate',
  message_params = jsonb_build_object(
    'ref', substring(body FROM '^This escalation duplicates (\S+) \(“'),
    'title', substring(body FROM '^This escalation duplicates \S+ \(“(.*)”\); we continue there\.$'))
WHERE author_kind = 'staff' AND body ~ '^This escalation duplicates \S+ \(“.*”\); we continue there\.$';
--> statement-breakpoint
UPDATE escalation_comments SET
  message_key = 'escalations.merge.comment.mergedHere',
  message_params = jsonb_build_object(
    'ref', substring(body FROM '^(\S+) \(“'),
    'title', substring(body FROM '^\S+ \(“(.*)”\) was merged into this escalation; its conversation stays on its own page\.$'))
WHERE author_kind = 'staff'
  AND body ~ '^\S+ \(“.*”\) was merged into this escalation; its conversation stays on its own page\.$';
--> statement-breakpoint
ALTER TABLE escalation_comments ENABLE TRIGGER escalation_comments_append_only;
