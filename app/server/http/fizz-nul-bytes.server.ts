// React 18's streaming renderer (Fizz) encodes into a reused 2,048-byte buffer. When a multi-byte
// UTF-8 character (Japanese text, "–", "…") would straddle the buffer's end, `encodeInto` stops
// short and React flushes the whole buffer anyway, so 1–3 unwritten NUL bytes reach the page
// (facebook/react#24985, fixed in React 19 by #26228, not in 18.3.1). Browsers show them as "�".
// This stream drops exactly those bytes: trailing NULs of a chunk that is one full buffer long.
import { Transform, type TransformCallback } from "node:stream";

/** React 18.3's server view size (`VIEW_SIZE` in react-dom/server). */
export const FIZZ_VIEW_SIZE = 2048;

/** The chunk without the unwritten tail of a flushed Fizz buffer (at most 3 NUL bytes). */
export function withoutUnwrittenTail(chunk: Uint8Array): Uint8Array {
  if (chunk.byteLength !== FIZZ_VIEW_SIZE) return chunk;
  let end = chunk.byteLength;
  while (end > chunk.byteLength - 3 && chunk[end - 1] === 0) end--;
  return end === chunk.byteLength ? chunk : chunk.subarray(0, end);
}

/** A pass-through for `renderToPipeableStream(...).pipe()` that removes the NUL bytes above. */
export class FizzNulByteFilter extends Transform {
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    done(null, withoutUnwrittenTail(chunk));
  }
}
