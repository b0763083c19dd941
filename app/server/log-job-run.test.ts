// Every background job's run is logged with its duration (issue 19, Logs): one line per run,
// `debug` when it found nothing to do, `info` with its counts when it did something, `error` with
// the error when it failed (and the failure does not escape to the timer that ran it).
import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { logJobRun } from "./log.server";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: pino({ level: "debug" }, stream), lines };
}

describe("logJobRun", () => {
  it("logs an idle run at debug, a busy one at info with its counts, both with the duration", async () => {
    const { log, lines } = capture();
    await logJobRun(log, "delay alerts", async () => ({ alerted: 0, resolved: 0 }));
    await logJobRun(log, "delay alerts", async () => ({ alerted: 3, resolved: 0, note: "ignored" }));
    expect(lines.map(({ level, job, msg, alerted, resolved }) => ({ level, job, msg, alerted, resolved }))).toEqual([
      { level: 20, job: "delay alerts", msg: "delay alerts done", alerted: 0, resolved: 0 },
      { level: 30, job: "delay alerts", msg: "delay alerts done", alerted: 3, resolved: 0 },
    ]);
    for (const l of lines) expect(l.durationMs).toEqual(expect.any(Number));
    expect(lines[1]).not.toHaveProperty("note");
  });

  it("logs a failed run at error with the error and its duration, and does not throw", async () => {
    const { log, lines } = capture();
    const result = await logJobRun(log, "digest", async () => {
      throw new Error("smtp refused");
    });
    expect(result).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 50,
      job: "digest",
      msg: "digest failed",
      err: { message: "smtp refused" },
    });
    expect(lines[0]!.durationMs).toEqual(expect.any(Number));
  });
});
