// The satisfaction rating form, shared by the escalation page and the rating action. Error
// messages are catalogue ids (joint area), shown in the viewer's language.
import { z } from "zod";
import { RATING_COMMENT_MAX, type Score } from "../domain/joint/satisfaction";

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export const ratingSchema = z.object({
  score: z
    .string({ message: "joint.rating.error.score" })
    .regex(/^[1-5]$/, "joint.rating.error.score")
    .transform((s) => Number(s) as Score),
  comment: z
    .string()
    .transform((s) => s.replace(CONTROL, "").trim())
    .pipe(z.string().max(RATING_COMMENT_MAX, "joint.rating.error.comment"))
    .nullish()
    .transform((s) => (s ? s : null)),
});
