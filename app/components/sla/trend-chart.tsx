// The SLA trend as a server-rendered SVG line chart (d3-scale for the axes, d3-shape for the
// line): a y-axis whose range fits the data and the target, the target as a dashed line, every
// point labelled with its value and a link (focusable, with its exact figures in a tooltip and
// on focus) to the orders that missed, plus the same figures as a table. Works without client
// JS. Three layouts are rendered and CSS shows one (phone, tablet, desktop), so labels keep their size.
import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import type { Formatter } from "#app/i18n/format";
import { useFormat, useT, type TFunction } from "#app/i18n/react";
import { cx, Table } from "../ui";

export interface TrendDatum {
  id: string;
  label: string;
  /** Short axis label, e.g. "P03" or "W07". */
  short: string;
  value: number | null;
  measured: number;
  met: boolean | null;
  href: string;
}

export interface TrendChartProps {
  title: string;
  data: TrendDatum[];
  target: number;
  unit: "%" | "h";
  /** Percentages: higher is better; lead time: lower. */
  better: "higher" | "lower";
}

/** A value with its unit in the reader's number format: "92.3%", "92,3 %", "12.5 h", "12,5 Std.". */
function useValueText(): (v: number, unit: "%" | "h", digits: number) => string {
  const t = useT();
  const f = useFormat();
  return (v, unit, digits) => valueText(t, f, v, unit, digits);
}

function valueText(t: TFunction, f: Formatter, v: number, unit: "%" | "h", digits: number): string {
  return t(unit === "%" ? "sla.chart.percent" : "sla.chart.hours", { value: f.fixed(v, digits) });
}

/** A y-domain that fits the values and the target with some room, on round numbers. */
export function yDomain(values: number[], target: number, unit: "%" | "h"): [number, number] {
  const all = [...values, target];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = Math.max(2, (hi - lo) * 0.15);
  if (unit === "%") {
    const bottom = Math.max(0, Math.floor((lo - pad) / 5) * 5);
    return [bottom, Math.min(100, Math.max(bottom + 10, Math.ceil((hi + pad) / 5) * 5))];
  }
  return [Math.max(0, Math.floor((lo - pad) / 5) * 5), Math.ceil((hi + pad) / 5) * 5];
}

interface Layout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  font: number;
  digits: number;
  /** Show every n-th x label. */
  labelEvery: number;
}

const MEDIUM: Layout = {
  width: 720,
  height: 260,
  margin: { top: 28, right: 16, bottom: 34, left: 44 },
  font: 12,
  digits: 1,
  labelEvery: 1,
};
const WIDE: Layout = {
  width: 1100,
  height: 300,
  margin: { top: 30, right: 16, bottom: 34, left: 48 },
  font: 13,
  digits: 1,
  labelEvery: 1,
};
const COMPACT: Layout = {
  width: 360,
  height: 240,
  margin: { top: 26, right: 10, bottom: 32, left: 34 },
  font: 11,
  digits: 0,
  labelEvery: 2,
};

function Chart({ props, layout, className }: { props: TrendChartProps; layout: Layout; className: string }) {
  const { data, target, unit, better } = props;
  const { width, height, margin, font, digits } = layout;
  const t = useT();
  const f = useFormat();
  const fmt = (v: number, u: "%" | "h", d: number) => valueText(t, f, v, u, d);
  const values = data.flatMap((d) => (d.value === null ? [] : [d.value]));
  const y = scaleLinear()
    .domain(yDomain(values, target, unit))
    .range([height - margin.bottom, margin.top]);
  const x = scalePoint<string>()
    .domain(data.map((d) => d.id))
    .range([margin.left + 12, width - margin.right - 12]);
  const path =
    line<TrendDatum>()
      .defined((d) => d.value !== null)
      .x((d) => x(d.id) ?? 0)
      .y((d) => y(d.value ?? 0))(data) ?? "";
  const ty = y(target);
  const targetText = t("sla.chart.target", {
    value: fmt(target, unit, unit === "%" ? (Number.isInteger(target) ? 0 : 1) : 1),
  });
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      className={cx("h-auto w-full overflow-visible", className)}
      role="group"
      aria-label={t("sla.chart.label", { title: props.title })}
      fontSize={font}
    >
      {/* y-axis: gridlines and tick labels */}
      <g aria-hidden="true">
        {y.ticks(5).map((tick) => (
          <g key={tick} transform={`translate(0,${y(tick)})`}>
            <line x1={margin.left} x2={width - margin.right} stroke="#e2e8f0" />
            <text x={margin.left - 6} dy="0.32em" textAnchor="end" fill="#475569">
              {t(unit === "%" ? "sla.chart.percent" : "sla.chart.hours", { value: f.number(tick, 2) })}
            </text>
          </g>
        ))}
        <line x1={margin.left} x2={margin.left} y1={margin.top} y2={height - margin.bottom} stroke="#94a3b8" />
      </g>
      {/* target */}
      <g data-testid="target-line">
        <line
          x1={margin.left}
          x2={width - margin.right}
          y1={ty}
          y2={ty}
          stroke="#334155"
          strokeWidth={1.5}
          strokeDasharray="6 4"
        />
        <text x={width - margin.right} y={ty - 5} textAnchor="end" fill="#334155" fontWeight={600}>
          {targetText}
        </text>
      </g>
      <path d={path} fill="none" stroke="#4f46e5" strokeWidth={2} aria-hidden="true" />
      {/* x labels */}
      <g aria-hidden="true">
        {data.map((d, i) =>
          i % layout.labelEvery === (data.length - 1) % layout.labelEvery ? (
            <text key={d.id} x={x(d.id)} y={height - margin.bottom + font + 8} textAnchor="middle" fill="#475569">
              {d.short}
            </text>
          ) : null,
        )}
      </g>
      {/* points: links to the orders behind them, exact figures in the tooltip and on focus */}
      {data.map((d, i) => {
        if (d.value === null) return null;
        const cx0 = x(d.id) ?? 0;
        const cy0 = y(d.value);
        const exact = t("sla.chart.exact", {
          label: d.label,
          value: fmt(d.value, unit, 2),
          count: d.measured,
          measured: f.number(d.measured, 0),
          met: d.met ? "yes" : "no",
        });
        const above = better === "higher" ? !d.met : d.met;
        const labelY = above || cy0 > height - margin.bottom - font - 6 ? cy0 - 9 : cy0 + font + 7;
        const tipW = Math.min(width - 8, exact.length * font * 0.52 + 12);
        const tipX = Math.min(Math.max(cx0 - tipW / 2, 4), width - tipW - 4);
        return (
          <a key={d.id} href={d.href} className="group outline-none" aria-label={exact} data-testid="trend-point">
            <title>{exact}</title>
            <circle
              cx={cx0}
              cy={cy0}
              r={5}
              fill={d.met === false ? "#dc2626" : d.met ? "#059669" : "#64748b"}
              stroke="#fff"
              strokeWidth={1.5}
              className="group-hover:stroke-indigo-600 group-focus-visible:stroke-indigo-600 group-focus-visible:[stroke-width:4]"
            />
            {/* a larger invisible hit area for touch */}
            <circle cx={cx0} cy={cy0} r={14} fill="transparent" />
            {i % layout.labelEvery === (data.length - 1) % layout.labelEvery || layout.labelEvery === 1 ? (
              <text x={cx0} y={labelY} textAnchor="middle" fill="#0f172a" fontWeight={600} data-testid="point-label">
                {fmt(d.value, unit, digits)}
              </text>
            ) : null}
            <g className="pointer-events-none opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100">
              <rect x={tipX} y={4} width={tipW} height={font + 10} rx={4} fill="#0f172a" />
              <text x={tipX + 6} y={4 + font + 2} fill="#fff">
                {exact}
              </text>
            </g>
          </a>
        );
      })}
    </svg>
  );
}

