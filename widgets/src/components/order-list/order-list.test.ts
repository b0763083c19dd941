// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, makeToken, mount, scriptFetch, settle, shadow } from "../../test-support";
import "./order-list";
import { FEED_POLL_MS, type SightlineOrderList } from "./order-list.component";

const order = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  orderNumber: `SO-${n}`,
  customerPo: `PO-${n}`,
  status: "in_transit",
  statusAt: "2026-03-02T15:00:00Z",
  promisedDate: "2026-03-06",
  late: n === 2,
  ...extra,
});

const token = makeToken();
const tag = (attrs = "") =>
  `<sightline-order-list no-live api-base="https://portal.test" token="${token}" ${attrs}></sightline-order-list>`;

/** The calls for orders (the list also asks /api/v1/feed-health once). */
const orderCalls = <T extends { url: string }>(calls: T[]) => calls.filter((c) => c.url.includes("/api/v1/orders"));

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

describe("<sightline-order-list>", () => {
  it("says when order updates from a data source are delayed, as the portal's pages do", async () => {
    const calls = scriptFetch((url) =>
      url.pathname === "/api/v1/feed-health"
        ? json({
            data: {
              sources: [
                {
                  label: "Warehouse system",
                  status: "silent",
                  lastArrivalAt: "2026-03-02T09:40:00Z",
                  expectedIntervalSeconds: 300,
                  silentSince: "2026-03-02T09:45:00Z",
                },
                {
                  label: "ERP",
                  status: "live",
                  lastArrivalAt: "2026-03-02T10:30:00Z",
                  expectedIntervalSeconds: 60,
                  silentSince: null,
                },
              ],
            },
          })
        : json({ data: [order(1)], page: { next: null, prev: null } }),
    );
    const el = await mount<SightlineOrderList>(tag());
    await settle(el);
    const notices = shadow(el).querySelectorAll("[part=feed]");
    expect(notices).toHaveLength(1);
    // In the token's zone (makeToken: America/Chicago), 09:45 UTC is 03:45 GMT-6.
    expect(notices[0].textContent?.trim()).toMatch(
      /^Order updates from Warehouse system are delayed since .*03:45 GMT-6\.$/,
    );
    expect(calls.filter((c) => c.url.endsWith("/api/v1/feed-health"))).toHaveLength(1);
  });

  it("notices a source going silent without a reload, asking every few minutes while the page is visible", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      let silent = false;
      const calls = scriptFetch((url) =>
        url.pathname === "/api/v1/feed-health"
          ? json({
              data: {
                sources: [
                  {
                    label: "Warehouse system",
                    status: silent ? "silent" : "live",
                    lastArrivalAt: "2026-03-02T09:40:00Z",
                    expectedIntervalSeconds: 300,
                    silentSince: silent ? "2026-03-02T09:45:00Z" : null,
                  },
                ],
              },
            })
          : json({ data: [order(1)], page: { next: null, prev: null } }),
      );
      const feedCalls = () => calls.filter((c) => c.url.endsWith("/api/v1/feed-health")).length;
      const el = await mount<SightlineOrderList>(tag());
      await settle(el);
      expect(feedCalls()).toBe(1);
      expect(shadow(el).querySelector("[part=feed]")).toBeNull();

      silent = true;
      vi.advanceTimersByTime(FEED_POLL_MS - 1);
      await settle(el);
      expect(feedCalls()).toBe(1);
      vi.advanceTimersByTime(1);
      await settle(el);
      expect(feedCalls()).toBe(2);
      expect(shadow(el).querySelector("[part=feed]")?.textContent).toContain("Warehouse system");

      // Hidden document: no polling; removed element: no polling.
      const hidden = vi.spyOn(document, "hidden", "get").mockReturnValue(true);
      vi.advanceTimersByTime(FEED_POLL_MS);
      await settle(el);
      expect(feedCalls()).toBe(2);
      hidden.mockRestore();
      el.remove();
      vi.advanceTimersByTime(FEED_POLL_MS * 2);
      expect(feedCalls()).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("shows no notice when the feed state cannot be read", async () => {
    scriptFetch((url) =>
      url.pathname === "/api/v1/feed-health"
        ? json({ title: "Forbidden" }, 403)
        : json({ data: [order(1)], page: { next: null, prev: null } }),
    );
    const el = await mount<SightlineOrderList>(tag());
    await settle(el);
    expect(shadow(el).querySelector("[part=feed]")).toBeNull();
    expect(shadow(el).querySelectorAll("tbody tr")).toHaveLength(1);
  });

  it("lists the orders the API returns, with a bearer token and without cookies", async () => {
    const calls = scriptFetch(() => json({ data: [order(1), order(2)], page: { next: null, prev: null } }));
    const el = await mount<SightlineOrderList>(tag());
    const rows = shadow(el).querySelectorAll("tbody tr");
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain("SO-1");
    expect(rows[1].textContent).toContain("Late");
    expect(calls[0].url).toBe("https://portal.test/api/v1/orders?limit=10");
    expect((calls[0].init.headers as Record<string, string>).Authorization).toBe(`Bearer ${token}`);
    expect(calls[0].init.credentials).toBe("omit");
  });

  it("reserves the rows of a page while loading, then shows the empty state", async () => {
    let release: (r: Response) => void = () => undefined;
    scriptFetch(() => new Promise<Response>((r) => (release = r)));
    const el = await mount<SightlineOrderList>(tag('page-size="5"'));
    expect(shadow(el).querySelectorAll("tbody tr[aria-hidden=true]")).toHaveLength(5);
    expect(shadow(el).querySelector(".body")?.getAttribute("aria-busy")).toBe("true");
    release(json({ data: [], page: { next: null, prev: null } }));
    await settle(el);
    expect(shadow(el).querySelector("[role=status]")?.textContent).toContain("No orders match");
  });

  it("shows the API's problem detail and retries on request", async () => {
    let fail = true;
    scriptFetch(() =>
      fail
        ? json({ title: "Forbidden", detail: "This embed token does not allow orders:read." }, 403)
        : json({ data: [order(1)], page: { next: null, prev: null } }),
    );
    const el = await mount<SightlineOrderList>(tag());
    const alert = shadow(el).querySelector("[role=alert]");
    expect(alert?.textContent).toContain("does not allow orders:read");
    fail = false;
    shadow(el).querySelector<HTMLButtonElement>("[role=alert] button")?.click();
    await settle(el);
    expect(shadow(el).querySelectorAll("tbody tr")).toHaveLength(1);
  });

  it("applies fixed filters from attributes and hides the status menu", async () => {
    const calls = scriptFetch(() => json({ data: [], page: { next: null, prev: null } }));
    const el = await mount<SightlineOrderList>(tag('status="shipped,in_transit" late-only site="s-1" page-size="3"'));
    const url = new URL(calls[0].url);
    expect(url.searchParams.getAll("status")).toEqual(["shipped", "in_transit"]);
    expect(url.searchParams.get("late")).toBe("any");
    expect(url.searchParams.get("site")).toBe("s-1");
    expect(url.searchParams.get("limit")).toBe("3");
    expect(shadow(el).querySelector("select")).toBeNull();
  });

  it('asks for late-now orders with late="open" and tells late now from delivered late', async () => {
    const calls = scriptFetch(() =>
      json({
        data: [order(1, { late: true, lateState: "open" }), order(3, { late: true, lateState: "delivered" })],
        page: { next: null, prev: null },
      }),
    );
    const el = await mount<SightlineOrderList>(tag('late="open"'));
    expect(new URL(calls[0].url).searchParams.get("late")).toBe("open");
    const badges = [...shadow(el).querySelectorAll("tbody .badge.late")].map((b) => b.textContent?.trim());
    expect(badges).toEqual(["Late", "Delivered late"]);
  });

  it("emits sightline-order-select with the order when a row is chosen", async () => {
    scriptFetch(() => json({ data: [order(1)], page: { next: null, prev: null } }));
    const el = await mount<SightlineOrderList>(tag());
    const seen: unknown[] = [];
    document.body.addEventListener("sightline-order-select", (e) => seen.push((e as CustomEvent).detail));
    shadow(el).querySelector<HTMLButtonElement>("tbody button")?.click();
    expect(seen).toEqual([{ orderId: order(1).id, orderNumber: "SO-1" }]);
  });

  it("pages forward with the cursor and back to the first page", async () => {
    const all = scriptFetch((url) =>
      json(
        url.searchParams.get("cursor")
          ? { data: [order(3)], page: { next: null, prev: "c1" } }
          : { data: [order(1)], page: { next: "c2", prev: null } },
      ),
    );
    const calls = {
      get 1() {
        return orderCalls(all)[1];
      },
      get 2() {
        return orderCalls(all)[2];
      },
    };
    const el = await mount<SightlineOrderList>(tag());
    const [prev, next] = shadow(el).querySelectorAll<HTMLButtonElement>(".pager button");
    expect(prev.disabled).toBe(true);
    next.click();
    await settle(el);
    expect(new URL(calls[1].url).searchParams.get("cursor")).toBe("c2");
    expect(shadow(el).querySelector("tbody")?.textContent).toContain("SO-3");
    shadow(el).querySelector<HTMLButtonElement>(".pager button")?.click();
    await settle(el);
    expect(new URL(calls[2].url).searchParams.get("cursor")).toBeNull();
  });

  it("renders markup in order text as text", async () => {
    scriptFetch(() =>
      json({
        data: [order(1, { orderNumber: '<img src=x onerror="alert(1)">', customerPo: "<b>PO</b>" })],
        page: { next: null, prev: null },
      }),
    );
    const el = await mount<SightlineOrderList>(tag());
    expect(shadow(el).querySelector("img, b")).toBeNull();
    expect(shadow(el).querySelector("tbody")?.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it("fetches a fresh token after a 401 and keeps the chosen status filter", async () => {
    const issued: string[] = [];
    const expired = new Set<string>();
    const calls = scriptFetch((_url, init) => {
      const auth = (init.headers as Record<string, string>).Authorization.replace("Bearer ", "");
      return expired.has(auth)
        ? json({ detail: "The embed token has expired" }, 401)
        : json({ data: [order(1)], page: { next: null, prev: null } });
    });
    const el = document.createElement("sightline-order-list") as SightlineOrderList;
    el.setAttribute("no-live", "");
    el.apiBase = "https://portal.test";
    el.fetchToken = async () => {
      const t = makeToken({ jti: `t${issued.length}` });
      issued.push(t);
      return { token: t, expiresAt: new Date(Date.now() + 300_000).toISOString() };
    };
    document.body.append(el);
    await settle(el);
    expect(issued).toHaveLength(1);
    expired.add(issued[0]);
    const select = shadow(el).querySelector("select") as HTMLSelectElement;
    select.value = "shipped";
    select.dispatchEvent(new Event("change"));
    await settle(el);
    expect(issued).toHaveLength(2);
    const [refused, retried] = calls.slice(-2);
    expect(new URL(refused.url).searchParams.get("status")).toBe("shipped");
    expect(new URL(retried.url).searchParams.get("status")).toBe("shipped");
    expect((retried.init.headers as Record<string, string>).Authorization).toBe(`Bearer ${issued[1]}`);
    expect(shadow(el).querySelector("select")?.value).toBe("shipped");
    expect(shadow(el).querySelectorAll("tbody tr")).toHaveLength(1);
  });
});
