// Forms of the ingest key administration page (staff.admin.ingest-keys).
import { z } from "zod";

export const createIngestKeySchema = z.object({
  intent: z.literal("create"),
  tenantId: z.uuid("Choose an account."),
  name: z
    .string()
    .trim()
    .min(3, "Name the key after the system that uses it (at least 3 characters).")
    .max(80, "At most 80 characters."),
});

export const revokeIngestKeySchema = z.object({
  intent: z.literal("revoke"),
  tenantId: z.uuid(),
  keyId: z.uuid(),
});