export function TrendChart(props: TrendChartProps) {
  const { data, unit } = props;
  const t = useT();
  const f = useFormat();
  const fmt = useValueText();
  return (
    <figure className="min-w-0" data-testid="trend-chart">
      <Chart props={props} layout={COMPACT} className="sm:hidden" />
      <Chart props={props} layout={MEDIUM} className="hidden sm:block lg:hidden" />
      <Chart props={props} layout={WIDE} className="hidden lg:block" />
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-700 hover:text-slate-900">{t("sla.chart.showTable")}</summary>
        <Table
          className="mt-2"
          caption={props.title}
          scrollLabel={props.title}
          columns={[
            t("sla.chart.col.period"),
            { label: t("sla.chart.col.value"), align: "right" },
            { label: t("sla.chart.col.measured"), align: "right" },
            t("sla.chart.col.target"),
          ]}
        >
          {data.map((d) => (
            <tr key={d.id}>
              <th scope="row" className="text-left font-normal">
                <a href={d.href} className="text-brand-700 underline">
                  {d.label}
                </a>
              </th>
              <td className="text-right tabular-nums">{d.value === null ? "—" : fmt(d.value, unit, 2)}</td>
              <td className="text-right tabular-nums">{f.number(d.measured, 0)}</td>
              <td>{d.met === null ? "—" : t("sla.chart.met", { met: d.met ? "yes" : "no" })}</td>
            </tr>
          ))}
        </Table>
      </details>
    </figure>
  );
}

/** A small line of the KPI's recent trend for a tile, with the target as a dashed line. */
export function Sparkline({
  values,
  target,
  unit,
  label,
}: {
  values: (number | null)[];
  target: number;
  unit: "%" | "h";
  label: string;
}) {
  const t = useT();
  const fmt = useValueText();
  const present = values.flatMap((v) => (v === null ? [] : [v]));
  if (present.length < 2) return null;
  const w = 120;
  const h = 32;
  const y = scaleLinear()
    .domain(yDomain(present, target, unit))
    .range([h - 3, 3]);
  const x = scaleLinear()
    .domain([0, values.length - 1])
    .range([2, w - 2]);
  const d =
    line<number | null>()
      .defined((v) => v !== null)
      .x((_, i) => x(i))
      .y((v) => y(v ?? 0))(values) ?? "";
  const lastIndex = values.length - 1 - [...values].reverse().findIndex((v) => v !== null);
  const first = present[0];
  const last = present[present.length - 1];
  return (
    <svg
      viewBox={`0 0 ${w} ${h}`}
      width={w}
      height={h}
      role="img"
      aria-label={t("sla.chart.sparkline", {
        label,
        first: fmt(first, unit, 1),
        last: fmt(last, unit, 1),
        target: fmt(target, unit, 1),
      })}
      data-testid="sparkline"
    >
      <line x1={0} x2={w} y1={y(target)} y2={y(target)} stroke="#64748b" strokeDasharray="3 2" />
      <path d={d} fill="none" stroke="#4f46e5" strokeWidth={1.5} />
      <circle cx={x(lastIndex)} cy={y(last)} r={2.5} fill="#4f46e5" />
    </svg>
  );
}
