import { css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { dataOf } from "../../core/api";
import { SightlineElement } from "../../core/element";
import { lateBadge } from "../../core/late-badge";
import type { LiveEvent } from "../../core/stream";
import type { FeedSource, OrderPage, OrderStatus, OrderSummary } from "../../core/types";

/** How often the list asks GET /api/v1/feed-health again (3 minutes). */
export const FEED_POLL_MS = 180_000;

export const ORDER_STATUSES = [
  "received",
  "confirmed",
  "allocated",
  "backordered",
  "on_hold",
  "picked",
  "packed",
  "shipped",
  "in_transit",
  "out_for_delivery",
  "delivered",
  "exception",
  "cancelled",
] as const satisfies readonly OrderStatus[];
// The filter offers every status the API knows: this fails to compile when the domain's list
// (app/domain/orders/statuses.ts) gains one the widget does not list.
const everyStatusListed: [Exclude<OrderStatus, (typeof ORDER_STATUSES)[number]>] extends [never] ? true : false = true;
void everyStatusListed;

/**
 * @tagname sightline-order-list
 * The customer's orders, live: search, status filter and paging.
 *
 * @summary A live, filterable list of the customer's orders.
 * @event sightline-order-select - An order was chosen; `detail: { orderId, orderNumber }`.
 * @csspart toolbar - The search and filter row.
 * @csspart table - The orders table.
 * @csspart row - One order row.
 * @csspart pager - The paging row.
 * @csspart live - The live-connection indicator.
 * @csspart feed - The notice that order updates from a data source are delayed.
 * @csspart error - The error message block.
 * @cssproperty --sightline-color-accent - Buttons, links and focus ring.
 * @cssproperty --sightline-color-text - Text colour.
 * @cssproperty --sightline-color-surface - Background.
 * @cssproperty --sightline-color-border - Borders and row lines.
 * @cssproperty --sightline-row-height - Height reserved per row (default 2.5rem).
 */
export class SightlineOrderList extends SightlineElement {
  static override styles = [
    SightlineElement.styles,
    css`
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: end;
        margin-bottom: var(--_gap);
      }
      label {
        display: grid;
        gap: 2px;
        font-size: 0.85em;
        color: var(--_muted);
      }
      .body {
        min-height: calc(var(--sightline-row-height, 2.5rem) * (var(--_rows) + 1));
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        text-align: left;
        padding: 0 8px;
        height: var(--sightline-row-height, 2.5rem);
        border-bottom: 1px solid var(--_line);
        white-space: nowrap;
      }
      th {
        font-size: 0.85em;
        color: var(--_muted);
        font-weight: 600;
      }
      td button {
        background: none;
        border: 0;
        padding: 0;
        color: var(--_accent);
        text-decoration: underline;
      }
      .wrap {
        overflow-x: auto;
      }
      .pager {
        display: flex;
        gap: 8px;
        align-items: center;
        justify-content: flex-end;
        margin-top: var(--_gap);
      }
      .feed {
        margin: 0 0 var(--_gap);
        padding-left: 8px;
        border-left: 3px solid var(--_warn);
      }
      .head {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
      }
    `,
  ];

  /** Heading shown above the list (default: "Orders" in the widget's language). */
  @property() heading = "";

  /** Fixed status filter (comma-separated statuses); hides the status menu. */
  @property() status = "";

  /** Fixed ship-to site id. */
  @property() site = "";

  /** Late orders only: `open` (late now: open, past the promise), `delivered` (delivered late) or `any`. */
  @property() late = "";

  /** Shows late orders only, of either kind (older attribute; `late="any"` says the same). */
  @property({ type: Boolean, attribute: "late-only" }) lateOnly = false;

  /** Orders per page (1–50). */
  @property({ type: Number, attribute: "page-size" }) pageSize = 10;

  /** The visitor's search text (order number, PO, SKU or tracking number prefix). */
  @state() query = "";

  /** The visitor's status choice when no fixed status is set. */
  @state() chosenStatus = "";

  @state() private rows: OrderSummary[] = [];
  @state() private cursors: (string | null)[] = [null];
  @state() private page = 0;
  @state() private nextCursor: string | null = null;
  /** Silent data sources (GET /api/v1/feed-health): the same notice as on the portal's pages. */
  @state() private delayed: FeedSource[] = [];
  /** Asked on the first load and again after live updates (a source that resumes sends them). */
  private feedsAsked = false;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Asks for the feed state again every few minutes while the page is visible (a source going silent sends nothing). */
  private feedTimer: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.feedTimer = setInterval(() => {
      if (!document.hidden) void this.loadFeeds();
    }, FEED_POLL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.feedTimer);
  }

  protected override queryProps(): string[] {
    return ["status", "site", "late", "lateOnly", "pageSize", "query", "chosenStatus"];
  }

  private get limit(): number {
    return Math.min(50, Math.max(1, Math.floor(this.pageSize) || 10));
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Reset paging before the base class starts the load for the new filters.
    if (this.queryProps().some((k) => changed.has(k) && this.hasUpdated)) {
      this.cursors = [null];
      this.page = 0;
    }
    super.willUpdate(changed);
  }

  protected override async load(signal: AbortSignal): Promise<void> {
    const status = (this.status || this.chosenStatus)
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean) as OrderStatus[];
    const late = (["open", "delivered", "any"] as const).find((l) => l === this.late) ?? (this.lateOnly ? "any" : "");
    const cursor = this.cursors[this.page];
    const data: OrderPage = await dataOf(
      this.client.GET("/api/v1/orders", {
        params: {
          query: {
            ...(status.length ? { status } : {}),
            ...(this.site ? { site: [this.site] } : {}),
            ...(late ? { late } : {}),
            ...(this.query.trim() ? { q: this.query.trim() } : {}),
            limit: this.limit,
            ...(cursor ? { cursor } : {}),
          },
        },
        signal,
      }),
    );
    this.rows = data.data;
    this.nextCursor = data.page?.next ?? null;
    if (!this.feedsAsked) void this.loadFeeds();
    if (data.timeZone) this.apiTimeZone = data.timeZone;
  }

  protected override onLive(e: LiveEvent): void {
    if (e.kind !== "order") return;
    this.feedsAsked = false;
    this.reloadSoon();
  }

  private async loadFeeds(): Promise<void> {
    this.feedsAsked = true;
    try {
      const d = await dataOf(this.client.GET("/api/v1/feed-health"));
      this.delayed = d.data.sources.filter((f) => f.status === "silent");
    } catch {
      // The notice is extra: the list works without it.
    }
  }

  private onSearch(e: Event): void {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.query = value), 300);
  }

  private go(delta: number): void {
    if (delta > 0 && this.nextCursor) {
      this.cursors = [...this.cursors.slice(0, this.page + 1), this.nextCursor];
    }
    this.page = Math.max(0, this.page + delta);
    void this.reload();
  }

  private select(o: OrderSummary): void {
    this.emit("sightline-order-select", { orderId: o.id, orderNumber: o.orderNumber });
  }

  private get headingText(): string {
    return this.heading || this.t("widgets.orders.heading");
  }

  override render() {
    const t = this.t;
    return html`
      <div class="head">
        <h2>${this.headingText}</h2>
        ${this.renderLive()}
      </div>
      ${this.delayed.map(
        (f) =>
          html`<p part="feed" class="feed" role="status">
            ${this.t("widgets.feedDelayed", { source: f.label, since: this.f.dateTime(f.silentSince) })}
          </p>`,
      )}
      <div part="toolbar" class="toolbar" role="search">
        <label
          >${t("widgets.orders.search")}
          <input
            type="search"
            .value=${this.query}
            @input=${this.onSearch}
            placeholder=${t("widgets.orders.searchPlaceholder")}
          />
        </label>
        ${
          this.status
            ? nothing
            : html`<label
                >${t("widgets.orders.status")}
                <select
                  .value=${this.chosenStatus}
                  @change=${(e: Event) => (this.chosenStatus = (e.target as HTMLSelectElement).value)}
                >
                  <option value="">${t("widgets.orders.allStatuses")}</option>
                  ${ORDER_STATUSES.map(
                    (s) =>
                      html`<option value=${s} ?selected=${s === this.chosenStatus}>${this.label(s, "status")}</option>`,
                  )}
                </select>
              </label>`
        }
      </div>
      <div class="body" style="--_rows:${this.limit}" aria-busy=${this.loadState === "loading"}>
        ${this.renderBody()}
      </div>
    `;
  }

  private renderBody() {
    if (this.loadState === "error") return this.renderError();
    const { t, f } = this;
    const loading = this.loadState === "loading";
    const page = String(this.page + 1);
    if (!loading && this.rows.length === 0)
      return html`<p class="muted" role="status">
        ${this.query ? t("widgets.orders.noneMatchQuery", { query: this.query }) : t("widgets.orders.noneMatch")}
      </p>`;
    const rows = loading ? Array.from({ length: this.limit }, () => null) : this.rows;
    return html`<div class="wrap">
        <table part="table">
          <caption class="sr-only">
            ${
              loading
                ? t("widgets.orders.captionLoading", { heading: this.headingText })
                : t("widgets.orders.caption", { heading: this.headingText, page })
            }
          </caption>
          <thead>
            <tr>
              <th scope="col">${t("widgets.orders.column.order")}</th>
              <th scope="col">${t("widgets.orders.column.po")}</th>
              <th scope="col">${t("widgets.orders.column.status")}</th>
              <th scope="col">${t("widgets.orders.column.promised")}</th>
              <th scope="col">${t("widgets.orders.column.updated")}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map((o) =>
              o
                ? html`<tr part="row">
                    <td><button @click=${() => this.select(o)}>${o.orderNumber}</button></td>
                    <td>${o.customerPo ?? "—"}</td>
                    <td>
                      <span class="badge">${this.label(o.status, "status")}</span>
                      ${lateBadge(o, t)}
                    </td>
                    <td>${f.calendarDate(o.promisedDate)}</td>
                    <td>${f.dateTime(o.statusAt)}</td>
                  </tr>`
                : html`<tr aria-hidden="true">
                    <td colspan="5"><span class="skeleton">${t("widgets.orders.loadingRow")}</span></td>
                  </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div part="pager" class="pager">
        <button class="secondary" ?disabled=${this.page === 0} @click=${() => this.go(-1)}>
          ${t("widgets.pager.previous")}
        </button>
        <span class="muted">${t("widgets.pager.page", { page })}</span>
        <button class="secondary" ?disabled=${!this.nextCursor} @click=${() => this.go(1)}>
          ${t("widgets.pager.next")}
        </button>
      </div>`;
  }
}
