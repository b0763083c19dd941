// What a long-running background service is. Below both background.server.ts (which starts
// the list of services) and the services themselves, so neither imports the other for it.
import type { DbHandle } from "#db/client";

export type BackgroundService = {
  name: string;
  /** Starts the service; resolves to its stop function (which gives back any lease it holds). */
  start: (handle: DbHandle) => Promise<() => Promise<void>>;
};
