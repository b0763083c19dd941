// The SLA digest e-mail: subject, plain-text part and HTML part of one subscriber's digest, built
// from the scorecard of a closed fiscal week or period (exactly what the SLA page shows for it).
// The HTML is what mail clients render reliably: nested tables, inline styles, no scripts, no
// images, no web fonts; the trend is drawn with table cells whose widths are the values. Every
// value is escaped; every number and date goes through the formatting module in the reader's
// locale, and every sentence through the message catalogue (email.digest.*).
import { digestBarScale, type DigestCadence } from "#app/domain/sla/digest";
import { kpiMessages } from "#app/domain/sla/kpis";
import { translator, type MessageId } from "#app/i18n/catalogue";
import { fiscalLabel } from "#app/i18n/fiscal";
import { createFormatter, type Formatter } from "#app/i18n/format";
import type { Locale } from "#app/i18n/locales";
import type { Translate } from "#app/i18n/translate";
import { escapeHtml } from "../mail.server";
import { renderMail } from "../mail-layout.server";
import type { KpiResult, Scorecard } from "./scorecard.server";

export interface DigestMissedOrder {
  id: string;
  orderNumber: string;
  siteCode: string;
  promisedDate: string | null;
  onTime: boolean | null;
  inFull: boolean | null;
  /** Business minutes late; null when on time or not recorded. */
  lateMinutes: number | null;
}

export interface DigestInput {
  scorecard: Scorecard;
  /** The worst misses (latest first), at most a page of them. */
  missed: DigestMissedOrder[];
  recipientName: string;
  cadence: DigestCadence;
  locale: Locale;
  /** The portal's origin, for absolute links. */
  origin: string;
}

export interface DigestMail {
  subject: string;
  text: string;
  html: string;
}

/** How many sites the "lowest OTIF" table lists. */
export const WORST_SITES = 3;

const COLORS = { met: "#15803d", missed: "#b91c1c", muted: "#64748b", bar: "#2563eb", track: "#e2e8f0" };
const FONT = "font-family:Arial,Helvetica,sans-serif";

function kpiValue(t: Translate<MessageId>, f: Formatter, unit: KpiResult["unit"], v: number | null): string {
  if (v === null) return t("email.digest.notMeasured");
  return unit === "%" ? f.percent(v / 100, 2) : t("sla.hours", { value: f.number(v, 2) });
}

function status(t: Translate<MessageId>, met: boolean | null): string {
  return met === null ? t("email.digest.notMeasured") : met ? t("email.digest.met") : t("email.digest.notMet");
}

function reasonOf(t: Translate<MessageId>, o: DigestMissedOrder): string {
  if (o.onTime === false && o.inFull === false) return t("email.digest.reason.lateAndShort");
  if (o.onTime === false) return t("email.digest.reason.late");
  return t("email.digest.reason.short");
}

/** The sites with the lowest OTIF in the period (measured orders only), lowest first. */
export function worstSites(sc: Scorecard) {
  return sc.sites
    .map((s) => ({ site: s, otif: s.kpis.find((k) => k.id === "otif")! }))
    .filter((x) => x.site.measured > 0 && x.otif.value !== null)
    .sort((a, b) => a.otif.value! - b.otif.value! || a.site.code.localeCompare(b.site.code))
    .slice(0, WORST_SITES);
}

