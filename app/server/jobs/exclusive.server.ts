// A periodic system task that runs in exactly one process at a time across all processes and
// machines: each tick first holds the task's named lease (lease.server.ts), then runs. A tick
// never overlaps the previous one in this process; a wake-up (e.g. NOTIFY) asks for an early
// tick. Stopping waits for the running tick and gives the lease back.
import type { DbHandle } from "#db/client";
import { logger, logJobRun } from "../log.server";
import { holdLease, releaseLease } from "./lease.server";
import type { BackgroundService } from "./service.server";

const log = logger("jobs");

export interface ExclusiveTask {
  /** Service name in logs; also the lease name. */
  name: string;
  everyMs: number;
  /** Delay before the first tick (default: everyMs). */
  firstAfterMs?: number;
  /** The lease outlives a missed tick or two (default: 3 × everyMs, at least 15 s). */
  leaseMs?: number;
  /** One run; numbers in the result (e.g. alerts created) go into the log line. */
  run: (handle: DbHandle) => Promise<object | void>;
  /** Extra start-up (e.g. LISTEN for wake-ups); its result stops it. */
  onStart?: (handle: DbHandle, wake: () => void) => Promise<() => Promise<void>>;
}

export function exclusiveService(task: ExclusiveTask): BackgroundService {
  const leaseMs = task.leaseMs ?? Math.max(3 * task.everyMs, 15_000);
  return {
    name: task.name,
    start: async (handle) => {
      let running: Promise<void> | null = null;
      let again = false;
      let stopped = false;
      const tick = () => {
        if (stopped) return;
        if (running) {
          again = true;
          return;
        }
        running = (async () => {
          do {
            again = false;
            if (!(await holdLease(handle.db, task.name, leaseMs))) return;
            await logJobRun(log, task.name, () => task.run(handle));
          } while (again && !stopped);
        })()
          .catch((err: unknown) => log.error({ err, job: task.name }, `${task.name}: lease check failed`))
          .finally(() => {
            running = null;
          });
      };
      const first = setTimeout(tick, task.firstAfterMs ?? task.everyMs);
      const timer = setInterval(tick, task.everyMs);
      first.unref();
      timer.unref();
      const stopExtra = task.onStart ? await task.onStart(handle, tick) : async () => undefined;
      return async () => {
        stopped = true;
        clearTimeout(first);
        clearInterval(timer);
        await stopExtra();
        await running;
        await releaseLease(handle.db, task.name).catch(() => undefined);
      };
    },
  };
}
