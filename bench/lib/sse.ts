// Many Server-Sent Events connections over real HTTP (one socket each), as browsers and widgets
// open them: the bench counts, per event id, how many connections have received it and when the
// last one did, so "ingest call -> event at the last connection" can be timed.
import http from "node:http";

export interface StreamCrowd {
  /** Connections that answered 200 and sent their first line. */
  readonly open: number;
  /** Resolves with the moment (performance.now()) the event reached every open connection; null on timeout. */
  allReceived(id: number, timeoutMs: number): Promise<number | null>;
  close(): void;
}

interface Arrivals {
  count: number;
  lastAt: number;
  waiter?: () => void;
}

/** Opens `count` connections to `url` (at most `parallel` handshakes at a time). */
export async function openStreams(
  url: string,
  count: number,
  headers: Record<string, string>,
  parallel = 50,
): Promise<StreamCrowd> {
  const arrivals = new Map<number, Arrivals>();
  const requests: http.ClientRequest[] = [];
  let open = 0;

  const arrived = (id: number) => {
    const a = arrivals.get(id) ?? { count: 0, lastAt: 0 };
    a.count++;
    a.lastAt = performance.now();
    arrivals.set(id, a);
    if (a.count >= open) a.waiter?.();
  };

  const connect = () =>
    new Promise<void>((resolve, reject) => {
      const req = http.get(url, { headers: { accept: "text/event-stream", ...headers }, agent: false }, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`stream answered ${res.statusCode}`));
          return;
        }
        res.setEncoding("utf8");
        let buffer = "";
        let counted = false;
        res.on("data", (chunk: string) => {
          if (!counted) {
            counted = true;
            open++;
            resolve();
          }
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const id = /^id: (\d+)$/m.exec(block);
            if (id) arrived(Number(id[1]));
          }
        });
      });
      req.on("error", (err) => (err.message === "socket hang up" ? undefined : reject(err)));
      requests.push(req);
    });

  for (let started = 0; started < count; started += parallel)
    await Promise.all(Array.from({ length: Math.min(parallel, count - started) }, connect));

  return {
    get open() {
      return open;
    },
    allReceived(id, timeoutMs) {
      const a = arrivals.get(id) ?? { count: 0, lastAt: 0 };
      arrivals.set(id, a);
      if (a.count >= open) return Promise.resolve(a.lastAt);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(null), timeoutMs);
        a.waiter = () => {
          clearTimeout(timer);
          resolve(a.lastAt);
        };
      });
    },
    close() {
      for (const req of requests) req.destroy();
    },
  };
}
