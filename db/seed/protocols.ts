// Demo escalation protocols (0082): every demo account has version 1, proposed by Sightline and
// accepted by the customer's admin half a year ago; version 2, the customer's change (a tighter
// P2 resolution and an out-of-hours number) accepted by the support lead a month ago; and
// version 3, Sightline's proposal (an earlier move to the account executive for P1 and a fill-rate
// floor of 96 %) waiting for the customer. Escalations carry the version they were raised under.
// Severity definitions are in the customer's own language. Owner connection (the 0082 trigger
// governs runtime roles only); deterministic for a given `now`.
import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Temporal } from "temporal-polyfill";
import { DEFAULT_SLA_TARGETS } from "../../app/domain/escalations/sla";
import { defaultTerms, type ProtocolTerms } from "../../app/domain/joint/protocol";
import type { Locale } from "../../app/i18n/locales";
import type { DbHandle } from "../client";
import { auditLog, escalationProtocolVersions, escalations } from "../schema/index";
import type { TenantProfile } from "./demo-tenants";

const DAY = 86_400_000;

const DEFINITIONS: Record<Locale, Record<"P1" | "P2" | "P3" | "P4", string>> = {
  en: {
    P1: "A line is down or a customer delivery is lost: we cannot ship.",
    P2: "An order for a named customer will miss its promised date unless someone acts today.",
    P3: "Something is wrong but we can work around it this week.",
    P4: "A question, a document or a correction with no deadline.",
  },
  de: {
    P1: "Eine Linie steht oder eine Kundenlieferung ist verloren: Wir können nicht liefern.",
    P2: "Ein Auftrag für einen namentlichen Kunden verpasst den Liefertermin, wenn heute niemand handelt.",
    P3: "Etwas stimmt nicht, aber wir können diese Woche damit arbeiten.",
    P4: "Eine Frage, ein Dokument oder eine Korrektur ohne Frist.",
  },
  ja: {
    P1: "ラインが停止している、または顧客向けの納品が失われた：出荷できない。",
    P2: "特定の顧客向けの注文が、今日対応しなければ約束の納期に間に合わない。",
    P3: "問題はあるが、今週中は回避策で対応できる。",
    P4: "期限のない質問、書類、訂正。",
  },
};

function firstTerms(tenant: TenantProfile): ProtocolTerms {
  const terms = defaultTerms(DEFAULT_SLA_TARGETS[tenant.tier]);
  for (const s of ["P1", "P2", "P3", "P4"] as const)
    terms.severities[s].definition = DEFINITIONS[tenant.defaultLocale][s];
  const d = tenant.emailDomain;
  terms.contacts = [
    {
      side: "customer",
      level: "agent",
      name: "Operations desk",
      role: "Order desk",
      businessHours: `ops@${d}`,
      outOfHours: "",
      email: "",
    },
    {
      side: "provider",
      level: "agent",
      name: "Sightline support",
      role: "Support team",
      businessHours: "support@sightline.example",
      outOfHours: "+1 555 0100",
      email: "",
    },
    {
      side: "customer",
      level: "lead",
      name: `${tenant.name} admin`,
      role: "Logistics manager",
      businessHours: `admin@${d}`,
      outOfHours: "",
      email: `admin@${d}`,
    },
    {
      side: "provider",
      level: "lead",
      name: "Lee Lead",
      role: "Support lead",
      businessHours: "lead@sightline.example",
      outOfHours: "+1 555 0101",
      email: "lead@sightline.example",
    },
    {
      side: "customer",
      level: "account_executive",
      name: "Head of supply chain",
      role: "Supply chain",
      businessHours: `supply@${d}`,
      outOfHours: "",
      email: "",
    },
    {
      side: "provider",
      level: "account_executive",
      name: "Olive Ops",
      role: "Account executive",
      businessHours: "ops@sightline.example",
      outOfHours: "+1 555 0102",
      email: "ops@sightline.example",
    },
    {
      side: "customer",
      level: "leadership",
      name: "Chief operating officer",
      role: "COO",
      businessHours: `coo@${d}`,
      outOfHours: "",
      email: "",
    },
    {
      side: "provider",
      level: "leadership",
      name: "VP customer operations",
      role: "Leadership",
      businessHours: "vp@sightline.example",
      outOfHours: "+1 555 0103",
      email: "",
    },
  ];
  return terms;
}

/**
 * What the people who proposed each version wrote: free text, so in the account's language (the
 * staff member writing to a German account writes German).
 */
