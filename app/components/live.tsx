// Live updates in the portal: one EventSource per page on /api/v1/stream (same origin, session
// cookie), shared by every component that calls useLiveEvents, with a small indicator of the
// connection state. EventSource reconnects by itself and sends Last-Event-ID, so events missed
// during a short drop are replayed by the server; when the browser gives up (e.g. the server
// answered an error), this module opens a new one after a growing delay.
import { useEffect, useRef, useSyncExternalStore } from "react";
import { cx } from "./ui";
import { useT } from "#app/i18n/react";

export interface LiveOrderEvent {
  kind: "order";
  seq: number;
  orderId: string;
  orderNumber: string;
  type: string;
  status: string;
  occurredAt: string;
}

export interface LiveEscalationEvent {
  kind: "escalation";
  escalationId: string;
  status: string;
}

export type LiveEvent = LiveOrderEvent | LiveEscalationEvent;
export type LiveState = "connecting" | "open" | "reconnecting" | "offline";

type Listener = (e: LiveEvent) => void;

const STREAM_URL = "/api/v1/stream";
const MAX_BACKOFF_MS = 30_000;

/** The page's one connection; created on the first subscriber, closed after the last leaves. */
const connection = {
  source: null as EventSource | null,
  state: "offline" as LiveState,
  listeners: new Set<Listener>(),
  stateListeners: new Set<() => void>(),
  retryTimer: null as ReturnType<typeof setTimeout> | null,
  failures: 0,
  lastEventId: null as string | null,
};

function setState(state: LiveState) {
  if (connection.state === state) return;
  connection.state = state;
  for (const l of connection.stateListeners) l();
}

function emit(e: LiveEvent) {
  for (const l of connection.listeners) {
    try {
      l(e);
    } catch (err) {
      console.error("live event handler failed", err);
    }
  }
}

function parse(data: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(data);
    return v && typeof v === "object" ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function open() {
  if (typeof window === "undefined" || typeof EventSource === "undefined") return;
  if (connection.source) return;
  setState(connection.failures > 0 ? "reconnecting" : "connecting");
  // After a full restart the browser no longer carries Last-Event-ID; the query string is not
  // used for it (tokens must not ride in URLs, ids neither), so a gap here is bridged by
  // reloading data on "open" in the pages that need it.
  const source = new EventSource(STREAM_URL, { withCredentials: true });
  connection.source = source;
  source.onopen = () => {
    connection.failures = 0;
    setState("open");
  };
  source.addEventListener("order", (ev) => {
    const m = ev as MessageEvent<string>;
    connection.lastEventId = m.lastEventId || connection.lastEventId;
    const d = parse(m.data);
    if (!d) return;
    emit({
      kind: "order",
      seq: Number(d.seq),
      orderId: String(d.orderId),
      orderNumber: String(d.orderNumber),
      type: String(d.type),
      status: String(d.status),
      occurredAt: String(d.occurredAt),
    });
  });
  source.addEventListener("escalation", (ev) => {
    const d = parse((ev as MessageEvent<string>).data);
    if (d) emit({ kind: "escalation", escalationId: String(d.escalationId), status: String(d.status) });
  });
  source.onerror = () => {
    if (source.readyState === EventSource.CONNECTING) {
      // The browser retries on its own (with Last-Event-ID).
      setState("reconnecting");
      return;
    }
    // CLOSED: the browser gave up (HTTP error or bad content type); try again later ourselves.
    source.close();
    connection.source = null;
    connection.failures++;
    setState("reconnecting");
    const delay = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.min(connection.failures, 5));
    connection.retryTimer = setTimeout(() => {
      connection.retryTimer = null;
      if (connection.listeners.size > 0 || connection.stateListeners.size > 0) open();
    }, delay);
  };
}

function closeIfUnused() {
  if (connection.listeners.size > 0 || connection.stateListeners.size > 0) return;
  if (connection.retryTimer) clearTimeout(connection.retryTimer);
  connection.retryTimer = null;
  connection.source?.close();
  connection.source = null;
  connection.failures = 0;
  setState("offline");
}

function subscribeState(onChange: () => void): () => void {
  connection.stateListeners.add(onChange);
  open();
  return () => {
    connection.stateListeners.delete(onChange);
    closeIfUnused();
  };
}

/**
 * Calls `onEvent` for every live event of the viewer's account (order changes and escalation
 * changes) and returns the connection state. The handler may change between renders.
 */
export function useLiveEvents(onEvent: (event: LiveEvent) => void, opts: { enabled?: boolean } = {}): LiveState {
  const enabled = opts.enabled ?? true;
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);
  useEffect(() => {
    if (!enabled) return;
    const listener: Listener = (e) => handler.current(e);
    connection.listeners.add(listener);
    open();
    return () => {
      connection.listeners.delete(listener);
      closeIfUnused();
    };
  }, [enabled]);
  return useLiveState();
}

/** The shared connection state (server render: "connecting"). */
export function useLiveState(): LiveState {
  return useSyncExternalStore(
    subscribeState,
    () => connection.state,
    () => "connecting",
  );
}

/** A small, accessible indicator of the live connection ("Live" / "Reconnecting…"). */
export function LiveIndicator({ state, className }: { state?: LiveState; className?: string }) {
  const shared = useLiveState();
  const s = state ?? shared;
  const t = useT();
  return (
    <span
      role="status"
      aria-live="polite"
      className={cx(
        "inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium",
        s === "open"
          ? "bg-emerald-50 text-emerald-800"
          : s === "offline"
            ? "bg-slate-100 text-slate-600"
            : "bg-amber-50 text-amber-800",
        className,
      )}
    >
      <span
        aria-hidden="true"
        className={cx(
          "h-2 w-2 rounded-full",
          s === "open" ? "bg-emerald-500 motion-safe:animate-pulse" : s === "offline" ? "bg-slate-400" : "bg-amber-500",
        )}
      />
      <span>
        <span className="sr-only">{t("common.live.srPrefix")} </span>
        {t(`common.live.${s}`)}
      </span>
    </span>
  );
}
