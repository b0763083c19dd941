// The moves on /staff/performance-alerts: acknowledge, close, or publish a recovery plan. Error
// messages are catalogue ids (joint area), shown in the viewer's language.
import { z } from "zod";

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
export const RECOVERY_PLAN_MAX = 4000;

export const performanceAlertSchema = z.object({
  intent: z.enum(["acknowledge", "close", "publish"], { message: "joint.performance.error.invalid" }),
  id: z.string().regex(/^[0-9a-f-]{36}$/i, "joint.performance.error.invalid"),
  plan: z
    .string()
    .transform((s) => s.replace(CONTROL, "").trim())
    .pipe(z.string().max(RECOVERY_PLAN_MAX, "joint.performance.error.planRequired"))
    .optional(),
});