const NOTES: Record<Locale, Record<number, string>> = {
  en: {
    1: "Initial protocol from the onboarding workshop.",
    2: "P2 cases hurt our customers most: resolve them within three quarters of the time.",
    3: "Bring the account executive in earlier on P1, and review when fill rate drops under 96%.",
  },
  de: {
    1: "Erstes Protokoll aus dem Onboarding-Workshop.",
    2: "P2-Fälle treffen unsere Kunden am stärksten: Lösen Sie sie in drei Vierteln der Zeit.",
    3: "Bei P1 den Account Executive früher hinzuziehen und prüfen, sobald die Lieferbereitschaft unter 96 % fällt.",
  },
  ja: {
    1: "オンボーディング・ワークショップで合意した最初のプロトコルです。",
    2: "P2 の案件は当社の顧客への影響が最も大きいため、解決時間を 4 分の 3 に短縮してください。",
    3: "P1 ではアカウント・エグゼクティブの関与を早め、充足率が 96% を下回ったらレビューを行います。",
  },
};

export async function seedDemoProtocols(
  handle: DbHandle,
  tenants: readonly TenantProfile[],
  now: Temporal.Instant,
): Promise<void> {
  const t0 = now.epochMilliseconds;
  const daysAgo = (n: number) => new Date(t0 - n * DAY);
  const lead = await handle.db.execute<{ id: string; name: string }>(
    sql`select id, name from "user" where email = 'lead@sightline.example' limit 1`,
  );
  const staff = lead.rows[0] ?? { id: null, name: "Lee Lead" };
  for (const tenant of tenants) {
    const admin = (
      await handle.db.execute<{ id: string; name: string }>(
        sql`select id, name from "user" where email = ${`admin@${tenant.emailDomain}`} limit 1`,
      )
    ).rows[0];
    if (!admin) continue;
    const v1 = firstTerms(tenant);
    const v2: ProtocolTerms = structuredClone(v1);
    v2.severities.P2.resolutionMinutes = Math.round(v1.severities.P2.resolutionMinutes * 0.75);
    v2.contacts[2] = { ...v2.contacts[2], outOfHours: "+1 555 0199" };
    const v3: ProtocolTerms = structuredClone(v2);
    v3.severities.P1.levelAfterMinutes.account_executive = Math.round(
      (v2.severities.P1.levelAfterMinutes.lead + v2.severities.P1.levelAfterMinutes.account_executive) / 2,
    );
    v3.review.fillRateFloorPct = 96;
    const customer = { side: "customer" as const, id: admin.id, name: admin.name };
    const provider = { side: "provider" as const, id: staff.id, name: staff.name };
    const rows = [
      { version: 1, terms: v1, by: provider, at: 200, decider: customer, decidedAt: 198, status: "accepted" as const },
      { version: 2, terms: v2, by: customer, at: 33, decider: provider, decidedAt: 30, status: "accepted" as const },
      { version: 3, terms: v3, by: provider, at: 2, decider: null, decidedAt: 0, status: "pending" as const },
    ];
    const notes = NOTES[tenant.defaultLocale];
    for (const r of rows) {
      await handle.db.insert(escalationProtocolVersions).values({
        tenantId: tenant.id,
        version: r.version,
        terms: r.terms,
        note: notes[r.version],
        basedOn: r.version === 1 ? null : r.version === 3 ? 2 : 1,
        proposedSide: r.by.side,
        proposedByUserId: r.by.id,
        proposedByName: r.by.name,
        proposedAt: daysAgo(r.at),
        status: r.status,
        decidedSide: r.decider?.side ?? null,
        decidedByUserId: r.decider?.id ?? null,
        decidedByName: r.decider?.name ?? null,
        decidedAt: r.decider ? daysAgo(r.decidedAt) : null,
      });
      const entry = (action: string, who: { id: string | null; name: string; side: string }, at: number) => ({
        tenantId: tenant.id,
        actorUserId: who.id,
        actorLabel: who.side === "provider" ? `${who.name} (staff)` : who.name,
        action,
        targetType: "escalation_protocol",
        targetId: `${tenant.id}:${r.version}`,
        detail: { version: r.version, side: who.side },
        at: daysAgo(at),
      });
      await handle.db
        .insert(auditLog)
        .values([
          entry("escalation_protocol.proposed", r.by, r.at),
          ...(r.decider ? [entry("escalation_protocol.accepted", r.decider, r.decidedAt)] : []),
        ]);
    }
    // Raised before version 2 took effect: version 1; since: version 2.
    await handle.db
      .update(escalations)
      .set({ protocolVersion: 1 })
      .where(and(eq(escalations.tenantId, tenant.id), lt(escalations.createdAt, daysAgo(30))));
    await handle.db
      .update(escalations)
      .set({ protocolVersion: 2 })
      .where(and(eq(escalations.tenantId, tenant.id), gte(escalations.createdAt, daysAgo(30))));
  }
}
