// Audit trails people can read: who acted (a customer, a staff member, an integration or the
// system), and machine activity folded so that human actions are not buried under it (the demo
// simulator alone writes an ingest entry every few seconds).

export const ACTOR_KINDS = ["customer", "staff", "integration", "system"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** The kinds of things the trail names, for the entity filter. */
export const AUDIT_TARGET_TYPES = [
  "escalation",
  "escalation_alert",
  "escalation_sla_target",
  "tenant",
  "user",
  "invitation",
  "calendar",
  "embed_key",
  "ingest_key",
  "performance_alert",
] as const;

/** What a customer filters by: people (their own users and support staff), integrations, the system. */
export const CUSTOMER_ACTOR_KINDS = ["person", "integration", "system"] as const;
export type CustomerActorKind = (typeof CUSTOMER_ACTOR_KINDS)[number];

/** The actor kinds one customer filter value stands for. */
export function actorKindsFor(kind: CustomerActorKind): ActorKind[] {
  return kind === "person" ? ["customer", "staff"] : [kind];
}

/** Entity filter values a customer's log can hold (internal alerts and SLA targets are staff matters). */
export const CUSTOMER_TARGET_TYPES = AUDIT_TARGET_TYPES.filter(
  (t) => t !== "escalation_alert" && t !== "escalation_sla_target",
);

export function isMachine(kind: ActorKind): boolean {
  return kind === "integration" || kind === "system";
}

export type AuditItem<R> = { kind: "entry"; row: R } | { kind: "machine"; rows: R[] };

/**
 * Runs of at least `min` consecutive machine entries become one item (in the order given);
 * everything else stays one item per entry.
 */
export function groupMachineActivity<R extends { actorKind: ActorKind }>(rows: readonly R[], min = 2): AuditItem<R>[] {
  const out: AuditItem<R>[] = [];
  let run: R[] = [];
  const flush = () => {
    if (run.length >= min) out.push({ kind: "machine", rows: run });
    else for (const row of run) out.push({ kind: "entry", row });
    run = [];
  };
  for (const row of rows) {
    if (isMachine(row.actorKind)) run.push(row);
    else {
      flush();
      out.push({ kind: "entry", row });
    }
  }
  flush();
  return out;
}
