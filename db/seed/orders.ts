// Generates believable order histories: lead times, holds, backorders, short shipments,
// exceptions and lateness that follow each customer's service profile.
import { Temporal } from "temporal-polyfill";
import type { OrderEventType, OrderPriority, OrderStatus } from "../schema/orders";
import { isStatus } from "#app/domain/orders/statuses";
import { DEFAULT_BACKORDER_RATE, type ServiceAtMoment, type TenantProfile } from "./demo-tenants";
import type { Rng } from "./random";

export interface GeneratedOrder {
  order: {
    tenantId: string;
    id: string;
    source: string;
    externalId: string;
    version: number;
    orderNumber: string;
    customerPo: string;
    siteId: string;
    status: OrderStatus;
    statusAt: Date;
    holdReason: string | null;
    priority: OrderPriority;
    orderedAt: Date;
    requestedDate: string;
    promisedDate: string;
    predictedDate: string | null;
    shippedAt: Date | null;
    deliveredAt: Date | null;
    carrier: string | null;
    trackingNumber: string | null;
    currency: string;
    value: string;
    cost: string;
    margin: string;
    internalNotes: string | null;
  };
  lines: {
    tenantId: string;
    orderId: string;
    lineNo: number;
    sku: string;
    description: string;
    qtyOrdered: string;
    qtyShipped: string;
    unitPrice: string;
    unitCost: string;
  }[];
  shipments: {
    tenantId: string;
    id: string;
    orderId: string;
    externalId: string;
    carrier: string;
    trackingNumber: string;
    trackingUrl: string;
    status: string;
    shippedAt: Date | null;
    deliveredAt: Date | null;
  }[];
  events: {
    tenantId: string;
    orderId: string;
    source: string;
    eventId: string;
    type: OrderEventType;
    occurredAt: Date;
    location: string | null;
    detail: Record<string, unknown>;
  }[];
}

/** The texts of seeded holds, exceptions, damage, document errors and notes (also db/seed/scale.ts). */
export const HOLD_REASONS = [
  "Credit check pending",
  "Awaiting customer confirmation of delivery address",
  "Export documentation under review",
  "Quality inspection hold",
];
export const EXCEPTIONS = [
  "Damaged in transit — re-packed at hub",
  "Delivery address not accessible",
  "Customs inspection",
];
export const DAMAGE = [
  "Pallet crushed, 3 cartons damaged",
  "Water damage to outer packaging",
  "Forklift damage at the dock",
];
export const DOCUMENT_ERRORS = [
  "Commercial invoice missing from the shipment",
  "Packing list does not match the delivery",
  "Wrong PO number on the delivery note",
];
export const INTERNAL_NOTES = [
  "Margin below floor — approved by sales director",
  "Expedite cost absorbed by us",
  "Customer on watch list for payment terms",
  null,
  null,
  null,
];

