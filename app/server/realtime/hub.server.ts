// The in-process real-time hub.
//
// - One LISTEN per process on `sightline_events` (payload: a tenant id, sent once per committed
//   batch by the statement trigger in 0002_security.sql). NOTIFY is only a wake-up: the hub
//   tails `order_events` by the tenant's sequence, so a dropped notification loses nothing, and a
//   periodic catch-up poll (one query for all watched tenants) covers notifications that never
//   arrive (e.g. while a lost LISTEN connection is being re-established; the hub catches up
//   as soon as it is back).
// - Only tenants with subscribers are read, once per wake-up per tenant, under that tenant's
//   customer role (portal_customer, no user), then fanned out in memory to that tenant's
//   subscribers, each with its own filter. Never one read per subscriber.
// - Subscribers may resume after a sequence number (SSE Last-Event-ID): the missed events are
//   replayed from order_events in order, and live events that arrive meanwhile are held back
//   and de-duplicated by sequence, so the subscriber sees every event exactly once, in order.
// State lives on globalThis for in-process tests (their Vitest graph and the routes' Vite graph
// must share one hub) and development reloads; production runs one module graph anyway.
import { sql } from "drizzle-orm";
import type { DbHandle } from "#db/client";
import type { BackgroundService } from "../jobs/service.server";
import { getDb } from "../db.server";
import { subscribeEscalationChanges } from "../escalations/live.server";
import { logger } from "../log.server";
import type { EscalationLiveEvent, OrderLiveEvent } from "./api-schema";
import { withTenant } from "../tenant-db.server";
import { env } from "../env.server";

const log = logger("realtime");

export type { EscalationLiveEvent, OrderLiveEvent };

/** An order event with the facets subscriber filters may test (never sent to clients as such). */
export interface OrderEventFacets extends OrderLiveEvent {
  siteId: string;
  siteCode: string;
  priority: string;
}

export interface HubSubscriber {
  onOrder(event: OrderLiveEvent): void;
  onEscalation?(event: EscalationLiveEvent): void;
  /** Which order events this subscriber may receive (e.g. an embed token pinned to one site). */
  filter?(event: OrderEventFacets): boolean;
}

export interface HubStats {
  /** Reads of order_events (tail, replay and start-position queries), the figure the design bounds. */
  dbReads: number;
  tailReads: number;
  replayReads: number;
  eventsRead: number;
  deliveries: number;
  notifications: number;
  polls: number;
  subscribers: number;
  tenants: number;
}

interface Subscription {
  sub: HubSubscriber;
  /** Highest sequence handled for this subscriber. */
  cursor: number;
  /** While replaying: live events wait here. */
  pending: OrderEventFacets[] | null;
  closed: boolean;
}

interface TenantChannel {
  subs: Set<Subscription>;
  lastSeq: number;
  ready: Promise<void>;
  reading: Promise<void> | null;
  again: boolean;
}

const TAIL_PAGE = 500;
const POLL_MS = env().SIGHTLINE_HUB_POLL_MS;

type Row = {
  seq: number | string;
  order_id: string;
  order_number: string;
  type: string;
  status: string;
  occurred_at: string | Date;
  site_id: string;
  site_code: string;
  priority: string;
};

function toFacets(r: Row): OrderEventFacets {
  return {
    seq: Number(r.seq),
    orderId: r.order_id,
    orderNumber: r.order_number,
    type: r.type,
    status: r.status,
    occurredAt: new Date(r.occurred_at).toISOString(),
    siteId: r.site_id,
    siteCode: r.site_code,
    priority: r.priority,
  };
}

export function publicEvent(e: OrderEventFacets): OrderLiveEvent {
  return {
    seq: e.seq,
    orderId: e.orderId,
    orderNumber: e.orderNumber,
    type: e.type,
    status: e.status,
    occurredAt: e.occurredAt,
  };
}

/** Reads events of one tenant after `afterSeq`, under the tenant's customer role. */
async function readEvents(tenantId: string, afterSeq: number, limit: number): Promise<OrderEventFacets[]> {
  return withTenant({ role: "portal_customer", tenantId, userId: null }, async (tx) => {
    const r = await tx.execute<Row>(sql`
      select e.seq, e.order_id, o.order_number, e.type, o.status, e.occurred_at, o.site_id, s.code as site_code, o.priority
        from order_events e
        join orders o on o.tenant_id = e.tenant_id and o.id = e.order_id
        join sites s on s.tenant_id = o.tenant_id and s.id = o.site_id
       where e.tenant_id = ${tenantId} and e.seq > ${afterSeq}
       order by e.seq
       limit ${limit}`);
    return r.rows.map(toFacets);
  });
}

