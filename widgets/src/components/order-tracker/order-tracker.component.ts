import { css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { dataOf } from "../../core/api";
import { SightlineElement } from "../../core/element";
import { lateBadge } from "../../core/late-badge";
import type { LiveEvent } from "../../core/stream";
import type { OrderDetail, OrderDetailResponse, OrderStatus } from "../../core/types";
import type { Step } from "../../../../app/domain/orders/progress";

// The steps are the portal's (app/domain/orders/progress, whose rules this follows without shipping
// app code): a hold, backorder or exception is shown as such on the step the order is stuck at (the
// step after the last one its timeline reached), not as progress.
const STEPS: readonly Step[] = ["ordered", "confirmed", "picked", "shipped", "in_transit", "delivered"];
const STEP_OF: Partial<Record<OrderStatus, number>> = {
  received: 0,
  confirmed: 1,
  allocated: 1,
  picked: 2,
  packed: 2,
  shipped: 3,
  in_transit: 4,
  out_for_delivery: 4,
  delivered: 5,
};
/** The last step reached, and the status stopping the order (hold, backorder, exception), if any. */
function trackerProgress(
  status: OrderStatus,
  eventsNewestFirst: readonly { type: string }[],
): { reached: number; issue: OrderStatus | null; cancelled: boolean } {
  if (status === "cancelled") return { reached: -1, issue: null, cancelled: true };
  const direct = STEP_OF[status];
  if (direct !== undefined) return { reached: direct, issue: null, cancelled: false };
  const last = eventsNewestFirst.map((e) => STEP_OF[e.type as OrderStatus]).find((s) => s !== undefined);
  return { reached: last ?? 0, issue: status, cancelled: false };
}
/**
 * @tagname sightline-order-tracker
 * One order's status, key dates and timeline, as a compact tracker that updates live.
 *
 * @summary A compact, live tracker for one order.
 * @csspart progress - The milestone list.
 * @csspart step - One milestone (`step done` / `step current` / `step held`: on hold, backordered or an exception).
 * @csspart dates - The key dates.
 * @csspart timeline - The event timeline.
 * @csspart live - The live-connection indicator.
 * @csspart error - The error message block.
 * @cssproperty --sightline-color-accent - Completed milestones.
 * @cssproperty --sightline-color-danger - Late and exception marks.
 */
export class SightlineOrderTracker extends SightlineElement {
  static override styles = [
    SightlineElement.styles,
    css`
      :host {
        min-height: 16rem;
      }
      ol.progress {
        list-style: none;
        display: grid;
        grid-template-columns: repeat(6, 1fr);
        gap: 4px;
        padding: 0;
        margin: 0 0 var(--_gap);
        font-size: 0.8em;
      }
      ol.progress li {
        border-top: 4px solid var(--_line);
        padding-top: 4px;
        color: var(--_muted);
      }
      ol.progress li.done {
        border-color: var(--_accent);
        color: var(--_fg);
      }
      ol.progress li.current {
        font-weight: 700;
      }
      ol.progress li.held {
        border-color: var(--_warn);
        color: var(--_fg);
        font-weight: 700;
      }
      ol.progress li .issue {
        display: block;
        color: var(--_warn);
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 4px 12px;
        margin: 0 0 var(--_gap);
      }
      dt {
        color: var(--_muted);
      }
      dd {
        margin: 0;
      }
      ul.timeline {
        list-style: none;
        margin: 0;
        padding: 0;
        max-height: 12rem;
        overflow: auto;
      }
      ul.timeline li {
        display: flex;
        justify-content: space-between;
        gap: 8px;
        padding: 4px 0;
        border-bottom: 1px solid var(--_line);
      }
      .head {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: 8px;
      }
    `,
  ];

  /** The order id (from `sightline-order-select` or the orders API). */
  @property() order = "";

  @state() private detail: OrderDetail | null = null;

  protected override queryProps(): string[] {
    return ["order"];
  }

  protected override async load(signal: AbortSignal): Promise<void> {
    if (!this.order) {
      this.detail = null;
      return;
    }
    const r: OrderDetailResponse = await dataOf(
      this.client.GET("/api/v1/orders/{id}", { params: { path: { id: this.order } }, signal }),
    );
    this.detail = r.data;
    if (r.timeZone) this.apiTimeZone = r.timeZone;
  }

  protected override onLive(e: LiveEvent): void {
    if (e.kind === "order" && this.detail && e.data.orderId === this.detail.id) this.reloadSoon(200);
  }

  override render() {
    if (this.loadState === "error") return this.renderError();
    const { t, f } = this;
    if (!this.order) return html`<p class="muted">${t("widgets.tracker.choose")}</p>`;
    const o = this.detail;
    if (this.loadState === "loading" || !o)
      return html`<div aria-busy="true">
        <p class="skeleton">${t("widgets.tracker.loading")}</p>
        <p class="skeleton">&nbsp;</p>
      </div>`;
    const events = [...(o.events ?? [])].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
    const progress = trackerProgress(o.status, events);
    const current = progress.issue || progress.cancelled ? -1 : progress.reached;
    const held = progress.issue ? progress.reached + 1 : -1;
    return html`
      <div class="head">
        <h2>${t("widgets.tracker.heading", { number: o.orderNumber })}</h2>
        ${this.renderLive()}
      </div>
      <p>
        <span class="badge" aria-label=${t("widgets.tracker.status")}>${this.label(o.status, "status")}</span>
        ${lateBadge(o, t)}
      </p>
      <ol part="progress" class="progress" aria-label=${t("widgets.tracker.progress")}>
        ${STEPS.map((s, i) => {
          const done = !progress.cancelled && i <= progress.reached;
          const kind = i === held ? "held" : i === current ? "current" : done ? "done" : "";
          return html`<li
            part=${kind ? `step ${kind}` : "step"}
            class=${kind === "current" ? "done current" : kind}
            aria-current=${i === current ? "step" : "false"}
          >
            ${this.label(s, "step")}${
              i === held && progress.issue
                ? html`<span class="issue">${this.label(progress.issue, "status")}</span>`
                : nothing
            }
          </li>`;
        })}
      </ol>
      <dl part="dates">
        <dt>${t("widgets.tracker.ordered")}</dt>
        <dd>${f.dateTime(o.orderedAt)}</dd>
        <dt>${t("widgets.tracker.promised")}</dt>
        <dd>${f.calendarDate(o.promisedDate)}</dd>
        ${
          o.predictedDate
            ? html`<dt>${t("widgets.tracker.expected")}</dt>
                <dd>${f.calendarDate(o.predictedDate)}</dd>`
            : nothing
        }
        ${
          o.shippedAt
            ? html`<dt>${t("widgets.tracker.shipped")}</dt>
                <dd>${f.dateTime(o.shippedAt)}</dd>`
            : nothing
        }
        ${
          o.deliveredAt
            ? html`<dt>${t("widgets.tracker.delivered")}</dt>
                <dd>${f.dateTime(o.deliveredAt)}</dd>`
            : nothing
        }
        ${
          o.carrier
            ? html`<dt>${t("widgets.tracker.carrier")}</dt>
                <dd>${o.carrier} ${o.trackingNumber ?? ""}</dd>`
            : nothing
        }
      </dl>
      <h3 class="sr-only">${t("widgets.tracker.timeline")}</h3>
      ${
        events.length
          ? html`<ul part="timeline" class="timeline" aria-label=${t("widgets.tracker.timeline")}>
              ${events.map(
                (e) =>
                  html`<li>
                    <span>${this.label(e.type, "status", "event")}${e.location ? ` · ${e.location}` : ""}</span>
                    <span class="muted">${f.dateTime(e.occurredAt)}</span>
                  </li>`,
              )}
            </ul>`
          : html`<p class="muted">${t("widgets.tracker.noEvents")}</p>`
      }
    `;
  }
}
