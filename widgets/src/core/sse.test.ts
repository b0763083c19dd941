import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SseParser, type SseMessage } from "./sse";

function parse(chunks: string[]): { messages: SseMessage[]; retries: number[] } {
  const messages: SseMessage[] = [];
  const retries: number[] = [];
  const p = new SseParser(
    (m) => messages.push(m),
    (ms) => retries.push(ms),
  );
  for (const c of chunks) p.push(c);
  return { messages, retries };
}

const STREAM =
  'retry: 3000\n: connected\n\nid: 7\nevent: order\ndata: {"seq":7}\n\n: heartbeat\n\nevent: escalation\ndata: {"a":1}\n\nid: 8\nevent: order\ndata: line1\ndata: line2\n\n';

describe("SseParser", () => {
  it("reads ids, events, multi-line data, retry hints and skips comments", () => {
    const { messages, retries } = parse([STREAM]);
    expect(retries).toEqual([3000]);
    expect(messages).toEqual([
      { event: "order", data: '{"seq":7}', lastEventId: "7" },
      { event: "escalation", data: '{"a":1}', lastEventId: "7" },
      { event: "order", data: "line1\nline2", lastEventId: "8" },
    ]);
  });

  it("gives the same messages however the stream is split, with LF, CRLF or CR line ends", () => {
    const whole = parse([STREAM]).messages;
    fc.assert(
      fc.property(
        fc.array(fc.nat(STREAM.length), { maxLength: 12 }),
        fc.constantFrom("\n", "\r\n", "\r"),
        (cuts, eol) => {
          const text = STREAM.replace(/\n/g, eol);
          const points = [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b);
          const chunks: string[] = [];
          let at = 0;
          for (const p of points) {
            chunks.push(text.slice(at, p));
            at = p;
          }
          // A CR at the very end may be half of a CRLF, so the parser waits for the next byte.
          chunks.push(text.slice(at), "\n");
          expect(parse(chunks).messages).toEqual(whole);
        },
      ),
    );
  });
});