export class RealtimeHub {
  private readonly channels = new Map<string, TenantChannel>();
  private readonly counters = {
    dbReads: 0,
    tailReads: 0,
    replayReads: 0,
    eventsRead: 0,
    deliveries: 0,
    notifications: 0,
    polls: 0,
  };
  private stopListening: (() => Promise<void>) | null = null;
  private stopEscalations: (() => void) | null = null;
  private poller: ReturnType<typeof setInterval> | null = null;
  private handle: DbHandle | null = null;

  async start(handle: DbHandle): Promise<void> {
    if (this.handle === handle) return;
    if (this.handle) await this.stop();
    this.handle = handle;
    this.stopListening = await handle.listen(
      "sightline_events",
      (payload) => {
        this.counters.notifications++;
        this.wake(payload.trim());
      },
      {
        // The LISTEN connection was lost and is back (db/client.ts re-establishes it): catch up
        // at once on what was committed meanwhile, rather than at the next poll.
        onReconnect: () =>
          void this.poll().catch((err: unknown) => log.error({ err }, "catch-up after reconnect failed")),
      },
    );
    try {
      this.stopEscalations = await subscribeEscalationChanges((payload: unknown) => this.forwardEscalation(payload));
    } catch (err) {
      log.error({ err }, "escalation changes are not forwarded");
    }
    this.poller = setInterval(
      () => void this.poll().catch((err: unknown) => log.error({ err }, "poll failed")),
      POLL_MS,
    );
    this.poller.unref?.();
  }

  startedWith(handle: DbHandle): boolean {
    return this.handle === handle;
  }

  /** Stops listening and polling, and forgets every subscriber and position. */
  async stop(): Promise<void> {
    for (const c of this.channels.values()) for (const s of c.subs) s.closed = true;
    this.channels.clear();
    if (this.poller) clearInterval(this.poller);
    this.poller = null;
    this.stopEscalations?.();
    this.stopEscalations = null;
    // The connection may already be gone (database closed); stopping must still succeed.
    await this.stopListening?.().catch(() => undefined);
    this.stopListening = null;
    this.handle = null;
  }

  stats(): HubStats {
    let subscribers = 0;
    for (const c of this.channels.values()) subscribers += c.subs.size;
    return { ...this.counters, subscribers, tenants: this.channels.size };
  }

  /** Highest event sequence the hub has seen for a tenant (0 before any). */
  async lastSeq(tenantId: string): Promise<number> {
    const channel = this.channel(tenantId);
    await channel.ready;
    return channel.lastSeq;
  }

  /**
   * Subscribes to a tenant's events. With `afterSeq`, events after it are replayed first (in
   * order, exactly once); otherwise delivery starts with the next event. Returns unsubscribe.
   */
  async subscribe(tenantId: string, sub: HubSubscriber, opts: { afterSeq?: number } = {}): Promise<() => void> {
    const channel = this.channel(tenantId);
    await channel.ready;
    const s: Subscription = { sub, cursor: channel.lastSeq, pending: null, closed: false };
    const unsubscribe = () => {
      s.closed = true;
      channel.subs.delete(s);
      if (channel.subs.size === 0 && this.channels.get(tenantId) === channel) this.channels.delete(tenantId);
    };
    const from = opts.afterSeq;
    if (from === undefined || from >= channel.lastSeq) {
      channel.subs.add(s);
      return unsubscribe;
    }
    s.pending = [];
    s.cursor = Math.max(0, from);
    channel.subs.add(s);
    try {
      for (;;) {
        this.counters.dbReads++;
        this.counters.replayReads++;
        const page = await readEvents(tenantId, s.cursor, TAIL_PAGE);
        this.counters.eventsRead += page.length;
        for (const e of page) this.deliver(s, e);
        if (page.length < TAIL_PAGE || s.closed) break;
      }
    } finally {
      const held = s.pending ?? [];
      s.pending = null;
      for (const e of held) this.deliver(s, e);
    }
    return unsubscribe;
  }

  /** A notification or poll says the tenant has new events. Coalesces concurrent wake-ups. */
  wake(tenantId: string): void {
    const channel = this.channels.get(tenantId);
    if (!channel || channel.subs.size === 0) return;
    if (channel.reading) {
      channel.again = true;
      return;
    }
    channel.reading = (async () => {
      try {
        await channel.ready;
        do {
          channel.again = false;
          for (;;) {
            this.counters.dbReads++;
            this.counters.tailReads++;
            const page = await readEvents(tenantId, channel.lastSeq, TAIL_PAGE);
            this.counters.eventsRead += page.length;
            for (const e of page) {
              channel.lastSeq = Math.max(channel.lastSeq, e.seq);
              for (const s of channel.subs) {
                if (s.pending) s.pending.push(e);
                else this.deliver(s, e);
              }
            }
            if (page.length < TAIL_PAGE) break;
          }
        } while (channel.again);
      } catch (err) {
        log.error({ err, tenantId }, "reading a tenant's events failed");
      } finally {
        channel.reading = null;
      }
    })();
  }

