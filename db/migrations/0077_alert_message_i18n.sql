-- 0077: internal alerts in the reader's language. An alert's `message` is written once, in
-- English, for every staff member; `message_i18n` keeps the same text as a catalogue message id
-- and its values ({"id": "staff.alert.breached", "values": {...}}), so the queue shows it in each
-- reader's language. Older rows (and kinds written elsewhere) keep only `message`, shown as it is.
-- Table-level SELECT and INSERT grants to portal_staff cover the new column.
ALTER TABLE escalation_alerts ADD COLUMN message_i18n jsonb;
