import { describe, expect, it } from "vitest";
import { CountCache } from "./count-cache.server";

function cache(maxEntries = 10) {
  let clock = 0;
  const c = new CountCache<number>({ ttlMs: 1_000, maxEntries, now: () => clock });
  return { c, advance: (ms: number) => (clock += ms) };
}

describe("CountCache", () => {
  it("returns a value stored at the same sequence within the time limit", () => {
    const { c, advance } = cache();
    c.set("acme|all", 41, 7);
    advance(999);
    expect(c.get("acme|all", 41)).toBe(7);
  });

  it("misses once the account's event sequence has moved on", () => {
    const { c } = cache();
    c.set("acme|all", 41, 7);
    expect(c.get("acme|all", 42)).toBeUndefined();
  });

  it("misses once the entry is as old as the time limit, even at the same sequence", () => {
    const { c, advance } = cache();
    c.set("acme|all", 41, 7);
    advance(1_000);
    expect(c.get("acme|all", 41)).toBeUndefined();
  });

  it("keeps separate entries per key", () => {
    const { c } = cache();
    c.set("acme|all", 41, 7);
    c.set("acme|late", 41, 2);
    expect([c.get("acme|all", 41), c.get("acme|late", 41)]).toEqual([7, 2]);
  });

  it("evicts the least recently used entry beyond its size", () => {
    const { c } = cache(2);
    c.set("a", 1, 1);
    c.set("b", 1, 2);
    c.get("a", 1);
    c.set("c", 1, 3);
    expect([c.get("a", 1), c.get("b", 1), c.get("c", 1), c.size]).toEqual([1, undefined, 3, 2]);
  });

  it("runs one computation for callers that miss on the same key and sequence at once", async () => {
    const { c } = cache();
    let runs = 0;
    let release: (v: number) => void = () => undefined;
    const compute = () => {
      runs++;
      return new Promise<number>((r) => (release = r));
    };
    const waiting = [c.getOrCompute("acme|all", 41, compute), c.getOrCompute("acme|all", 41, compute)];
    const other = c.getOrCompute("acme|all", 42, () => Promise.resolve(8));
    release(7);
    expect([...(await Promise.all(waiting)), await other, runs]).toEqual([7, 7, 8, 1]);
    expect(c.get("acme|all", 42)).toBe(8);
  });

  it("does not keep a failed computation: the next caller computes again", async () => {
    const { c } = cache();
    await expect(c.getOrCompute("a", 1, () => Promise.reject(new Error("db gone")))).rejects.toThrow("db gone");
    expect(await c.getOrCompute("a", 1, () => Promise.resolve(3))).toBe(3);
  });
});
