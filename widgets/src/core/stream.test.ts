import { afterEach, describe, expect, it, vi } from "vitest";
import { StreamClient, type LiveEvent, type Subscriber } from "./stream";

function sseResponse(text: string, keepOpen = false): Response {
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(new TextEncoder().encode(text));
      if (!keepOpen) c.close();
    },
  });
  return new Response(body, { status: 200, headers: { "Content-Type": "text/event-stream" } });
}

function subscriber(token = "t1") {
  const events: LiveEvent[] = [];
  const sub: Subscriber = { onEvent: (e) => events.push(e), token: async () => token };
  return { sub, events };
}

afterEach(() => vi.useRealTimers());

describe("StreamClient", () => {
  it("opens one connection for any number of subscribers and fans events out to all", async () => {
    const fetchImpl = vi.fn(async () =>
      sseResponse(
        'id: 5\nevent: order\ndata: {"seq":5,"orderId":"o1","orderNumber":"SO-1","type":"shipped","status":"shipped","occurredAt":"x"}\n\n',
        true,
      ),
    );
    const client = new StreamClient("https://portal.test", fetchImpl as unknown as typeof fetch);
    const a = subscriber();
    const b = subscriber();
    const offA = client.subscribe(a.sub);
    const offB = client.subscribe(b.sub);
    await vi.waitFor(() => expect(b.events).toHaveLength(1));
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(a.events[0]).toMatchObject({ kind: "order", data: { orderId: "o1" } });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("https://portal.test/api/v1/stream");
    expect((init.headers as Record<string, string>).Authorization).toBe("Bearer t1");
    expect(init.credentials).toBe("omit");
    offA();
    offB();
  });

  it("reconnects by itself after the connection drops, resuming with Last-Event-ID", async () => {
    vi.useFakeTimers();
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(sseResponse('id: 41\nevent: order\ndata: {"seq":41}\n\n'))
      .mockRejectedValueOnce(new TypeError("network down"))
      .mockResolvedValue(sseResponse('id: 42\nevent: order\ndata: {"seq":42}\n\n', true));
    const client = new StreamClient("https://portal.test", fetchImpl as unknown as typeof fetch);
    const { sub, events } = subscriber();
    const off = client.subscribe(sub);
    await vi.waitFor(() => expect(events).toHaveLength(1));
    await vi.advanceTimersByTimeAsync(2_000);
    await vi.advanceTimersByTimeAsync(4_000);
    await vi.waitFor(() => expect(events).toHaveLength(2));
    const headers = fetchImpl.mock.calls.map((c) => (c[1] as RequestInit).headers as Record<string, string>);
    expect(headers[1]["Last-Event-ID"]).toBe("41");
    expect(headers[2]["Last-Event-ID"]).toBe("41");
    expect(client.state).toBe("open");
    off();
  });

  it("asks for a fresh token after the stream refuses one", async () => {
    vi.useFakeTimers();
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(new Response("{}", { status: 401 }))
      .mockResolvedValue(sseResponse(": ok\n\n", true));
    const client = new StreamClient("https://portal.test", fetchImpl as unknown as typeof fetch);
    const forced: boolean[] = [];
    const off = client.subscribe({
      onEvent: () => undefined,
      token: async (force) => (forced.push(force), force ? "fresh" : "stale"),
    });
    await vi.advanceTimersByTimeAsync(2_000);
    await vi.waitFor(() => expect(fetchImpl).toHaveBeenCalledTimes(2));
    expect(forced).toEqual([false, true]);
    expect(((fetchImpl.mock.calls[1][1] as RequestInit).headers as Record<string, string>).Authorization).toBe(
      "Bearer fresh",
    );
    off();
  });
});