export function renderDigest(input: DigestInput): DigestMail {
  const { scorecard: sc, origin, cadence } = input;
  const t = translator(input.locale);
  const f = createFormatter(input.locale, sc.tenant.timeZone);
  const url = (path: string) => `${origin}${path}`;
  const otif = sc.kpis.find((k) => k.id === "otif")!;
  const pct = (v: number | null) => (v === null ? t("email.digest.notMeasured") : f.percent(v / 100, 2));
  const targetText = (k: KpiResult) =>
    t(k.better === "higher" ? "email.digest.targetAtLeast" : "email.digest.targetAtMost", {
      target: kpiValue(t, f, k.unit, k.target),
    });
  // The period in the reader's language ("GJ2026 P11 (Nov)", "2026年度 P11（11月）").
  const fiscal = (label: string) => fiscalLabel(label, t, f);
  const periodName = fiscal(sc.period.label);
  const dates = f.dateRange(sc.period.start, sc.period.end);
  const slaLink = url(`/sla?period=${encodeURIComponent(sc.period.id)}`);
  const settingsLink = url("/settings/notifications");
  const missedLink = url(otif.missedHref);
  const sites = worstSites(sc);
  const scale = digestBarScale(
    sc.trend.map((p) => p.otif),
    sc.targets.otifPct,
  );

  const subject = t("email.digest.subject", {
    account: sc.tenant.name,
    period: periodName,
    otif: pct(otif.value),
    target: f.percent(sc.targets.otifPct / 100, 2),
  }).replace(/[\r\n]+/g, " ");
  const title = t(cadence === "week" ? "email.digest.title.week" : "email.digest.title.period");
  const intro = t("email.digest.intro", {
    account: sc.tenant.name,
    period: periodName,
    dates,
    timeZone: sc.tenant.timeZone,
  });
  const measured = t("email.digest.measured", {
    measured: sc.orders.measured,
    promised: f.number(sc.orders.promised),
  });
  const footer = (link: string) => t("email.digest.footer", { cadence, link });
  const trendTitle = t("email.digest.trend", { count: sc.trend.length });
  const scaleText = t("email.digest.trendScale", {
    min: f.percent(scale.min / 100, 0),
    max: f.percent(scale.max / 100, 0),
    target: f.percent(sc.targets.otifPct / 100, 2),
  });

  // ---- plain text ----
  const lines: string[] = [];
  lines.push(`== ${t("email.digest.scorecard")} ==`);
  for (const k of sc.kpis) {
    lines.push(
      `- ${t(kpiMessages(k.id).name)}: ${kpiValue(t, f, k.unit, k.value)} (${t("email.digest.col.target")}: ${targetText(k)}) — ${status(t, k.met)}; ${t("email.digest.col.missed")}: ${f.number(k.missedOrders)}`,
    );
  }
  lines.push("", `== ${trendTitle} ==`);
  for (const p of sc.trend)
    lines.push(`- ${fiscal(p.label)}: ${pct(p.otif)}${p.otifMet === false ? ` (${t("email.digest.notMet")})` : ""}`);
  lines.push("", `== ${t("email.digest.worstSites")} ==`);
  if (sites.length === 0) lines.push(t("email.digest.noSites"));
  for (const s of sites)
    lines.push(
      `- ${s.site.code} ${s.site.name}: ${pct(s.otif.value)} (${t("email.digest.col.measuredOrders")}: ${f.number(s.site.measured)}; ${t("email.digest.col.missed")}: ${f.number(s.otif.missedOrders)}) ${url(s.otif.missedHref)}`,
    );
  lines.push("", `== ${t("email.digest.missedOrders")} ==`);
  if (otif.missedOrders === 0) lines.push(t("email.digest.noMisses"));
  for (const o of input.missed)
    lines.push(
      `- ${o.orderNumber} (${o.siteCode}), ${t("email.digest.col.promised")}: ${f.calendarDate(o.promisedDate)}; ${reasonOf(t, o)}${o.lateMinutes ? `, ${f.duration(o.lateMinutes)}` : ""} ${url(`/orders/${o.id}`)}`,
    );
  if (otif.missedOrders > input.missed.length)
    lines.push(t("email.digest.moreMisses", { shown: input.missed.length, count: otif.missedOrders }));
  if (otif.missedOrders > 0) lines.push(`${t("email.digest.allMissed", { count: otif.missedOrders })}: ${missedLink}`);
  const sectionsText = lines.join("\n");

  // ---- HTML ----
  const e = escapeHtml;
  const a = (href: string, label: string) =>
    `<a href="${e(href)}" style="color:#1d4ed8;text-decoration:underline">${e(label)}</a>`;
  const th = (label: string, align = "left") =>
    `<th align="${align}" style="${FONT};font-size:12px;color:${COLORS.muted};font-weight:bold;padding:6px 8px;border-bottom:1px solid #cbd5e1;text-align:${align}">${e(label)}</th>`;
  const td = (html: string, align = "left", extra = "") =>
    `<td align="${align}" style="${FONT};font-size:14px;color:#0f172a;padding:6px 8px;border-bottom:1px solid #e2e8f0;text-align:${align};${extra}">${html}</td>`;
  const h2 = (label: string) => `<h2 style="${FONT};font-size:16px;color:#0f172a;margin:24px 0 8px 0">${e(label)}</h2>`;
  const p = (html: string, extra = "") =>
    `<p style="${FONT};font-size:14px;line-height:20px;color:#0f172a;margin:0 0 8px 0;${extra}">${html}</p>`;
  const table = (head: string, rows: string[]) =>
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%"><tr>${head}</tr>${rows.join("")}</table>`;
  const small = (html: string, color: string = COLORS.muted, extra = "") =>
    `<br><span style="font-size:12px;color:${color};${extra}">${html}</span>`;
  const statusColor = (met: boolean | null) => (met === null ? COLORS.muted : met ? COLORS.met : COLORS.missed);
  const bar = (v: number | null, met: boolean | null) => {
    const w = scale.width(v);
    if (w === 0) return "";
    const color = met === false ? COLORS.missed : COLORS.bar;
    const fill = `<td width="${w}%" style="width:${w}%;background-color:${color};height:12px;line-height:12px;font-size:1px">&nbsp;</td>`;
    const rest =
      w < 100
        ? `<td width="${100 - w}%" style="width:${100 - w}%;background-color:${COLORS.track};height:12px;line-height:12px;font-size:1px">&nbsp;</td>`
        : "";
    return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%"><tr>${fill}${rest}</tr></table>`;
  };

  const kpiRows = sc.kpis.map(
    (k) =>
      // Three columns, so the table fits a phone: the verdict under the measure, the target under the result.
      `<tr>${td(e(t(kpiMessages(k.id).name)) + small(e(status(t, k.met)), statusColor(k.met), "font-weight:bold"))}${td(`<strong>${e(kpiValue(t, f, k.unit, k.value))}</strong>${small(e(targetText(k)))}`, "right")}${td(
        k.missedOrders > 0 ? a(url(k.missedHref), f.number(k.missedOrders)) : e(f.number(0)),
        "right",
      )}</tr>`,
  );
  const trendRows = sc.trend.map(
    (pt) =>
      `<tr>${td(a(url(`/sla?period=${encodeURIComponent(pt.id)}`), fiscal(pt.label)), "left", "white-space:nowrap;width:110px")}${td(bar(pt.otif, pt.otifMet), "left", "width:100%")}${td(e(pct(pt.otif)), "right", `white-space:nowrap;font-weight:bold;color:${pt.otifMet === false ? COLORS.missed : "#0f172a"}`)}</tr>`,
  );
  const siteRows = sites.map(
    (s) =>
      `<tr>${td(e(`${s.site.code} ${s.site.name}`))}${td(e(pct(s.otif.value)), "right", "font-weight:bold")}${td(e(f.number(s.site.measured)), "right")}${td(
        s.otif.missedOrders > 0 ? a(url(s.otif.missedHref), f.number(s.otif.missedOrders)) : e(f.number(0)),
        "right",
      )}</tr>`,
  );
  const missRows = input.missed.map(
    (o) =>
      // Three columns, so the table fits a phone: the site under the order, the lateness under the reason.
      `<tr>${td(`${a(url(`/orders/${o.id}`), o.orderNumber)}<br><span style="color:${COLORS.muted};font-size:12px">${e(o.siteCode)}</span>`, "left", "white-space:nowrap")}${td(e(f.calendarDate(o.promisedDate)))}${td(`${e(reasonOf(t, o))}${o.lateMinutes ? `<br><span style="color:${COLORS.muted};font-size:12px">${e(t("email.digest.lateBy", { duration: f.duration(o.lateMinutes) }))}</span>` : ""}`)}</tr>`,
  );

  const sectionsHtml = [
    h2(t("email.digest.scorecard")),
    table(
      th(t("email.digest.col.kpi")) +
        th(t("email.digest.col.value"), "right") +
        th(t("email.digest.col.missed"), "right"),
      kpiRows,
    ),
    h2(trendTitle),
    table(th(t("email.digest.col.period")) + th("") + th(t("email.digest.col.otif"), "right"), trendRows),
    p(e(scaleText), `font-size:12px;color:${COLORS.muted};margin-top:6px`),
    h2(t("email.digest.worstSites")),
    sites.length
      ? table(
          th(t("email.digest.col.site")) +
            th(t("email.digest.col.otif"), "right") +
            th(t("email.digest.col.measuredOrders"), "right") +
            th(t("email.digest.col.missed"), "right"),
          siteRows,
        )
      : p(e(t("email.digest.noSites"))),
    h2(t("email.digest.missedOrders")),
    otif.missedOrders === 0
      ? p(e(t("email.digest.noMisses")))
      : table(
          th(t("email.digest.col.order")) + th(t("email.digest.col.promised")) + th(t("email.digest.col.reason")),
          missRows,
        ),
    otif.missedOrders > input.missed.length
      ? p(e(t("email.digest.moreMisses", { shown: input.missed.length, count: otif.missedOrders })), "margin-top:8px")
      : "",
    otif.missedOrders > 0
      ? p(a(missedLink, t("email.digest.allMissed", { count: otif.missedOrders })), "margin-top:8px")
      : "",
  ].join("\n");

  // The shared layout (branding, greeting, button, footer); the digest's tables go in between.
  return renderMail({
    locale: input.locale,
    origin,
    subject,
    heading: title,
    recipientName: input.recipientName,
    paragraphs: [`${sc.tenant.name} · ${periodName} · ${dates}`, intro, measured],
    extra: { html: sectionsHtml, text: sectionsText },
    action: { label: t("email.digest.openSla"), path: slaLink },
    reason: { text: footer("").replace(/:\s*$/, ":"), path: settingsLink },
  });
}
