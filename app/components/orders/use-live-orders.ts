// Live order pages: on a stream event for a relevant order, reload the route's data (debounced,
// one reload for a burst) and mark the orders that changed so their rows flash (`row-updated`).
import { useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useLiveEvents, type LiveEvent, type LiveState } from "../live";

const DEBOUNCE_MS = 400;
const HIGHLIGHT_MS = 2_600;

/**
 * `relevant(orderId)` decides whether an event should reload this page (a visible row, or any
 * order on a first page where new orders may appear). Returns the ids to highlight and the
 * connection state.
 */
export function useLiveOrders(
  relevant: (orderId: string) => boolean,
  dataVersion: unknown,
): { highlighted: ReadonlySet<string>; state: LiveState } {
  const revalidator = useRevalidator();
  const pending = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [highlighted, setHighlighted] = useState<ReadonlySet<string>>(new Set());
  const relevantRef = useRef(relevant);
  relevantRef.current = relevant;
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;

  const schedule = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      revalidate.current();
    }, DEBOUNCE_MS);
  }, []);

  const onEvent = useCallback(
    (e: LiveEvent) => {
      if (e.kind !== "order" || !relevantRef.current(e.orderId)) return;
      pending.current.add(e.orderId);
      schedule();
    },
    [schedule],
  );
  const state = useLiveEvents(onEvent);

  // Events missed while disconnected: reload once the stream is back.
  const previous = useRef<LiveState>(state);
  useEffect(() => {
    if (previous.current === "reconnecting" && state === "open") schedule();
    previous.current = state;
  }, [state, schedule]);

  // New data arrived: flash the rows whose events caused it.
  useEffect(() => {
    if (pending.current.size === 0) return;
    setHighlighted(new Set(pending.current));
    pending.current = new Set();
    const t = setTimeout(() => setHighlighted(new Set()), HIGHLIGHT_MS);
    return () => clearTimeout(t);
  }, [dataVersion]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return { highlighted, state };
}