function trackingNumber(rng: Rng, carrier: string): string {
  const digits = (n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join("");
  switch (carrier) {
    case "UPS":
      return `1Z${digits(4)}E${digits(11)}`;
    case "DHL":
      return `00340434${digits(12)}`;
    default:
      return `${carrier.slice(0, 2).toUpperCase()}${digits(12)}`;
  }
}

/** An instant at a local wall-clock time in a zone (DST-safe). */
function localInstant(date: Temporal.PlainDate, hour: number, minute: number, zone: string): Temporal.Instant {
  return date.toZonedDateTime({ timeZone: zone, plainTime: new Temporal.PlainTime(hour, minute) }).toInstant();
}

function toDate(i: Temporal.Instant): Date {
  return new Date(i.epochMilliseconds);
}

export interface GenerateOptions {
  profile: TenantProfile;
  siteIds: string[];
  rng: Rng;
  now: Temporal.Instant;
  count: number;
  /** How far back orders go. */
  days?: number;
}

/** Yields orders oldest first, numbered in that order. */
export function* generateOrders(opts: GenerateOptions): Generator<GeneratedOrder> {
  const { profile, rng, now, count, siteIds } = opts;
  const days = opts.days ?? 548;
  const zone = profile.timeZone;
  const today = now.toZonedDateTimeISO(zone).toPlainDate();
  // Order placement days, sorted so order numbers rise with time.
  const offsets = Array.from({ length: count }, () => rng.int(0, days)).sort((a, b) => b - a);
  for (let n = 0; n < count; n++) {
    let day = today.subtract({ days: offsets[n] });
    if (day.dayOfWeek >= 6 && rng.chance(0.8)) day = day.add({ days: 8 - day.dayOfWeek });
    const orderedAt = localInstant(day, rng.int(7, 17), rng.int(0, 59), zone);
    if (Temporal.Instant.compare(orderedAt, now) > 0) continue;
    yield buildOrder(profile, siteIds, rng, now, orderedAt, n + 1);
  }
}

/** The carrier of an order (by the story's shares, else uniformly) and its on-time rate. */
function pickCarrier(
  profile: TenantProfile,
  service: ServiceAtMoment,
  rng: Rng,
): { carrier: TenantProfile["carriers"][number]; onTimeRate: number } {
  const fallback = service.onTimeRate ?? profile.onTimeRate;
  if (!service.carriers?.length) return { carrier: rng.pick(profile.carriers), onTimeRate: fallback };
  const total = service.carriers.reduce((sum, c) => sum + c.share, 0);
  let x = rng.next() * total;
  const chosen = service.carriers.find((c) => (x -= c.share) < 0) ?? service.carriers[service.carriers.length - 1];
  const carrier = profile.carriers.find((c) => c.name === chosen.name);
  if (!carrier) throw new Error(`${profile.slug}: the story names an unknown carrier ${chosen.name}`);
  return { carrier, onTimeRate: chosen.onTimeRate ?? fallback };
}

function buildOrder(
  profile: TenantProfile,
  siteIds: string[],
  rng: Rng,
  now: Temporal.Instant,
  orderedAt: Temporal.Instant,
  number: number,
): GeneratedOrder {
  const zone = profile.timeZone;
  const tenantId = profile.id;
  const id = rng.uuid();
  const orderDay = orderedAt.toZonedDateTimeISO(zone).toPlainDate();
  const priority: OrderPriority = rng.chance(0.06) ? "critical" : rng.chance(0.15) ? "expedited" : "standard";
  const leadDays = priority === "critical" ? rng.int(2, 4) : priority === "expedited" ? rng.int(3, 8) : rng.int(6, 21);
  const requested = orderDay.add({ days: leadDays });
  const promised = rng.chance(0.25) ? requested.add({ days: rng.int(1, 4) }) : requested;
  const today = now.toZonedDateTimeISO(zone).toPlainDate();
  const service = profile.story?.({ daysAgo: promised.until(today).days, month: promised.month }) ?? {};
  const { carrier, onTimeRate } = pickCarrier(profile, service, rng);
  const site = rng.pick(profile.sites);
  const shipments: GeneratedOrder["shipments"] = [];

  // Lines.
  const lineCount = rng.int(1, 6);
  const lines: GeneratedOrder["lines"] = [];
  let value = 0;
  let cost = 0;
  const used = new Set<string>();
  for (let l = 1; l <= lineCount; l++) {
    let item = rng.pick(profile.catalogue);
    for (let tries = 0; used.has(item.sku) && tries < 5; tries++) item = rng.pick(profile.catalogue);
    used.add(item.sku);
    const qty = item.price > 200 ? rng.int(1, 12) : rng.int(5, 400);
    const unitCost = item.price * (0.55 + rng.next() * 0.25);
    value += qty * item.price;
    cost += qty * unitCost;
    lines.push({
      tenantId,
      orderId: id,
      lineNo: l,
      sku: item.sku,
      description: item.description,
      qtyOrdered: qty.toFixed(2),
      qtyShipped: "0",
      unitPrice: item.price.toFixed(4),
      unitCost: unitCost.toFixed(4),
    });
  }

  // Plan the life of the order.
  const events: GeneratedOrder["events"] = [];
  let eventNo = 0;
  const add = (type: OrderEventType, at: Temporal.Instant, detail: Record<string, unknown> = {}, location?: string) => {
    eventNo++;
    events.push({
      tenantId,
      orderId: id,
      source: [
        "received",
        "confirmed",
        "cancelled",
        "on_hold",
        "eta_changed",
        "claim_filed",
        "document_error",
      ].includes(type)
        ? "erp"
        : ["allocated", "backordered", "picked", "packed"].includes(type)
          ? "wms"
          : "tms",
      eventId: `${profile.slug}-${number}-${eventNo}`,
      type,
      occurredAt: toDate(at),
      location: location ?? null,
      detail,
    });
  };
  const hours = (h: number) => ({ minutes: Math.round(h * 60) });
  add("received", orderedAt);
  let t = orderedAt.add(hours(0.5 + rng.next() * 5));
  add("confirmed", t);
  let holdReason: string | null = null;
  if (rng.chance(0.015)) {
    add("cancelled", t.add(hours(2 + rng.next() * 48)), { reason: "Cancelled at customer request" });
    return finish();
  }
  const backordered = rng.chance(service.backorderRate ?? DEFAULT_BACKORDER_RATE);
  if (backordered) {
    t = t.add(hours(2 + rng.next() * 20));
    add("backordered", t, { sku: lines[0].sku, expected: "restock" });
    t = t.add(hours(24 * rng.int(2, 6)));
  } else {
    t = t.add(hours(3 + rng.next() * 24));
  }
  add("allocated", t);
  if (rng.chance(0.04)) {
    holdReason = rng.pick(HOLD_REASONS);
    t = t.add(hours(1 + rng.next() * 6));
    add("on_hold", t, { reason: holdReason });
    t = t.add(hours(24 * rng.int(1, 3)));
    add("allocated", t, { note: "Hold released" });
  }

  // Delivery date drives the rest: on time per profile, or late by 1-6 days.
  // The carrier's own rate where the demo story gives one (a weaker carrier shows in the miss breakdown).
  const late = !rng.chance(onTimeRate) || backordered;
  const deliveryDay = late ? promised.add({ days: rng.int(1, 6) }) : promised.subtract({ days: rng.int(0, 2) });
  const transitDays = rng.int(1, 3);
  let shipDay = deliveryDay.subtract({ days: transitDays });
  const earliestShip = t.add(hours(6)).toZonedDateTimeISO(zone).toPlainDate();
  if (Temporal.PlainDate.compare(shipDay, earliestShip) < 0) shipDay = earliestShip;
  const shipAt = localInstant(shipDay, rng.int(13, 17), rng.int(0, 59), zone);
  add("picked", shipAt.subtract(hours(3 + rng.next() * 2)));
  add("packed", shipAt.subtract(hours(0.5 + rng.next())));

  const short = rng.chance(
    service.siteShortShipRate?.[site.code] ?? site.shortShipRate ?? service.shortShipRate ?? profile.shortShipRate,
  );
  // A restock that did not cover the whole backordered line ships it short as well as late.
  const shortLine = short ? rng.int(0, lines.length - 1) : backordered && rng.chance(0.5) ? 0 : -1;
  lines.forEach((line, i) => {
    const ordered = Number(line.qtyOrdered);
    const shipped = i === shortLine ? Math.max(0, Math.floor(ordered * (0.5 + rng.next() * 0.4))) : ordered;
    line.qtyShipped = shipped.toFixed(2);
  });
  const tracking = trackingNumber(rng, carrier.name);
  add("shipped", shipAt, { carrier: carrier.name, trackingNumber: tracking }, "Warehouse");
  add("in_transit", shipAt.add(hours(2 + rng.next() * 4)), {}, "Carrier hub");
  const deliverAt = localInstant(
    Temporal.PlainDate.compare(deliveryDay, shipDay) <= 0 ? shipDay.add({ days: 1 }) : deliveryDay,
    rng.int(9, 16),
    rng.int(0, 59),
    site.timeZone,
  );
  if (rng.chance(0.025)) {
    add("exception", deliverAt.subtract(hours(20)), { reason: rng.pick(EXCEPTIONS) }, site.city);
  }
  add("out_for_delivery", deliverAt.subtract(hours(1 + rng.next() * 3)), {}, site.city);
  add("delivered", deliverAt, { signedBy: "Receiving dock" }, site.city);
  // What spoils a perfect order after delivery: damaged goods (often followed by a claim), or an
  // error in the documents found at goods receipt.
  if (rng.chance(0.015)) {
    add("damaged", deliverAt.add(hours(1 + rng.next() * 3)), { reason: rng.pick(DAMAGE) }, site.city);
    if (rng.chance(0.6)) add("claim_filed", deliverAt.add(hours(20 + rng.next() * 30)), { reason: "Carrier claim" });
  }
  if (rng.chance(0.01))
    add("document_error", deliverAt.add(hours(2 + rng.next() * 6)), { reason: rng.pick(DOCUMENT_ERRORS) });

  shipments.push({
    tenantId,
    id: rng.uuid(),
    orderId: id,
    externalId: `SHP-${profile.slug.toUpperCase()}-${number}-1`,
    carrier: carrier.name,
    trackingNumber: tracking,
    trackingUrl: carrier.url + tracking,
    status: "planned",
    shippedAt: toDate(shipAt),
    deliveredAt: toDate(deliverAt),
  });
  return finish();

  function finish(): GeneratedOrder {
    // Keep only what has happened by `now`; the rest is the future.
    const past = events.filter((e) => e.occurredAt.getTime() <= now.epochMilliseconds);
    const statusEvents = past.filter((e) => isStatus(e.type));
    const last = statusEvents[statusEvents.length - 1];
    const status = last.type as OrderStatus;
    const shippedEvent = past.find((e) => e.type === "shipped");
    const deliveredEvent = past.find((e) => e.type === "delivered");
    const hasShipped = Boolean(shippedEvent);
    for (const s of shipments) {
      s.status = deliveredEvent ? "delivered" : hasShipped ? "in_transit" : "planned";
      if (!hasShipped) s.shippedAt = null;
      if (!deliveredEvent) s.deliveredAt = null;
    }
    if (!hasShipped) for (const l of lines) l.qtyShipped = "0";
    const planned = events.find((e) => e.type === "delivered");
    const predicted =
      !deliveredEvent && status !== "cancelled" && planned
        ? Temporal.Instant.fromEpochMilliseconds(planned.occurredAt.getTime()).toZonedDateTimeISO(zone).toPlainDate()
        : null;
    return {
      order: {
        tenantId,
        id,
        source: "erp",
        externalId: `${profile.slug.toUpperCase()}-${100000 + number}`,
        version: past.length,
        orderNumber: `SO-${String(100000 + number)}`,
        customerPo: `PO-${profile.slug.slice(0, 3).toUpperCase()}-${String(20000 + number * 3)}`,
        siteId: siteIds[profile.sites.indexOf(site)] ?? siteIds[0],
        status,
        statusAt: last.occurredAt,
        holdReason: status === "on_hold" ? holdReason : null,
        priority,
        orderedAt: toDate(orderedAt),
        requestedDate: requested.toString(),
        promisedDate: promised.toString(),
        predictedDate: predicted ? predicted.toString() : null,
        shippedAt: shippedEvent ? shippedEvent.occurredAt : null,
        deliveredAt: deliveredEvent ? deliveredEvent.occurredAt : null,
        carrier: hasShipped ? carrier.name : null,
        trackingNumber: hasShipped ? shipments[0].trackingNumber : null,
        currency: profile.currency,
        value: value.toFixed(2),
        cost: cost.toFixed(2),
        margin: (value - cost).toFixed(2),
        internalNotes: rng.pick(INTERNAL_NOTES),
      },
      lines,
      shipments: hasShipped ? shipments : [],
      events: past,
    };
  }
}
