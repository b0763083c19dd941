// The one e-mail layout every mail of the portal uses (invitations, password resets,
// notifications, delay alerts, escalation updates, the SLA digest): an HTML part and a plain-text
// part built from the same content. The HTML is what mail clients render reliably — nested
// tables, inline styles, no scripts, images or web fonts — with the portal's name on a bar in its
// brand colour, one call-to-action button whose link is also written out, and a footer linking to
// the portal. Every value is escaped; every link is absolute (the portal's origin, from
// PUBLIC_URL); every sentence comes from the message catalogue in the reader's locale.
//
// Hand-built rather than react-email: React 18.3's streaming renderer leaks NUL bytes beside
// multi-byte characters (see http/fizz-nul-bytes.server.ts), which would reach Japanese mails.
import { translator } from "#app/i18n/catalogue";
import type { Locale } from "#app/i18n/locales";
import { escapeHtml } from "./mail.server";

/** The portal's brand colour (tailwind brand-700) and the layout's neutral colours. */
export const MAIL_COLORS = {
  brand: "#1a47a1",
  text: "#0f172a",
  muted: "#475569",
  page: "#f1f5f9",
  border: "#e2e8f0",
  link: "#1a47a1",
} as const;
export const MAIL_FONT = "font-family:Arial,Helvetica,sans-serif";

export interface MailContent {
  locale: Locale;
  /** The portal's origin (portalOrigin()), for absolute links. */
  origin: string;
  subject: string;
  heading: string;
  /** "Hello {name}," when the reader's name is known. */
  recipientName?: string;
  /** Plain-text paragraphs before the button (escaped in HTML; line breaks kept). */
  paragraphs: string[];
  /** The call to action; `path` is a path on the portal (made absolute) or an absolute portal URL. */
  action?: { label: string; path: string };
  /** Paragraphs after the button. */
  after?: string[];
  /** Pre-built content between the paragraphs and the button (the digest's tables), HTML and text. */
  extra?: { html: string; text: string };
  /**
   * Why the reader gets this mail and where to change it: "settings" links Settings →
   * Notifications (customers), "notifications" the notification list (staff).
   */
  manage?: "settings" | "notifications";
  /** A footer sentence of the mail's own in place of `manage` (the digest's subscription), with its link. */
  reason?: { text: string; path: string };
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** An absolute URL on the portal for a path (or the URL itself when it is already absolute). */
export function portalUrl(origin: string, path: string): string {
  return /^https?:\/\//i.test(path) ? path : `${origin}${path.startsWith("/") ? "" : "/"}${path}`;
}

const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, " ").trim();

export function renderMail(c: MailContent): RenderedMail {
  const t = translator(c.locale);
  const e = escapeHtml;
  const subject = oneLine(c.subject);
  const url = (path: string) => portalUrl(c.origin, path);
  const home = url("/");
  const greeting = c.recipientName ? t("email.layout.greeting", { name: c.recipientName }) : null;
  const action = c.action ? { label: c.action.label, href: url(c.action.path) } : null;
  const reason = c.reason
    ? { text: c.reason.text, href: url(c.reason.path) }
    : c.manage === "settings"
      ? { text: t("email.layout.manage"), href: url("/settings/notifications") }
      : c.manage === "notifications"
        ? { text: t("email.layout.allNotifications"), href: url("/notifications") }
        : null;
  const footer = t("email.layout.footer", { link: home });

  // ---- plain text ----
  const lines: string[] = [c.heading, ""];
  if (greeting) lines.push(greeting, "");
  for (const p of c.paragraphs) lines.push(p, "");
  if (c.extra) lines.push(c.extra.text, "");
  if (action) lines.push(`${action.label}: ${action.href}`, "");
  for (const p of c.after ?? []) lines.push(p, "");
  lines.push("--");
  if (reason) lines.push(`${reason.text} ${reason.href}`);
  lines.push(footer, "");
  const text = lines.join("\n");

  // ---- HTML ----
  const a = (href: string, label: string) =>
    `<a href="${e(href)}" style="color:${MAIL_COLORS.link};text-decoration:underline;word-break:break-all">${e(label)}</a>`;
  const p = (html: string, extra = "") =>
    `<p style="${MAIL_FONT};font-size:15px;line-height:22px;color:${MAIL_COLORS.text};margin:0 0 12px 0;${extra}">${html}</p>`;
  const para = (s: string) => p(e(s).replace(/\r?\n/g, "<br>"));
  const small = (html: string) =>
    `<p style="${MAIL_FONT};font-size:12px;line-height:18px;color:${MAIL_COLORS.muted};margin:0 0 8px 0">${html}</p>`;
  const button = action
    ? `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:20px 0 12px 0"><tr><td style="background-color:${MAIL_COLORS.brand};border-radius:4px;padding:12px 20px"><a href="${e(action.href)}" style="${MAIL_FONT};font-size:15px;color:#ffffff;text-decoration:none;font-weight:bold">${e(action.label)}</a></td></tr></table>` +
      small(`${e(t("email.layout.linkFallback"))}<br>${a(action.href, action.href)}`)
    : "";
  const body = [
    `<h1 style="${MAIL_FONT};font-size:20px;line-height:26px;color:${MAIL_COLORS.text};margin:0 0 16px 0">${e(c.heading)}</h1>`,
    greeting ? para(greeting) : "",
    ...c.paragraphs.map(para),
    c.extra?.html ?? "",
    button,
    ...(c.after ?? []).map(para),
  ]
    .filter(Boolean)
    .join("\n");
  const footerHtml = [
    reason ? small(`${e(reason.text)} ${a(reason.href, reason.href)}`) : "",
    small(e(footer).replace(e(home), a(home, home))),
  ].join("");

  const html = `<!DOCTYPE html>
<html lang="${c.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light"><title>${e(subject)}</title></head>
<body style="margin:0;padding:0;background-color:${MAIL_COLORS.page}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${MAIL_COLORS.page}"><tr><td align="center" style="padding:16px 8px">
<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:640px;background-color:#ffffff;border:1px solid ${MAIL_COLORS.border}">
<tr><td style="background-color:${MAIL_COLORS.brand};padding:14px 24px"><a href="${e(home)}" style="${MAIL_FONT};font-size:18px;font-weight:bold;color:#ffffff;text-decoration:none">${e(t("email.layout.brand"))}</a><span style="${MAIL_FONT};font-size:13px;color:#ffffff"> · ${e(t("email.layout.tagline"))}</span></td></tr>
<tr><td style="padding:24px">
${body}
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid ${MAIL_COLORS.border}">
${footerHtml}
</td></tr>
</table>
</td></tr></table>
</body>
</html>
`;
  return { subject, text, html };
}
