// Draining: the state of a process that received SIGTERM. Readiness answers 503, responses ask
// clients not to keep the connection, and long-lived responses (SSE streams) registered here are
// closed with a short retry hint so their clients reconnect — to another worker — and resume
// with Last-Event-ID.
import { logger } from "../log.server";

const log = logger("sightline");
const listeners = new Set<() => void>();
let draining = false;

export function isDraining(): boolean {
  return draining;
}

/** Runs `fn` when the process starts draining (at once if it already is); returns an unregister. */
export function onDrain(fn: () => void): () => void {
  if (draining) {
    fn();
    return () => undefined;
  }
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function startDraining(): void {
  if (draining) return;
  draining = true;
  for (const fn of [...listeners]) {
    try {
      fn();
    } catch (err) {
      log.error({ err }, "drain listener failed");
    }
  }
  listeners.clear();
}
