// Live escalation changes. The escalations tables NOTIFY 'sightline_escalations' with
// {"tenantId","escalationId","status"} on every committed change of an escalation and on every
// public comment (db/migrations/0005_escalations.sql; internal notes never notify). Each process
// LISTENs once; subscribers filter by the tenants their viewer may see. Ids and status only:
// pages re-read through RLS.
import { getDb } from "../db.server";
import { logger } from "../log.server";

const log = logger("escalations");

export interface EscalationChange {
  tenantId: string;
  escalationId: string;
  status: string;
}

type Listener = (change: EscalationChange) => void;

const KEY = Symbol.for("sightline.escalations.live");
type Holder = { [KEY]?: { listeners: Set<Listener>; started?: Promise<() => Promise<void>> } };

function state() {
  const g = globalThis as Holder;
  g[KEY] ??= { listeners: new Set() };
  return g[KEY];
}

/** Parses a NOTIFY payload; null for anything that is not one of ours. */
export function parseChange(payload: string): EscalationChange | null {
  try {
    const v = JSON.parse(payload) as Partial<EscalationChange>;
    if (typeof v.tenantId === "string" && typeof v.escalationId === "string" && typeof v.status === "string") {
      return { tenantId: v.tenantId, escalationId: v.escalationId, status: v.status };
    }
  } catch {
    // not JSON: ignore
  }
  return null;
}

async function ensureListening(): Promise<void> {
  const s = state();
  s.started ??= (async () => {
    const handle = await getDb();
    return handle.listen("sightline_escalations", (payload) => {
      const change = parseChange(payload);
      if (!change) return;
      for (const l of s.listeners) {
        try {
          l(change);
        } catch (err) {
          log.error({ err }, "live escalation listener failed");
        }
      }
    });
  })();
  try {
    await s.started;
  } catch (err) {
    s.started = undefined;
    throw err;
  }
}

/** Calls `onChange` after each committed escalation change; returns unsubscribe. */
export async function subscribeEscalationChanges(onChange: Listener): Promise<() => void> {
  await ensureListening();
  const s = state();
  s.listeners.add(onChange);
  return () => s.listeners.delete(onChange);
}

/** For tests and shutdown: stop listening (the next subscriber starts again). */
export async function stopEscalationListener(): Promise<void> {
  const s = state();
  const started = s.started;
  s.started = undefined;
  s.listeners.clear();
  if (started) await (await started)().catch(() => undefined);
}
