import AxeBuilder from "@axe-core/playwright";
import { chromium } from "playwright";

// Received mails split into their decoded parts (for tests that capture mail from a local
// smtp-server, see startSmtp in ./escalations): subject (RFC 2047), the text and HTML parts
// (base64 / quoted-printable, UTF-8).
export interface ParsedMail {
  to: string[];
  subject: string;
  messageId: string;
  text: string;
  html: string;
}

function decodeBody(body: string, encoding: string): string {
  const enc = encoding.toLowerCase();
  if (enc === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (enc === "quoted-printable") {
    const bytes: number[] = [];
    const s = body.replace(/=\r?\n/g, "");
    for (let i = 0; i < s.length; i++) {
      if (s[i] === "=" && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
        bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(...Buffer.from(s[i], "utf8"));
    }
    return Buffer.from(bytes).toString("utf8");
  }
  return body;
}

function headersOf(block: string): Map<string, string> {
  const h = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) h.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return h;
}

/** RFC 2047 encoded words ("=?UTF-8?B?...?=", "=?UTF-8?Q?...?="). */
function decodeWords(v: string): string {
  return v
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, kind: string, data: string) =>
      kind.toLowerCase() === "b"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeBody(data.replace(/_/g, " "), "quoted-printable"),
    );
}

/** A raw multipart mail as received; throws on a single-part mail. */
export function parseMail(raw: string, to: string[]): ParsedMail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = headersOf(raw.slice(0, split));
  const boundary = /boundary="?([^";]+)"?/i.exec(head.get("content-type") ?? "")?.[1];
  const out: ParsedMail = {
    to,
    subject: decodeWords(head.get("subject") ?? ""),
    messageId: head.get("message-id") ?? "",
    text: "",
    html: "",
  };
  if (!boundary) throw new Error("expected a multipart mail");
  for (const part of raw.split(`--${boundary}`).slice(1)) {
    const i = part.search(/\r?\n\r?\n/);
    if (i < 0) continue;
    const h = headersOf(part.slice(0, i));
    const body = decodeBody(part.slice(i).trim(), h.get("content-transfer-encoding") ?? "7bit");
    if (/text\/plain/i.test(h.get("content-type") ?? "")) out.text = body;
    if (/text\/html/i.test(h.get("content-type") ?? "")) out.html = body;
  }
  return out;
}

/** Every href in an HTML part, entities decoded. */
export function hrefsOf(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1].replace(/&#38;/g, "&").replace(/&amp;/g, "&"));
}

/**
 * The serious and critical axe findings of a mail's HTML rendered in Chromium (at `viewport`,
 * a desktop window by default), as "rule: help" lines.
 */
export async function seriousAxeFindings(
  html: string,
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
): Promise<string[]> {
  const chrome = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await (await chrome.newContext({ viewport })).newPage();
    await page.setContent(html, { waitUntil: "load" });
    if (process.env.MAIL_SCREENSHOT) await page.screenshot({ path: process.env.MAIL_SCREENSHOT, fullPage: true });
    const results = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
    return results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help}`);
  } finally {
    await chrome.close();
  }
}

/** How many pixels a mail's HTML is wider than a `width`-pixel screen in Chromium (0 when it fits). */
export async function sidewaysOverflow(html: string, width: number): Promise<number> {
  const chrome = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await (await chrome.newContext({ viewport: { width, height: 900 } })).newPage();
    await page.setContent(html, { waitUntil: "load" });
    return await page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - innerWidth));
  } finally {
    await chrome.close();
  }
}
