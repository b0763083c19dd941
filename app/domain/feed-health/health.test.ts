import { describe, expect, it } from "vitest";
import {
  episodeKey,
  expectedIntervalS,
  feedState,
  GAP_HISTORY,
  learnedIntervalS,
  recordArrival,
  silenceAfterS,
  type FeedHistory,
} from "./health";

const at = (hhmmss: string) => new Date(`2026-12-02T${hhmmss}Z`);

describe("recordArrival", () => {
  it("starts a history without gaps, then records each gap in seconds", () => {
    let h = recordArrival(null, at("09:00:00"));
    expect(h).toEqual({ lastArrivalAt: at("09:00:00"), gapsS: [] });
    h = recordArrival(h, at("09:05:00"));
    h = recordArrival(h, at("09:09:30"));
    expect(h).toEqual({ lastArrivalAt: at("09:09:30"), gapsS: [300, 270] });
  });

  it("counts deliveries within 10 s as one (a split batch), and ignores an older time", () => {
    const h: FeedHistory = { lastArrivalAt: at("09:00:00"), gapsS: [300] };
    expect(recordArrival(h, at("09:00:04"))).toEqual({ lastArrivalAt: at("09:00:04"), gapsS: [300] });
    expect(recordArrival(h, at("08:59:00"))).toEqual({ lastArrivalAt: at("09:00:00"), gapsS: [300] });
    expect(recordArrival(h, at("09:00:10")).gapsS).toEqual([300, 10]);
  });

  it("keeps the latest GAP_HISTORY gaps", () => {
    let h: FeedHistory = { lastArrivalAt: at("00:00:00"), gapsS: [] };
    for (let i = 1; i <= GAP_HISTORY + 3; i++) h = recordArrival(h, new Date(at("00:00:00").getTime() + i * 60_000));
    expect(h.gapsS).toHaveLength(GAP_HISTORY);
  });
});

describe("the usual interval", () => {
  it("is the median of the gaps once there are five", () => {
    expect(learnedIntervalS([300, 300, 300, 300])).toBeNull();
    // sorted 240 290 300 310 7200: the median 300, the night-long gap does not move it
    expect(learnedIntervalS([300, 7200, 290, 310, 240])).toBe(300);
    // even count: sorted 240 280 300 320 330 3600 -> (300 + 320) / 2 = 310
    expect(learnedIntervalS([320, 240, 3600, 300, 280, 330])).toBe(310);
  });

  it("takes a configured interval over the learned one", () => {
    expect(expectedIntervalS([300, 300, 300, 300, 300], 900)).toBe(900);
    expect(expectedIntervalS([300, 300, 300, 300, 300], null)).toBe(300);
    expect(expectedIntervalS([60], 120)).toBe(120);
    expect(expectedIntervalS([60], null)).toBeNull();
  });

  it("allows three intervals of silence, and at least the interval plus 10 minutes", () => {
    expect(silenceAfterS(300)).toBe(900); // 3 x 5 min = 15 min = 5 min + 10 min
    expect(silenceAfterS(60)).toBe(660); // 3 min < 1 min + 10 min
    expect(silenceAfterS(3600)).toBe(10_800); // 3 h
  });
});

describe("feedState", () => {
  // A warehouse system that sends every 5 minutes; the last delivery came at 09:40.
  const wms: FeedHistory = { lastArrivalAt: at("09:40:00"), gapsS: [300, 310, 290, 300, 305, 295] };

  it("is live until three intervals have passed, then silent since the missed delivery was due", () => {
    expect(feedState(wms, null, at("09:55:00"))).toEqual({
      status: "live",
      lastArrivalAt: at("09:40:00"),
      expectedIntervalS: 300,
      silentSince: null,
    });
    expect(feedState(wms, null, at("09:55:01"))).toEqual({
      status: "silent",
      lastArrivalAt: at("09:40:00"),
      expectedIntervalS: 300,
      silentSince: at("09:45:00"),
    });
  });

  it("clears when the source resumes", () => {
    const resumed = recordArrival(wms, at("10:20:00"));
    expect(resumed.gapsS.at(-1)).toBe(2400);
    expect(feedState(resumed, null, at("10:20:30")).status).toBe("live");
    // the long gap is one of seven: the median stays 5 minutes
    expect(feedState(resumed, null, at("10:20:30")).expectedIntervalS).toBe(300);
  });

  it("uses a configured interval: 30 min configured, silent after 90 min", () => {
    expect(feedState(wms, 1800, at("11:10:00")).status).toBe("live");
    expect(feedState(wms, 1800, at("11:10:01"))).toMatchObject({ status: "silent", silentSince: at("10:10:00") });
  });

  it("is learning (never silent) without enough history or configuration", () => {
    const young: FeedHistory = { lastArrivalAt: at("09:40:00"), gapsS: [300, 300] };
    expect(feedState(young, null, at("23:00:00"))).toMatchObject({ status: "learning", silentSince: null });
  });

  it("names one episode per last delivery", () => {
    expect(episodeKey("k1", at("09:40:00"))).toBe("k1@2026-12-02T09:40:00.000Z");
    expect(episodeKey("k1", at("09:40:00"))).toBe(episodeKey("k1", new Date(at("09:40:00").getTime())));
    expect(episodeKey("k1", at("10:20:00"))).not.toBe(episodeKey("k1", at("09:40:00")));
  });
});
