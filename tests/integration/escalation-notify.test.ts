// The live wake-up for escalations (NOTIFY sightline_escalations) reaches customers' streams, so
// it must fire only for changes a customer can see: never for staff-only bookkeeping such as the
// SLA alert keys or the internal summary. Both databases.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { escalations } from "../../db/schema/index";
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

  /** What was heard about one escalation while `change` ran (notifications arrive after commit). */
  async function heardAbout(id: string, change: () => Promise<unknown>): Promise<number> {
    heard.length = 0;
    await change();
    await sleep(400);
    return heard.filter((p) => p.includes(id)).length;
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
    heard.length = 0;
    const id = await createEscalationRow(handle, tenantId);
    await sleep(400);
    expect(heard.filter((p) => p.includes(id))).toHaveLength(1);
  });
});