  /** Resolves when pending reads are done (tests and benchmarks). */
  async idle(): Promise<void> {
    await Promise.all([...this.channels.values()].map((c) => c.reading));
  }

  private deliver(s: Subscription, e: OrderEventFacets): void {
    if (s.closed || e.seq <= s.cursor) return;
    s.cursor = e.seq;
    let allowed = true;
    try {
      allowed = s.sub.filter ? s.sub.filter(e) : true;
    } catch {
      allowed = false; // a filter that fails shows nothing rather than everything
    }
    if (!allowed) return;
    this.counters.deliveries++;
    try {
      s.sub.onOrder(publicEvent(e));
    } catch (err) {
      log.error({ err }, "subscriber failed");
    }
  }

  private channel(tenantId: string): TenantChannel {
    let channel = this.channels.get(tenantId);
    if (!channel) {
      const c: TenantChannel = { subs: new Set(), lastSeq: 0, ready: Promise.resolve(), reading: null, again: false };
      c.ready = (async () => {
        this.counters.dbReads++;
        const r = await withTenant({ role: "portal_customer", tenantId, userId: null }, (tx) =>
          tx.execute<{ last: number | string | null }>(
            sql`select max(seq) as last from order_events where tenant_id = ${tenantId}`,
          ),
        );
        c.lastSeq = Math.max(c.lastSeq, Number(r.rows[0]?.last ?? 0));
      })();
      channel = c;
      this.channels.set(tenantId, channel);
    }
    return channel;
  }

  /** Catch-up: one owner query for the counters of all watched tenants; wakes those behind. */
  private async poll(): Promise<void> {
    if (!this.handle || this.channels.size === 0) return;
    this.counters.polls++;
    const ids = JSON.stringify([...this.channels.keys()]);
    const r = await this.handle.db.execute<{ tenant_id: string; last_seq: number | string }>(
      sql`select tenant_id, last_seq from tenant_event_counters
           where tenant_id in (select value::uuid from jsonb_array_elements_text(${ids}::jsonb))`,
    );
    for (const row of r.rows) {
      const channel = this.channels.get(row.tenant_id);
      if (channel && Number(row.last_seq) > channel.lastSeq) this.wake(row.tenant_id);
    }
  }

  private forwardEscalation(payload: unknown): void {
    let parsed: unknown = payload;
    if (typeof payload === "string") {
      try {
        parsed = JSON.parse(payload);
      } catch {
        return; // a bare tenant id carries nothing to forward
      }
    }
    if (!parsed || typeof parsed !== "object") return;
    const { tenantId, escalationId, status } = parsed as Record<string, unknown>;
    if (typeof tenantId !== "string" || typeof escalationId !== "string" || typeof status !== "string") return;
    const channel = this.channels.get(tenantId);
    if (!channel) return;
    for (const s of channel.subs) {
      if (s.closed || !s.sub.onEscalation) continue;
      try {
        s.sub.onEscalation({ escalationId, status });
      } catch (err) {
        log.error({ err }, "subscriber failed");
      }
    }
  }
}

const KEY = Symbol.for("sightline.realtime.hub");
type Holder = { [KEY]?: { hub: RealtimeHub; started?: Promise<void> } };

function holder() {
  const g = globalThis as Holder;
  g[KEY] ??= { hub: new RealtimeHub() };
  return g[KEY];
}

/** This process's hub counters (reads of order_events, deliveries, subscribers), without starting it. */
export function hubStats(): HubStats {
  return holder().hub.stats();
}

/** The process's hub, started on first use (the background service starts it at boot). */
export async function getHub(): Promise<RealtimeHub> {
  const h = holder();
  const handle = await getDb();
  if (h.started) await h.started;
  // Tests (and tools) may swap the process database (setDb); the hub follows it.
  if (!h.hub.startedWith(handle)) {
    await h.hub.stop();
    h.started = h.hub.start(handle);
  }
  await h.started;
  return h.hub;
}

/** Stops this process's hub (tests closing their database; the service's stop does the same). */
export async function stopHub(): Promise<void> {
  const h = holder();
  await h.hub.stop();
  h.started = undefined;
}

/** Server-side consumers (delay alerts, metrics): every event of a tenant, no filter. */
export async function subscribeTenantEvents(
  tenantId: string,
  listener: (event: OrderLiveEvent) => void,
): Promise<() => void> {
  const hub = await getHub();
  return hub.subscribe(tenantId, { onOrder: listener });
}

export const realtimeHubService: BackgroundService = {
  name: "real-time hub",
  start: async (handle) => {
    const h = holder();
    h.started ??= h.hub.start(handle);
    await h.started;
    return async () => {
      await h.hub.stop();
      h.started = undefined;
    };
  },
};
