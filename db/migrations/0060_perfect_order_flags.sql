-- 0060 Perfect-order facts stored per order (issue 17). The scorecard decided per order whether a
-- damaged / claim_filed or a document_error event had been received, with two correlated EXISTS
-- over order_events per order: on a 131k-order account ~9.4 of 10.2 s of "this quarter". These
-- two flags hold the same answer. order_events is append-only (0002), so a flag once true stays
-- true; the trigger below sets it in the transaction that inserts the event, whoever inserts it
-- (ingest, simulator, seed), and the UPDATE below fills it for events already stored.
ALTER TABLE "orders"
	ADD COLUMN "m_damaged" boolean NOT NULL DEFAULT false,
	ADD COLUMN "m_document_error" boolean NOT NULL DEFAULT false;
--> statement-breakpoint
-- Customer-facing like the other metric columns. Nobody is granted UPDATE on them: only the
-- trigger (SECURITY DEFINER, owner) writes them.
GRANT SELECT (m_damaged, m_document_error) ON orders TO portal_customer;
--> statement-breakpoint
CREATE FUNCTION order_events_perfect_order_flags() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NEW.type IN ('damaged', 'claim_filed') THEN
    UPDATE orders SET m_damaged = true
      WHERE tenant_id = NEW.tenant_id AND id = NEW.order_id AND NOT m_damaged;
  ELSIF NEW.type = 'document_error' THEN
    UPDATE orders SET m_document_error = true
      WHERE tenant_id = NEW.tenant_id AND id = NEW.order_id AND NOT m_document_error;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION order_events_perfect_order_flags() FROM PUBLIC;
--> statement-breakpoint
-- Only the three types fire it; every other event costs nothing.
CREATE TRIGGER order_events_perfect_order_flags AFTER INSERT ON order_events
  FOR EACH ROW WHEN (NEW.type IN ('damaged', 'claim_filed', 'document_error'))
  EXECUTE FUNCTION order_events_perfect_order_flags();
--> statement-breakpoint
-- Backfill from the events already stored (one pass over order_events).
UPDATE orders o SET
  m_damaged = e.damaged,
  m_document_error = e.document_error
FROM (
  SELECT tenant_id, order_id,
    bool_or(type IN ('damaged', 'claim_filed')) AS damaged,
    bool_or(type = 'document_error') AS document_error
  FROM order_events
  WHERE type IN ('damaged', 'claim_filed', 'document_error')
  GROUP BY tenant_id, order_id
) e
WHERE o.tenant_id = e.tenant_id AND o.id = e.order_id;
