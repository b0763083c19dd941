-- 0090: running escalations keep the protocol version they were raised under "unless both agree
-- otherwise". A proposal may say it also applies to running escalations (apply_to_running, chosen
-- by the proposer, part of the terms the other side accepts: no runtime role may update it). When
-- the other side accepts such a proposal, the same transaction moves every unfinished escalation
-- of the account to the new version.
-- Neither runtime role may update escalations.protocol_version (no column grant), so the move is
-- this SECURITY DEFINER function. It moves only for the acceptance just made: the caller's own
-- side and user accepted the version in this very transaction (decided_at is the transaction's
-- now(), set by the 0082 trigger), the other side proposed it, and it applies to running
-- escalations; the account is the caller's (app.tenant_id, and for staff one they may see).
-- The service then stores the deadlines of the new targets and writes the timeline entries.
ALTER TABLE escalation_protocol_versions ADD COLUMN apply_to_running boolean DEFAULT false NOT NULL;
--> statement-breakpoint
CREATE FUNCTION move_running_escalations(p_tenant uuid, p_version integer)
RETURNS TABLE (escalation_id uuid, from_version integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  -- current_user is this function's owner here; the caller's runtime role is the SET ROLE setting.
  side text := CASE current_setting('role', true)
                 WHEN 'portal_customer' THEN 'customer' WHEN 'portal_staff' THEN 'provider' END;
  me text;
  p escalation_protocol_versions%ROWTYPE;
BEGIN
  IF side IS NULL THEN
    RAISE EXCEPTION 'this role cannot move escalations to a protocol version' USING ERRCODE = 'insufficient_privilege';
  END IF;
  me := CASE side WHEN 'customer' THEN nullif(current_setting('app.user_id', true), '')
                  ELSE nullif(current_setting('app.staff_id', true), '') END;
  IF p_tenant IS DISTINCT FROM nullif(current_setting('app.tenant_id', true), '')::uuid
     OR (side = 'provider' AND NOT (p_tenant = ANY (app_visible_tenants()))) THEN
    RAISE EXCEPTION 'not an account you work in' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT * INTO p FROM escalation_protocol_versions v WHERE v.tenant_id = p_tenant AND v.version = p_version;
  IF NOT FOUND OR p.status <> 'accepted' OR NOT p.apply_to_running
     OR p.decided_side IS DISTINCT FROM side OR p.proposed_side = side
     OR me IS NULL OR p.decided_by_user_id IS DISTINCT FROM me
     OR p.decided_at IS DISTINCT FROM now() THEN
    RAISE EXCEPTION 'running escalations move only when you accept the other side''s proposal that says so'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN QUERY
    UPDATE escalations e SET protocol_version = p_version, updated_at = now()
      FROM escalations o
     WHERE o.tenant_id = p_tenant AND o.id = e.id AND e.tenant_id = p_tenant
       AND e.status NOT IN ('resolved', 'closed')
       AND e.protocol_version IS DISTINCT FROM p_version
    RETURNING e.id, o.protocol_version;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION move_running_escalations(uuid, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION move_running_escalations(uuid, integer) TO portal_customer, portal_staff;
