// Forms of the ingest key administration page (staff.admin.ingest-keys). Messages are catalogue
// ids, translated where the page shows them.
import { z } from "zod";

export const createIngestKeySchema = z.object({
  intent: z.literal("create"),
  tenantId: z.uuid("admin.ingestKeys.error.account"),
  name: z.string().trim().min(3, "admin.ingestKeys.error.nameShort").max(80, "admin.ingestKeys.error.nameLong"),
});

export const revokeIngestKeySchema = z.object({
  intent: z.literal("revoke"),
  tenantId: z.uuid(),
  keyId: z.uuid(),
});
