import { css, html, nothing, svg } from "lit";
import { property, state } from "lit/decorators.js";
import { dataOf } from "../../core/api";
import { fiscalLabel } from "../../../../app/i18n/fiscal";
import type { MessageId } from "../../../../app/i18n/catalogue";
import type { MessageValues } from "../../../../app/i18n/translate";
import { SightlineElement } from "../../core/element";
import type { WidgetMessageId } from "../../core/i18n";
import type { LiveEvent } from "../../core/stream";
import type { ScorecardKpi, ScorecardResponse } from "../../core/types";

type Card = ScorecardResponse["data"];

/** Trend series exist for the percentage KPIs the API trends. */
function trendOf(card: Card, id: string): (number | null)[] | undefined {
  if (id !== "otif" && id !== "onTime" && id !== "inFull") return undefined;
  return card.trend.map((p) => p[id]);
}

/** A tiny trend line; decorative (the value and target are given as text). */
function sparkline(points: (number | null)[] | undefined) {
  const values = (points ?? []).filter((v): v is number => typeof v === "number");
  if (values.length < 2) return nothing;
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const d = values
    .map((v, i) => `${((i / (values.length - 1)) * 100).toFixed(1)},${(28 - ((v - min) / span) * 24).toFixed(1)}`)
    .join(" ");
  return svg`<svg part="trend" viewBox="0 0 100 30" preserveAspectRatio="none" aria-hidden="true"><polyline points=${d} fill="none" stroke="currentColor" stroke-width="2" vector-effect="non-scaling-stroke"/></svg>`;
}

/**
 * @tagname sightline-sla-scorecard
 * Service-level KPI tiles against targets for a fiscal period in the customer's calendar,
 * with a small trend.
 *
 * @summary SLA KPI tiles vs targets for a fiscal period.
 * @csspart tiles - The grid of KPI tiles.
 * @csspart tile - One KPI tile (`tile met` / `tile missed`).
 * @csspart trend - A tile's trend line.
 * @csspart live - The live-connection indicator.
 * @csspart error - The error message block.
 * @cssproperty --sightline-color-success - Targets met.
 * @cssproperty --sightline-color-danger - Targets missed.
 * @cssproperty --sightline-tile-min-width - Minimum tile width (default 9rem).
 */
export class SightlineSlaScorecard extends SightlineElement {
  static override styles = [
    SightlineElement.styles,
    css`
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(var(--sightline-tile-min-width, 9rem), 1fr));
        gap: var(--_gap);
        min-height: 7rem;
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .tile {
        border: 1px solid var(--_line);
        border-radius: var(--_radius);
        padding: 8px 10px;
        min-height: 7rem;
        display: grid;
        align-content: start;
        gap: 2px;
      }
      .value {
        font-size: 1.6em;
        font-weight: 700;
      }
      .met {
        color: var(--_ok);
      }
      .missed {
        color: var(--_danger);
      }
      svg {
        width: 100%;
        height: 24px;
        color: var(--_accent);
      }
      .head {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
      }
    `,
  ];

  /** A fiscal period key (`FY2026`, `FY2026-Q2`, `FY2026-P03`, `FY2026-W07`) or `this-quarter`, `last-period`…; empty: the current period. */
  @property() period = "";

  /** Ship-to site id to measure (within the key's fixed filters). */
  @property() site = "";

  @state() private card: Card | null = null;

  protected override queryProps(): string[] {
    return ["period", "site"];
  }

  protected override async load(signal: AbortSignal): Promise<void> {
    const r: ScorecardResponse = await dataOf(
      this.client.GET("/api/v1/sla/scorecard", {
        params: {
          query: { ...(this.period ? { period: this.period } : {}), ...(this.site ? { site: this.site } : {}) },
        },
        signal,
      }),
    );
    this.card = r.data;
    if (r.data.tenant?.timeZone) this.apiTimeZone = r.data.tenant.timeZone;
  }

  protected override onLive(e: LiveEvent): void {
    // Delivered and shipped events change measured orders; recompute is server-side.
    if (e.kind === "order") this.reloadSoon(3_000);
  }

  /** A KPI's figure: a percentage (92.3 → "92.3%", "92,3 %") or business hours ("30.3 h"). */
  private figure(k: ScorecardKpi, value: number | null | undefined): string {
    if (value === null || value === undefined) return "—";
    return k.unit === "%" ? this.f.percent(value / 100) : this.t("widgets.sla.hours", { hours: this.f.number(value) });
  }

  /** The catalogue's name for a KPI; the API's (English) label for one this release does not know. */
  private kpiName(k: ScorecardKpi): string {
    const id = `widgets.kpi.${k.id}` as WidgetMessageId;
    const name = this.t(id);
    return name === id ? k.label : name;
  }

  /** The period's label ("FY2026 Q2") in the widget's language ("GJ2026 Q2", "2026年度 第2四半期"). */
  private periodLabel(label: string): string {
    const t = (id: MessageId, values?: MessageValues) =>
      this.t(id.replace("common.", "widgets.") as WidgetMessageId, values as Record<string, string>);
    return fiscalLabel(label, t, this.f);
  }

  private targetLine(k: ScorecardKpi, status: string): string {
    if (k.target === null || k.target === undefined) return this.t("widgets.sla.noTarget");
    const value = this.figure(k, k.target);
    return this.t(
      status === "met"
        ? "widgets.sla.targetMet"
        : status === "missed"
          ? "widgets.sla.targetMissed"
          : "widgets.sla.target",
      { value },
    );
  }

  override render() {
    const loading = this.loadState === "loading";
    const card = this.card;
    const t = this.t;
    const period = card?.period?.label;
    return html`
      <div class="head">
        <h2>
          ${period ? t("widgets.sla.headingPeriod", { period: this.periodLabel(period) }) : t("widgets.sla.heading")}
        </h2>
        ${this.renderLive()}
      </div>
      ${
        this.loadState === "error"
          ? this.renderError()
          : loading || !card
            ? html`<div class="tiles" aria-busy="true">
                ${[0, 1, 2, 3].map(() => html`<div class="tile skeleton">${t("widgets.sla.loading")}</div>`)}
              </div>`
            : card.kpis.every((k) => k.value === null)
              ? html`<p class="muted" role="status">${t("widgets.sla.none")}</p>`
              : html`<ul part="tiles" class="tiles">
                  ${card.kpis.map((k) => {
                    const status = k.met === true ? "met" : k.met === false ? "missed" : "";
                    return html`<li part=${`tile ${status}`.trim()} class="tile">
                      <span class="muted">${this.kpiName(k)}</span>
                      <span class="value ${status}">${this.figure(k, k.value)}</span>
                      <span class="muted">${this.targetLine(k, status)}</span>
                      ${sparkline(trendOf(card, k.id))}
                    </li>`;
                  })}
                </ul>`
      }
    `;
  }
}
