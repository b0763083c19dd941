// Helpers for escalation tests: a cookie-keeping HTTP client that also speaks JSON, a local SMTP
// server that keeps what it receives, small factories for escalation rows and stored calendars.
import type { AddressInfo } from "node:net";
import { eq, max, sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import type { DbHandle } from "#db/client";
import {
  escalationProtocolVersions,
  escalations,
  escalationSlaTargets,
  tenantCalendars,
  type StoredPause,
} from "#db/schema/index";
import type { CalendarDefinition } from "#app/domain/calendar/index";
import { insertAcceptedVersion, latestAcceptedVersion } from "./protocol";

/** Like tests/support/portal.ts Browser, plus JSON requests for the API. */
export class Client {
  private cookies = new Map<string, string>();
  constructor(
    private readonly base: string,
    private readonly ip: string,
  ) {}

  private store(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(";");
      const [name, ...rest] = pair.split("=");
      const value = rest.join("=");
      if (attrs.some((a) => /max-age=0/i.test(a.trim())) || value === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  headers(extra: Record<string, string> = {}): Headers {
    const h = new Headers({ "x-forwarded-for": this.ip, ...extra });
    if (this.cookies.size) h.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    return h;
  }

  async get(path: string, extra: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(this.base + path, { headers: this.headers(extra), redirect: "manual" });
    this.store(res);
    return res;
  }

  async post(path: string, form: Record<string, string>): Promise<Response> {
    const res = await fetch(this.base + path, {
      method: "POST",
      headers: this.headers({ "content-type": "application/x-www-form-urlencoded", origin: this.base }),
      body: new URLSearchParams(form).toString(),
      redirect: "manual",
    });
    this.store(res);
    return res;
  }

  async postJson(path: string, body: unknown, raw = false): Promise<Response> {
    const res = await fetch(this.base + path, {
      method: "POST",
      headers: this.headers({ "content-type": "application/json", origin: this.base }),
      body: raw ? String(body) : JSON.stringify(body),
      redirect: "manual",
    });
    this.store(res);
    return res;
  }

  async signIn(email: string, password = "sightline-demo"): Promise<this> {
    const res = await this.post("/login", { email, password });
    if (res.status !== 302) throw new Error(`sign-in of ${email} failed: ${res.status}`);
    return this;
  }

  /** Staff: open an account in the switcher (needed for /api/v1 and customer pages). */
  async openAccount(tenantId: string): Promise<void> {
    const res = await this.post("/staff/accounts", { tenantId });
    if (res.status !== 302) throw new Error(`opening account ${tenantId} failed: ${res.status}`);
  }
}

export interface ReceivedMail {
  to: string[];
  raw: string;
  /** Headers and bodies with quoted-printable soft breaks and escapes decoded. */
  decoded: string;
  /** The decoded text/html part ('' when there is none). */
  html: string;
}

function htmlPart(decoded: string): string {
  const m = /Content-Type: text\/html[^\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n([\s\S]*?)(?:\r?\n--|$)/i.exec(decoded);
  return m ? m[1] : "";
}

function decodeQuotedPrintable(s: string): string {
  return s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export async function startSmtp(): Promise<{ url: string; mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const decoded = decodeQuotedPrintable(raw);
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, decoded, html: htmlPart(decoded) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Waits until `check` returns a value (polling), or fails after `ms`. */
export async function eventually<T>(check: () => T | undefined | null | false, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** An office calendar definition: the given hours Mon-Fri, public holidays of country/region. */
export function officeCalendar(
  timeZone: string,
  hours: { start: string; end: string },
  holidays: { country: string; region?: string } | null,
): CalendarDefinition {
  const day = () => [{ ...hours }];
  return {
    timeZone,
    weekStart: 1,
    weeklyHours: { "1": day(), "2": day(), "3": day(), "4": day(), "5": day(), "6": [], "7": [] },
    holidays,
    closures: [],
    extraWorkingDays: [],
    fiscal: { kind: "calendar", startMonth: 1 },
  };
}

export async function storeCalendar(handle: DbHandle, tenantId: string, definition: CalendarDefinition): Promise<void> {
  const r = await handle.db.execute<{ v: number }>(
    sql`select coalesce(max(version), 0)::int + 1 as v from tenant_calendars where tenant_id = ${tenantId}::uuid`,
  );
  await handle.db.insert(tenantCalendars).values({
    tenantId,
    version: r.rows[0].v,
    definition: definition as unknown as Record<string, unknown>,
    label: "Test calendar",
    createdBy: "test",
  } as typeof tenantCalendars.$inferInsert);
}

/**
 * Makes these the severity's targets in effect: the platform admin's override, and — when the
 * account has an agreed escalation protocol, which then is the source (0082) — a new accepted
 * protocol version with them (as if both sides had agreed it).
 */
export async function setTarget(
  handle: DbHandle,
  tenantId: string,
  severity: "P1" | "P2" | "P3" | "P4",
  firstResponseMinutes: number,
  resolutionMinutes: number,
  twentyFourSeven = false,
): Promise<void> {
  await handle.db
    .insert(escalationSlaTargets)
    .values({ tenantId, severity, firstResponseMinutes, resolutionMinutes, twentyFourSeven, updatedBy: "test" })
    .onConflictDoUpdate({
      target: [escalationSlaTargets.tenantId, escalationSlaTargets.severity],
      set: { firstResponseMinutes, resolutionMinutes, twentyFourSeven },
    });
  const current = await latestAcceptedVersion(handle, tenantId);
  if (!current) return;
  const [{ last }] = await handle.db
    .select({ last: max(escalationProtocolVersions.version) })
    .from(escalationProtocolVersions)
    .where(eq(escalationProtocolVersions.tenantId, tenantId));
  const terms = structuredClone(current.terms);
  Object.assign(terms.severities[severity], { firstResponseMinutes, resolutionMinutes, twentyFourSeven });
  // Above any pending proposal; the pending one stays pending.
  await insertAcceptedVersion(handle, { tenantId, version: (last ?? 0) + 1, terms, basedOn: current.version });
}

/** An escalation row written directly (owner connection) with the facts a test controls. */
export async function createEscalationRow(
  handle: DbHandle,
  tenantId: string,
  facts: Partial<{
    severity: "P1" | "P2" | "P3" | "P4";
    status: "open" | "acknowledged" | "in_progress" | "awaiting_customer" | "resolved" | "closed";
    createdAt: Date;
    firstResponseAt: Date | null;
    resolvedAt: Date | null;
    pauses: StoredPause[];
    title: string;
  }> = {},
): Promise<string> {
  const [row] = await handle.db
    .insert(escalations)
    .values({
      tenantId,
      number: 0,
      category: "other",
      severity: facts.severity ?? "P3",
      status: facts.status ?? "open",
      title: facts.title ?? "Test escalation",
      description: "A problem written by a test factory.",
      desiredOutcome: "A fix.",
      raisedByName: "Test Customer",
      createdAt: facts.createdAt ?? new Date(),
      updatedAt: facts.createdAt ?? new Date(),
      firstResponseAt: facts.firstResponseAt ?? null,
      resolvedAt: facts.resolvedAt ?? null,
      slaPauses: facts.pauses ?? [],
    })
    .returning({ id: escalations.id });
  return row.id;
}
