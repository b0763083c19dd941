-- 0055: why an exception request needs approval, kept as facts and worded for the reader (issue 15).
-- `reasons` (0005) held English sentences worded at write time ("A credit above 50,000.00 needs
-- executive approval."), so a German or Japanese lead read English. `reason_facts` keeps each reason
-- as `{ "kind": ..., "params": {...} }` (kinds and params: app/i18n/approval-reason.ts); the page and
-- the audit trail word it from the catalogue, the amount as money in the reader's number format.
-- Rows written before this migration are read back from their English sentences: the four sentences
-- the code wrote parse into their kind and threshold. A sentence that does not parse (hand-written
-- or seeded text) is kept as `{ "kind": "text", "params": { "text": ... } }` and shown as written, so
-- no row loses a reason. `reasons` stays as the record of what was written then; new rows leave it
-- empty. Table-level SELECT and INSERT grants (0005) cover the new column; staff may UPDATE only the
-- decision columns, so the facts are as append-only as the request.
ALTER TABLE escalation_approvals ADD COLUMN reason_facts jsonb NOT NULL DEFAULT '[]'::jsonb;
--> statement-breakpoint
ALTER TABLE escalation_approvals DISABLE TRIGGER escalation_approvals_decide;
--> statement-breakpoint
UPDATE escalation_approvals a SET reason_facts = (
  SELECT jsonb_agg(
    CASE
      WHEN x.exec IS NOT NULL THEN jsonb_build_object('kind', 'executiveCredit',
        'params', jsonb_build_object('above', replace(x.exec[1], ',', '')::numeric))
      WHEN x.lead IS NOT NULL THEN jsonb_build_object('kind', 'leadCredit',
        'params', jsonb_build_object('above', replace(x.lead[1], ',', '')::numeric, 'tier', x.lead[2]))
      WHEN x.expedite IS NOT NULL THEN jsonb_build_object('kind', 'expedite',
        'params', jsonb_build_object('tier', x.expedite[1]))
      WHEN u.r = 'A policy override always needs a support lead.' THEN
        jsonb_build_object('kind', 'policyOverride', 'params', '{}'::jsonb)
      ELSE jsonb_build_object('kind', 'text', 'params', jsonb_build_object('text', u.r))
    END ORDER BY u.ord)
  FROM unnest(a.reasons) WITH ORDINALITY AS u(r, ord)
  CROSS JOIN LATERAL (SELECT
    regexp_match(u.r, '^A credit above ([0-9][0-9,]*(?:\.[0-9]+)?) needs executive approval\.$') AS exec,
    regexp_match(u.r, '^A credit above ([0-9][0-9,]*(?:\.[0-9]+)?) for an? (strategic|key|standard) account needs a support lead\.$') AS lead,
    regexp_match(u.r, '^Expediting for an? (strategic|key|standard) account needs a support lead\.$') AS expedite) x
)
WHERE cardinality(a.reasons) > 0;
--> statement-breakpoint
ALTER TABLE escalation_approvals ENABLE TRIGGER escalation_approvals_decide;
