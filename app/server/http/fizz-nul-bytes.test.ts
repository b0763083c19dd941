import { describe, expect, it } from "vitest";
import { FIZZ_VIEW_SIZE, withoutUnwrittenTail } from "./fizz-nul-bytes.server";

const fullBuffer = (tail: number[]) => {
  const b = new Uint8Array(FIZZ_VIEW_SIZE).fill(0x61);
  b.set(tail, FIZZ_VIEW_SIZE - tail.length);
  return b;
};

describe("withoutUnwrittenTail", () => {
  it("drops the 1–3 NUL bytes a full Fizz buffer was flushed with", () => {
    for (const n of [1, 2, 3]) {
      const out = withoutUnwrittenTail(fullBuffer(new Array<number>(n).fill(0)));
      expect(out.byteLength).toBe(FIZZ_VIEW_SIZE - n);
      expect(out.at(-1)).toBe(0x61);
    }
  });

  it("leaves a full buffer that ends in text untouched", () => {
    const b = fullBuffer([0xe3, 0x80, 0x81]);
    expect(withoutUnwrittenTail(b)).toBe(b);
  });

  it("leaves chunks of any other length untouched, even when they end in NUL", () => {
    const b = new Uint8Array([0x61, 0, 0]);
    expect(withoutUnwrittenTail(b)).toBe(b);
  });

  it("never removes more than a character's worth (3 bytes)", () => {
    expect(withoutUnwrittenTail(fullBuffer([0, 0, 0, 0])).byteLength).toBe(FIZZ_VIEW_SIZE - 3);
  });
});
