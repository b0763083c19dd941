// Settings → Notifications: the SLA digest subscription ("none" stops it).
import { z } from "zod";

export const digestSchema = z.object({
  intent: z.literal("digest"),
  cadence: z.enum(["none", "week", "period"], { message: "Choose how often you want the SLA digest." }),
});
