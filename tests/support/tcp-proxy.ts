// A tiny TCP proxy (node `net`) to put between a server and PostgreSQL, so a test can take the
// database away mid-request and give it back: `hold()` stops forwarding (queries in flight stall
// there, sockets open: a blackhole), `cut()` destroys every proxied connection and refuses new ones,
// `restore()` forwards again (held connections included) and accepts again.
import { createConnection, createServer, type Server, type Socket } from "node:net";

export interface TcpProxy {
  /** The port the proxy listens on (stable across cut/restore). */
  port: number;
  /** Connections accepted since the proxy started. */
  accepted(): number;
  /** Connections open right now. */
  open(): number;
  /** Stops forwarding bytes in both directions; connections stay open. */
  hold(): void;
  /** Destroys every connection and stops listening: new connections are refused (ECONNREFUSED). */
  cut(): Promise<void>;
  /** Listens again on the same port and forwards normally, also on connections held open by `hold()`. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  /** The pairs whose bytes flow (the others are held). */
  const flowing = new Set<[Socket, Socket]>();
  let accepted = 0;
  let holding = false;
  let port = 0;
  let server: Server | null = null;

  const onConnection = (client: Socket) => {
    accepted++;
    const upstream = createConnection(target);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      flowing.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
    if (holding) {
      client.pause();
      upstream.pause();
    } else forward(pair);
  };

  const forward = (pair: [Socket, Socket]) => {
    const [client, upstream] = pair;
    flowing.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer(onConnection);
      s.once("error", reject);
      s.listen(port, "127.0.0.1", () => {
        port = (s.address() as { port: number }).port;
        server = s;
        resolve();
      });
    });

  const stopListening = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = null;
      if (!s) return resolve();
      s.close(() => resolve());
    });

  const destroyAll = () => {
    for (const [a, b] of pairs) {
      a.destroy();
      b.destroy();
    }
    pairs.clear();
    flowing.clear();
  };

  await listen();
  return {
    get port() {
      return port;
    },
    accepted: () => accepted,
    open: () => pairs.size,
    hold: () => {
      holding = true;
      for (const [a, b] of pairs) {
        a.unpipe(b);
        b.unpipe(a);
        a.pause();
        b.pause();
      }
      flowing.clear();
    },
    cut: async () => {
      holding = false;
      const closed = stopListening();
      destroyAll();
      await closed;
    },
    restore: async () => {
      holding = false;
      for (const pair of pairs) if (!flowing.has(pair)) forward(pair);
      if (!server) await listen();
    },
    close: async () => {
      const closed = stopListening();
      destroyAll();
      await closed;
    },
  };
}
