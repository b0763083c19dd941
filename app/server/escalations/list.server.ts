// The customer's list and the staff queue, running clocks with the least time left first.
import { type EscalationStatus, type Severity } from "#app/domain/escalations/workflow";
import { parseEscalationKey } from "#app/domain/escalations/keys";
import {
  answeredSince,
  breachedSince,
  leadFacts,
  windowStart,
  type LeadItem,
  type LeadWindow,
} from "#app/domain/escalations/lead-metrics";
import { and, desc, eq, ilike, isNull, ne, or, type SQL } from "drizzle-orm";
import { escalations, orders, tenants } from "#db/schema/index";
import type { TenantTier } from "#db/schema/tenancy";
import type { RecurringFilter } from "#app/domain/joint/recurring";
import { recurringCondition } from "../joint/recurring.server";
import { withTenant } from "../tenant-db.server";
import { type EscalationActor } from "./actor.server";
import { type PublicRow, isUuid, publicColumns, tenantColumns, tenantOf } from "./row.server";
import { slaContextsByTenant, slaFor } from "./sla.server";
import { type EscalationSummary, summarize } from "./views.server";

export interface ListFilters {
  status?: EscalationStatus | "active" | "all";
  severity?: Severity;
  tenantId?: string;
  tier?: TenantTier;
  /** "me", "unassigned", "me_or_unassigned" or a staff user id. */
  assignee?: string;
  sla?: "breaching_soon" | "breached" | "at_risk";
  /** What needs a lead: clocks breached or breaching soon, or an exception waiting for approval. */
  attention?: boolean;
  /** A key (ACME-12), a number (ESC-12, 12), an order number (SO-100012) or words of the title. */
  q?: string;
  orderId?: string;
  /** A recurring-failure count's drill-down: resolved in a period at one account, by cause, site or carrier. */
  recurring?: RecurringFilter;
  /** A clock (first response or resolution) ran out during the account's current week. */
  breached?: "week";
  /** First answered within the window (the account's current week, or it and the three before). */
  answered?: LeadWindow;
  limit?: number;
}

/** A queue row with what the lead figures count (the workload view). */
export interface LeadRow {
  summary: EscalationSummary;
  lead: LeadItem;
  assigneeStaffId: string | null;
}

/** Customer list (their tenant) or staff queue (every account they may see), by time left. */
export async function listEscalations(actor: EscalationActor, filters: ListFilters = {}): Promise<EscalationSummary[]> {
  return (await listLeadRows(actor, filters)).map((r) => r.summary);
}

/**
 * The listing with each row's lead facts (breach instants, first response in business time) and
 * owner; the queue's filters and the workload figures both read it, so each figure is its list.
 */
export async function listLeadRows(
  actor: EscalationActor,
  filters: ListFilters = {},
  now: Date = new Date(),
): Promise<LeadRow[]> {
  return withTenant(actor.db, async (tx) => {
    const where: SQL[] = [];
    const status = filters.status ?? "all";
    if (status === "active") where.push(ne(escalations.status, "closed"));
    else if (status !== "all") where.push(eq(escalations.status, status));
    if (filters.severity) where.push(eq(escalations.severity, filters.severity));
    if (filters.tenantId && isUuid(filters.tenantId)) where.push(eq(escalations.tenantId, filters.tenantId));
    if (filters.tier) where.push(eq(tenants.tier, filters.tier));
    if (filters.orderId && isUuid(filters.orderId)) where.push(eq(escalations.orderId, filters.orderId));
    if (actor.kind === "staff" && filters.assignee) {
      if (filters.assignee === "unassigned") where.push(isNull(escalations.assigneeStaffId));
      else if (filters.assignee === "me_or_unassigned") {
        where.push(or(isNull(escalations.assigneeStaffId), eq(escalations.assigneeStaffId, actor.staffId))!);
      } else where.push(eq(escalations.assigneeStaffId, filters.assignee === "me" ? actor.staffId : filters.assignee));
    }
    if (filters.recurring) where.push(recurringCondition(filters.recurring));
    const search = filters.q?.trim();
    if (search) where.push(searchCondition(search));
    const rows = await tx
      .select({
        ...publicColumns,
        ...tenantColumns,
        orderNumber: orders.orderNumber,
        // The owner's id is a staff column; a customer's role reads it as null.
        ...(actor.kind === "staff" ? { assigneeStaffId: escalations.assigneeStaffId } : {}),
      })
      .from(escalations)
      .innerJoin(tenants, eq(tenants.id, escalations.tenantId))
      .leftJoin(orders, and(eq(orders.tenantId, escalations.tenantId), eq(orders.id, escalations.orderId)))
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(escalations.createdAt))
      .limit(Math.min(filters.limit ?? 500, 1000));
    const slaContextOf = slaContextsByTenant(tx);
    const out: LeadRow[] = [];
    for (const row of rows) {
      const slaCtx = await slaContextOf(tenantOf(row as PublicRow), row.tier);
      const lead: LeadItem = {
        ...leadFacts(slaFor(row as PublicRow, slaCtx, now)),
        windowStarts: {
          week: windowStart("week", now, slaCtx.timeZone, slaCtx.weekStart),
          "4w": windowStart("4w", now, slaCtx.timeZone, slaCtx.weekStart),
        },
      };
      const owner = (row as { assigneeStaffId?: string | null }).assigneeStaffId ?? null;
      out.push({ summary: summarize(row as PublicRow, slaCtx, now), lead, assigneeStaffId: owner });
    }
    const filtered = out.filter(({ summary: e, lead }) => {
      if (filters.breached === "week" && !breachedSince(lead, lead.windowStarts.week, now)) return false;
      if (filters.answered && !answeredSince(lead, lead.windowStarts[filters.answered], now)) return false;
      if (filters.attention) {
        return e.clockStatus === "breached" || e.clockStatus === "breaching_soon" || e.exceptionStatus === "pending";
      }
      if (filters.sla === "breached") return e.clockStatus === "breached";
      if (filters.sla === "breaching_soon") return e.clockStatus === "breaching_soon";
      if (filters.sla === "at_risk") return e.clockStatus === "breached" || e.clockStatus === "breaching_soon";
      return true;
    });
    // Running clocks first, least time left first; paused, then finished ones after.
    const rank = (e: EscalationSummary) =>
      e.clockStatus === "paused" ? 1 : e.clockStatus === "met" || e.clockStatus === "missed" ? 2 : 0;
    return filtered.sort((a, b) => rank(a.summary) - rank(b.summary) || a.summary.minutesLeft - b.summary.minutesLeft);
  });
}

/**
 * A key matches its account and number; a bare number any account's escalation of that number or
 * an order whose number ends in "-<digits>"; a key-shaped text also an order of exactly that
 * number (SO-100012 reads like a key); other text the title or the order number.
 */
function searchCondition(search: string): SQL {
  const key = parseEscalationKey(search);
  const like = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
  if (key?.shortCode) {
    return or(
      and(eq(tenants.shortCode, key.shortCode), eq(escalations.number, key.number)),
      ilike(orders.orderNumber, like(search.trim().replace(/^([A-Za-z][A-Za-z0-9]*?)[\s-]?(\d+)$/, "$1-$2"))),
    )!;
  }
  if (key) return or(eq(escalations.number, key.number), ilike(orders.orderNumber, `%-${key.number}`))!;
  // The queue reads at most a few hundred rows per account set; a title scan is fine here.
  const words = `%${like(search)}%`;
  return or(ilike(escalations.title, words), ilike(orders.orderNumber, words))!;
}
