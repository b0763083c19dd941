// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, makeToken, mount, scriptFetch, shadow } from "../../test-support";
import "./order-tracker";
import type { SightlineOrderTracker } from "./order-tracker.component";

const ID = "00000000-0000-4000-8000-000000000001";
const detail = (extra: Record<string, unknown> = {}) => ({
  data: {
    id: ID,
    orderNumber: "SO-1",
    status: "in_transit",
    orderedAt: "2026-03-02T09:00:00Z",
    promisedDate: "2026-03-06",
    shippedAt: "2026-03-03T22:30:00Z",
    carrier: "DHL",
    trackingNumber: "TRK1",
    late: false,
    events: [
      { seq: 1, type: "received", occurredAt: "2026-03-02T09:00:00Z", location: null },
      { seq: 2, type: "shipped", occurredAt: "2026-03-03T22:30:00Z", location: "Hamburg" },
    ],
    ...extra,
  },
  timeZone: "Asia/Tokyo",
});

const tag = (order = ID) =>
  `<sightline-order-tracker no-live api-base="https://portal.test" token="${makeToken()}" order="${order}"></sightline-order-tracker>`;

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

describe("<sightline-order-tracker>", () => {
  it("shows the order's status, milestones and timeline, newest first, in the customer's zone", async () => {
    const calls = scriptFetch(() => json(detail()));
    const el = await mount<SightlineOrderTracker>(tag());
    const root = shadow(el);
    expect(calls[0].url).toBe(`https://portal.test/api/v1/orders/${ID}`);
    expect(root.querySelector("h2")?.textContent).toContain("SO-1");
    expect(root.querySelector("[aria-current=step]")?.textContent?.trim()).toBe("In transit");
    const items = [...root.querySelectorAll(".timeline li")].map((li) => li.textContent ?? "");
    expect(items[0]).toContain("Shipped · Hamburg");
    // 22:30 UTC is 07:30 the next morning in Tokyo, by the portal's rule (zone named by offset).
    expect(items[0]).toContain("4 Mar 2026, 07:30 GMT+9");
  });

  it("shows an order on hold as held at the step after the last one it reached, not as progress", async () => {
    scriptFetch(() =>
      json(
        detail({
          status: "on_hold",
          shippedAt: null,
          events: [
            { type: "received", occurredAt: "2026-03-02T09:00:00Z" },
            { type: "confirmed", occurredAt: "2026-03-02T10:00:00Z" },
            { type: "on_hold", occurredAt: "2026-03-02T11:00:00Z" },
          ],
        }),
      ),
    );
    const root = shadow(await mount<SightlineOrderTracker>(tag()));
    const steps = [...root.querySelectorAll("ol.progress li")];
    expect(steps.map((li) => li.getAttribute("part"))).toEqual([
      "step done",
      "step done",
      "step held",
      "step",
      "step",
      "step",
    ]);
    expect(steps[2].textContent?.replace(/\s+/g, " ").trim()).toBe("PickedOn hold");
    expect(root.querySelector("[aria-current=step]")).toBeNull();
  });

  it("asks for an order when none is set, and shows a readable error for an unknown one", async () => {
    scriptFetch(() => json({ title: "Not found", detail: "There is no order with that id." }, 404));
    const empty = await mount<SightlineOrderTracker>(tag(""));
    expect(shadow(empty).textContent).toContain("Choose an order to track");
    const missing = await mount<SightlineOrderTracker>(tag());
    expect(shadow(missing).querySelector("[role=alert]")?.textContent).toContain("There is no order with that id.");
  });

  it("renders markup in event and carrier text as text", async () => {
    scriptFetch(() =>
      json(
        detail({
          carrier: "<script>alert(1)</script>",
          events: [{ type: "note", occurredAt: "2026-03-02T09:00:00Z", location: "<img src=x>" }],
        }),
      ),
    );
    const el = await mount<SightlineOrderTracker>(tag());
    expect(shadow(el).querySelector("script, img")).toBeNull();
    expect(shadow(el).textContent).toContain("<img src=x>");
    expect(shadow(el).textContent).toContain("<script>alert(1)</script>");
  });
});
