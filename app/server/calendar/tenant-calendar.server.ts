// The tenant's business calendar: the latest (or a given) stored version from tenant_calendars,
// or, for a tenant that never saved one, the default derived from its time zone and country
// (version 0). Compiled calendars are cached per (tenant, version): versions never change once
// stored, so the cache needs no invalidation.
import { and, desc, eq } from "drizzle-orm";
import { tenantCalendars } from "#db/schema/index";
import { compileCalendar, defaultCalendarFor } from "#app/domain/calendar/index";
import type { CalendarDefinition, CompiledCalendar } from "#app/domain/calendar/types";
import { describeCalendar } from "#app/domain/sla/describe";
import { metricCalendarOf } from "#app/domain/sla/calendar-adapter";
import type { MetricCalendar } from "#app/domain/sla/metrics";
import type { Tx } from "../tenant-db.server";

export interface TenantRef {
  id: string;
  timeZone: string;
  country: string;
  region: string | null;
}

export interface TenantCalendar {
  tenantId: string;
  /** 0 = the default calendar of a tenant that has not stored one. */
  version: number;
  label: string;
  definition: CalendarDefinition;
  createdAt: Date | null;
  compiled: CompiledCalendar;
  metric: MetricCalendar;
}

/** Years around today that compiled calendars cover: order history and promised dates ahead. */
const YEARS_BACK = 6;
const YEARS_AHEAD = 3;
const CACHE_MAX = 64;
const cache = new Map<string, { compiled: CompiledCalendar; metric: MetricCalendar }>();

function compileCached(key: string, definition: CalendarDefinition, back = YEARS_BACK, ahead = YEARS_AHEAD) {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // keep most recently used last
    cache.set(key, hit);
    return hit;
  }
  const year = new Date().getUTCFullYear();
  const compiled = compileCalendar(definition, { fromYear: year - back, toYear: year + ahead });
  const metric = metricCalendarOf(compiled);
  const entry = { compiled, metric };
  cache.set(key, entry);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
  return entry;
}

export function defaultDefinition(tenant: TenantRef): CalendarDefinition {
  return defaultCalendarFor({ timeZone: tenant.timeZone, country: tenant.country, region: tenant.region });
}

/** Compiles a definition for previews (last year to two years ahead); cached by content. */
export function compilePreview(definition: CalendarDefinition) {
  return compileCached(`preview:${JSON.stringify(definition)}`, definition, 1, 2);
}

/**
 * Calendars already read in a transaction, by tenant and version: a page whose services join one
 * transaction (withTenant) reads the calendar once, not once per service. Cleared for a tenant
 * when a transaction stores a new version (forgetTenantCalendars).
 */
const readInTransaction = new WeakMap<Tx, Map<string, Promise<TenantCalendar>>>();

/** Within a transaction whose role may read tenant_calendars (customer, staff, ingest). */
export function loadTenantCalendar(tx: Tx, tenant: TenantRef, version?: number): Promise<TenantCalendar> {
  let read = readInTransaction.get(tx);
  if (!read) readInTransaction.set(tx, (read = new Map()));
  const key = `${tenant.id}:${version ?? "latest"}:${tenant.timeZone}:${tenant.country}:${tenant.region ?? ""}`;
  let calendar = read.get(key);
  if (!calendar) {
    calendar = readTenantCalendar(tx, tenant, version);
    read.set(key, calendar);
    calendar.catch(() => read.delete(key));
  }
  return calendar;
}

/** After storing a calendar version in `tx`: later loads in that transaction read it. */
export function forgetTenantCalendars(tx: Tx, tenantId: string): void {
  const read = readInTransaction.get(tx);
  for (const key of [...(read?.keys() ?? [])]) if (key.startsWith(`${tenantId}:`)) read!.delete(key);
}

async function readTenantCalendar(tx: Tx, tenant: TenantRef, version?: number): Promise<TenantCalendar> {
  const [row] = await tx
    .select({
      version: tenantCalendars.version,
      definition: tenantCalendars.definition,
      label: tenantCalendars.label,
      createdAt: tenantCalendars.createdAt,
    })
    .from(tenantCalendars)
    .where(
      version === undefined
        ? eq(tenantCalendars.tenantId, tenant.id)
        : and(eq(tenantCalendars.tenantId, tenant.id), eq(tenantCalendars.version, version)),
    )
    .orderBy(desc(tenantCalendars.version))
    .limit(1);
  if (!row) {
    const definition = defaultDefinition(tenant);
    const key = `${tenant.id}:0:${JSON.stringify(definition)}`;
    return {
      tenantId: tenant.id,
      version: 0,
      label: `Default: ${describeCalendar(definition)}`,
      definition,
      createdAt: null,
      ...compileCached(key, definition),
    };
  }
  const definition = row.definition as unknown as CalendarDefinition;
  return {
    tenantId: tenant.id,
    version: row.version,
    label: row.label,
    definition,
    createdAt: row.createdAt,
    // created_at tells apart databases that share tenant ids (tests run PGlite and PostgreSQL side by side).
    ...compileCached(`${tenant.id}:${row.version}:${row.createdAt.getTime()}`, definition),
  };
}
