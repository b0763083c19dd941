// Audit entries in the reader's language. Entries store facts (detail keys and raw values,
// "to: in_progress") and who acted (a name, plus a staff role key since 0053); the words are put
// here, where they are shown: detail keys as catalogue labels, known values (statuses, categories,
// root causes, roles) as their catalogue names, numbers and times through the formatter. Entries
// written before 0053 carry English role words in the label ("Alex (support agent)", "Alex Agent
// (staff)"): those are read back into a role key, so old rows read the same as new ones.
import { approvalReasonText, readApprovalReason } from "./approval-reason";
import type { MessageId } from "./catalogue";
import type { Formatter } from "./format";
import type { MessageValues } from "./translate";

type T = (id: MessageId, values?: MessageValues) => string;
/** Whether the catalogue has a message (the reader's messages are all keys, so any locale does). */
type Has = (id: string) => boolean;

const LEGACY_ROLE: Record<string, string> = {
  "support agent": "support_agent",
  "support lead": "support_lead",
  "Sightline operations": "platform_admin",
  staff: "staff",
};
const LEGACY = / \((support agent|support lead|Sightline operations|staff)\)$/;

/** "Alex (support agent)" / "Alex (Support-Mitarbeiter)" / "Alex（サポート担当）", from the name and role key. */
export function actorText(label: string, role: string | null | undefined, t: T): string {
  const legacy = LEGACY.exec(label);
  const name = legacy ? label.slice(0, legacy.index) : label;
  const key = role ?? (legacy ? LEGACY_ROLE[legacy[1]] : null);
  return key ? t("common.actor.staff", { name, role: key }) : label;
}

// Bookkeeping keys, ids (UUIDs) that mean nothing to a reader, and an amount's currency (shown with it).
const HIDDEN = (k: string) => k === "seeded" || k === "currency" || /Id$|_id$|^id$/.test(k);
// Amounts in the entry's `currency` (an exception request's credit, in its order's currency).
const MONEY = new Set(["creditAmount"]);
// Where a key's values have catalogue names (tried in order; a value without one stays as stored).
const VALUE_NAMES: Record<string, readonly string[]> = {
  from: ["escalations.status", "joint.cause"],
  to: ["escalations.status"],
  status: ["escalations.status"],
  previous: ["joint.cause", "escalations.status"],
  next: ["joint.cause", "escalations.status"],
  cause: ["joint.cause"],
  category: ["escalations.category"],
  role: ["nav.role"],
  requiredRole: ["nav.role"],
  decision: ["common.audit.decision"],
  side: ["common.audit.side"],
  proposedSide: ["common.audit.side"],
  acceptedSide: ["common.audit.side"],
  tier: ["admin.platform.tier"],
};
const ANY_VALUE = ["escalations.status", "escalations.category", "nav.role"];
const MINUTES = new Set(["afterMinutes", "intervalMin", "firstResponseMinutes", "resolutionMinutes"]);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

type F = Pick<Formatter, "number" | "fixed" | "money" | "dateTime" | "calendarDate" | "duration">;

function valueText(key: string, v: unknown, t: T, has: Has, f: F, currency: string | null): string {
  if (v === null || v === undefined || v === "") return "—";
  // Why an exception request needs approval: facts since 0055, English sentences before (read back).
  if (key === "reasons" && !Array.isArray(v)) {
    const r = readApprovalReason(v);
    if (r) return approvalReasonText(r, t, f, currency);
  }
  if (typeof v === "boolean") return t(v ? "common.audit.yes" : "common.audit.no");
  if (typeof v === "number") {
    if (MINUTES.has(key)) return f.duration(v);
    if (MONEY.has(key)) return currency ? f.money(v, currency) : f.fixed(v, 2);
    // Reference numbers (an escalation's, an order's, a version) are names, not amounts.
    return /number$|Number$|^version$/.test(key) ? String(v) : f.number(v);
  }
  if (Array.isArray(v))
    return v.map((x) => valueText(key, x, t, has, f, currency)).join(key === "reasons" ? " " : ", ");
  if (typeof v === "string") {
    for (const ns of VALUE_NAMES[key] ?? ANY_VALUE) if (has(`${ns}.${v}`)) return t(`${ns}.${v}` as MessageId);
    if (ISO_TIME.test(v)) return f.dateTime(v);
    if (CALENDAR_DATE.test(v)) return f.calendarDate(v);
    return v;
  }
  return JSON.stringify(v);
}

/** A detail key as words: the catalogue's label, else the key spelt out ("assigneeFirstName" → "assignee first name"). */
function keyText(k: string, t: T, has: Has): string {
  const id = `common.audit.detail.${k}`;
  if (has(id)) return t(id as MessageId);
  return k
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();
}

/** An entry's details, "Status von: Offen · nach: In Bearbeitung", in the reader's words. */
export function auditDetailText(detail: Record<string, unknown>, t: T, has: Has, f: F): string {
  const currency = typeof detail.currency === "string" && detail.currency ? detail.currency : null;
  return Object.entries(detail)
    .filter(([k]) => !HIDDEN(k))
    .map(([k, v]) =>
      t("common.audit.detailPair", { key: keyText(k, t, has), value: valueText(k, v, t, has, f, currency) }),
    )
    .join(" · ");
}
