// Outgoing mail. With SMTP_URL set, mail goes through nodemailer; otherwise it is written to
// the server log with a clear notice, so local demos can follow reset and invitation links.
import nodemailer from "nodemailer";
import { env } from "./env.server";

export interface Mail {
  to: string;
  subject: string;
  /** Plain text; HTML is derived by escaping, so user text stays inert in mail clients. */
  text: string;
}

let transport: nodemailer.Transporter | undefined;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function sendMail(mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) {
    console.log(
      `[mail] SMTP_URL is not set, so this mail was not sent. To: ${mail.to}\n[mail] Subject: ${mail.subject}\n${mail.text.replace(/^/gm, "[mail]   ")}`,
    );
    return;
  }
  transport ??= nodemailer.createTransport(SMTP_URL);
  await transport.sendMail({
    from: MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: `<pre style="font-family:inherit;white-space:pre-wrap">${escapeHtml(mail.text)}</pre>`,
  });
}
