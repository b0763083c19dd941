// A Server-Sent Events parser (WHATWG "event stream interpretation") for fetch bodies:
// EventSource cannot send an Authorization header, so widgets read the stream with fetch.

export interface SseMessage {
  event: string;
  data: string;
  /** The last event id seen on the stream so far (sticky, as in EventSource). */
  lastEventId: string;
}

export class SseParser {
  private buffer = "";
  private data: string[] = [];
  private event = "";
  lastEventId = "";

  constructor(
    private readonly onMessage: (m: SseMessage) => void,
    private readonly onRetry: (ms: number) => void = () => undefined,
  ) {}

  /** Feeds decoded text; lines may be split anywhere across chunks. */
  push(chunk: string): void {
    this.buffer += chunk;
    for (;;) {
      const m = /\r\n|\n|\r/.exec(this.buffer);
      if (!m) return;
      // A lone CR at the end may be the first half of CRLF: wait for the next chunk.
      if (m[0] === "\r" && m.index === this.buffer.length - 1) return;
      const line = this.buffer.slice(0, m.index);
      this.buffer = this.buffer.slice(m.index + m[0].length);
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === "") {
      if (this.data.length)
        this.onMessage({ event: this.event || "message", data: this.data.join("\n"), lastEventId: this.lastEventId });
      this.data = [];
      this.event = "";
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.data.push(value);
    else if (field === "event") this.event = value;
    else if (field === "id" && !value.includes("\0")) this.lastEventId = value;
    else if (field === "retry" && /^\d+$/.test(value)) this.onRetry(Number(value));
  }
}
