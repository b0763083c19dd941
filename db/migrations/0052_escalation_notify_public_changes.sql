-- 0052: the live wake-up for escalations fires only when something a customer can see changed.
-- 0005 notified on every UPDATE, so staff-only writes (the SLA alert bookkeeping in alerts_sent,
-- the internal summary, the staff assignee id) woke customers' live pages and told their stream
-- that something internal had happened. Inserts still always notify.
DROP TRIGGER escalations_notify ON escalations;
--> statement-breakpoint
CREATE TRIGGER escalations_notify_insert AFTER INSERT ON escalations
  FOR EACH ROW EXECUTE FUNCTION escalations_notify();
--> statement-breakpoint
CREATE TRIGGER escalations_notify_update AFTER UPDATE ON escalations
  FOR EACH ROW
  WHEN ((OLD.status, OLD.severity, OLD.category, OLD.title, OLD.updated_at, OLD.assignee_first_name,
         OLD.exception_status, OLD.first_response_at, OLD.resolved_at, OLD.closed_at, OLD.reopen_count,
         OLD.sla_pauses, OLD.response_due_at, OLD.resolution_due_at, OLD.merged_into_id)
        IS DISTINCT FROM
        (NEW.status, NEW.severity, NEW.category, NEW.title, NEW.updated_at, NEW.assignee_first_name,
         NEW.exception_status, NEW.first_response_at, NEW.resolved_at, NEW.closed_at, NEW.reopen_count,
         NEW.sla_pauses, NEW.response_due_at, NEW.resolution_due_at, NEW.merged_into_id))
  EXECUTE FUNCTION escalations_notify();
