// The live wake-up for escalations (NOTIFY sightline_escalations) reaches customers' streams, so
// it must fire only for changes a customer can see: never for staff-only bookkeeping such as the
// SLA alert keys or the internal summary. Both databases.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "#db/client";
import { escalations } from "#db/schema/index";
import { createTestDb, describeEachDb } from "../support/db";
import { createEscalationRow } from "../support/escalations";
import { createTenant } from "../support/factories";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

await describeEachDb("escalation wake-ups", (kind) => {
  let handle: DbHandle;
  let tenantId: string;
  const heard: string[] = [];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    handle = await createTestDb(kind);
    tenantId = (await createTenant(handle)).id;
    stop = await handle.listen("sightline_escalations", (p) => heard.push(p));
  }, 120_000);

  afterAll(async () => {
    await stop?.();
    await handle?.close();
  });

  const about = (id: string) => heard.filter((p) => p.includes(id)).length;
  /** Waits (up to 10 s) until `n` notifications about the escalation have arrived. */
  async function until(id: string, n: number): Promise<void> {
    const end = Date.now() + 10_000;
    while (about(id) < n && Date.now() < end) await sleep(50);
  }

  /**
   * What was heard about one escalation while `change` ran. Notifications arrive after commit and,
   * on a busy machine, late: the raise's own notification is awaited first, and silence is judged
   * after a second.
   */
  async function heardAbout(id: string, change: () => Promise<unknown>): Promise<number> {
    await until(id, 1);
    heard.length = 0;
    await change();
    await sleep(1_000);
    return about(id);
  }

  it("stays silent when only the SLA alert bookkeeping changes", async () => {
    const id = await createEscalationRow(handle, tenantId);
    const n = await heardAbout(id, () =>
      handle.db
        .update(escalations)
        .set({ alertsSent: ["response_soon"] })
        .where(eq(escalations.id, id)),
    );
    expect(n).toBe(0);
  });

  it("stays silent when only the internal summary changes", async () => {
    const id = await createEscalationRow(handle, tenantId);
    const n = await heardAbout(id, () =>
      handle.db.update(escalations).set({ internalSummary: "Carrier at fault." }).where(eq(escalations.id, id)),
    );
    expect(n).toBe(0);
  });

  it("wakes live pages when the status changes", async () => {
    const id = await createEscalationRow(handle, tenantId);
    const n = await heardAbout(id, () =>
      handle.db.update(escalations).set({ status: "acknowledged" }).where(eq(escalations.id, id)),
    );
    expect(n).toBe(1);
  });

  it("wakes live pages when an escalation is raised", async () => {
    const id = await createEscalationRow(handle, tenantId);
    await until(id, 1);
    await sleep(500);
    expect(about(id)).toBe(1);
  });
});
