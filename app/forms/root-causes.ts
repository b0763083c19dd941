// The root-cause form on the staff escalation page (set a cause, or resolve with one). Error
// messages are catalogue ids (joint area), shown in the viewer's language.
import { z } from "zod";
import { ROOT_CAUSES } from "../domain/joint/root-causes";

export const rootCauseSchema = z.object({
  intent: z.enum(["set", "resolve"], { message: "joint.cause.error.invalid" }),
  rootCause: z.enum(ROOT_CAUSES, { message: "joint.cause.error.invalid" }),
});
