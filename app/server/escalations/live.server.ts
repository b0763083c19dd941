// Live queue updates. The escalations tables NOTIFY 'sightline_escalations' with the tenant id
// on every change (db/migrations/0005_escalations.sql); each process LISTENs once and wakes the
// queues of staff who may see that tenant. Ids only: pages re-read through RLS.
// When the real-time hub (app/server/realtime/hub.server.ts) grows a generic publish(), this
// can forward to it instead; the page only needs "something changed for tenant X".
import { getDb } from "../db.server";

type Listener = (tenantId: string) => void;

const KEY = Symbol.for("sightline.escalations.live");
type Holder = { [KEY]?: { listeners: Set<Listener>; started?: Promise<() => Promise<void>> } };

function state() {
  const g = globalThis as Holder;
  g[KEY] ??= { listeners: new Set() };
  return g[KEY];
}

async function ensureListening(): Promise<void> {
  const s = state();
  s.started ??= (async () => {
    const handle = await getDb();
    return handle.listen("sightline_escalations", (tenantId) => {
      for (const l of s.listeners) {
        try {
          l(tenantId);
        } catch (err) {
          console.error("[escalations] live listener failed:", err);
        }
      }
    });
  })();
  await s.started;
}

/** Calls `onChange(tenantId)` after each committed escalation change; returns unsubscribe. */
export async function subscribeEscalationChanges(onChange: Listener): Promise<() => void> {
  await ensureListening();
  const s = state();
  s.listeners.add(onChange);
  return () => s.listeners.delete(onChange);
}
