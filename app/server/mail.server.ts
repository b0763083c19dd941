// Outgoing mail. With SMTP_URL set, mail goes through nodemailer; otherwise it is written to
// the server log with a clear notice, so local demos can follow reset and invitation links.
import type { Transporter } from "nodemailer";
import { env } from "./env.server";
import { DependencyError } from "./http/problem.server";
import { logger } from "./log.server";

const log = logger("mail");

export interface Mail {
  to: string;
  subject: string;
  /** The plain-text part. */
  text: string;
  /** The HTML part, from the shared layout (mail-layout.server.ts renderMail: escaped values, absolute links). */
  html: string;
  /** A stable Message-ID (e.g. one per digest and period): a resent copy is recognisably the same mail. */
  messageId?: string;
}

let transport: Transporter | undefined;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function sendMail(mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM, NODE_ENV } = env();
  if (!SMTP_URL) {
    // Local demos follow reset and invitation links from the log; a production log never holds
    // those links (they carry tokens), only the fact that mail is not configured.
    if (NODE_ENV === "production") log.warn({ subject: mail.subject }, "SMTP_URL is not set, so a mail was not sent");
    else
      log.info(
        `SMTP_URL is not set, so this mail was not sent. To: ${mail.to}\nSubject: ${mail.subject}\n${mail.text}`,
      );
    return;
  }
  // Loaded with the first mail sent, not at start: most processes never send one.
  transport ??= (await import("nodemailer")).default.createTransport(SMTP_URL);
  try {
    await transport.sendMail({
      from: MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      ...(mail.messageId ? { messageId: mail.messageId } : {}),
    });
  } catch (err) {
    // Tagged with its source: an ECONNREFUSED from here must not read as "database unavailable".
    throw new DependencyError("mail", `The mail server did not take the mail: ${(err as Error).message}`, {
      cause: err,
    });
  }
}
