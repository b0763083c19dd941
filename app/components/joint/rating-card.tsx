// "How did we do?" on a resolved escalation: the customer gives a 1-5 rating with a comment, sees
// it afterwards and may change it until it locks (RATING_EDIT_DAYS). Staff viewing the account
// see the rating read-only. Posts to /escalations/:id/rating.
import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { RATING_COMMENT_MAX, SCORES } from "#app/domain/joint/satisfaction";
import type { MessageId } from "#app/i18n/catalogue";
import { useFormat, useT } from "#app/i18n/react";
import type { RatingState } from "#app/server/joint/ratings.server";
import { Alert, Button, Card, TextAreaField } from "../ui";

export interface RatingActionData {
  ok: boolean;
  message: MessageId | null;
  errors: Partial<Record<"score" | "comment", MessageId>>;
}

export function Stars({ score, label }: { score: number; label: string }) {
  return (
    <span role="img" aria-label={label} className="text-lg tracking-wide text-amber-500">
      {"★".repeat(score)}
      <span className="text-slate-300">{"★".repeat(5 - score)}</span>
    </span>
  );
}

export function RatingCard({
  escalationId,
  state,
  timeZone,
}: {
  escalationId: string;
  state: RatingState;
  timeZone: string;
}) {
  const t = useT();
  const f = useFormat(timeZone);
  const fetcher = useFetcher<RatingActionData>();
  const [editing, setEditing] = useState(false);
  const scoreErrorId = useId();
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) setEditing(false);
  }, [fetcher.state, fetcher.data]);
  if (!state.rateable && !state.rating) return null;
  const r = state.rating;
  const result = fetcher.data;
  const busy = fetcher.state !== "idle";
  const showForm = state.canRate && (!r || (editing && r.editable));
  return (
    <Card title={t("joint.rating.title")}>
      {result?.message ? (
        <div className="mt-3">
          <Alert tone={result.ok ? "success" : "error"}>{t(result.message)}</Alert>
        </div>
      ) : null}
      {r && !showForm ? (
        <div className="mt-3 space-y-2 text-sm" data-testid="rating">
          <Stars score={r.score} label={t("joint.rating.stars", { score: r.score })} />
          {r.comment ? <p className="break-words whitespace-pre-wrap text-slate-800">“{r.comment}”</p> : null}
          <p className="text-xs text-slate-500">
            {t("joint.rating.by", { name: r.ratedByName, when: f.dateTime(r.updatedAt) })}
          </p>
          {state.canRate ? (
            r.editable ? (
              <div className="flex flex-wrap items-center gap-3">
                <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
                  {t("joint.rating.change")}
                </Button>
                <span className="text-xs text-slate-500">
                  {t("joint.rating.editableUntil", { when: f.dateTime(r.editableUntil) })}
                </span>
              </div>
            ) : (
              <p className="text-xs text-slate-500">{t("joint.rating.locked")}</p>
            )
          ) : null}
        </div>
      ) : null}
      {showForm ? (
        <fetcher.Form
          method="post"
          action={`/escalations/${escalationId}/rating`}
          className="mt-3 space-y-3"
          noValidate
        >
          <fieldset>
            <legend id={`${scoreErrorId}-legend`} className="text-sm text-slate-700">
              {t("joint.rating.question")}
            </legend>
            <div
              role="radiogroup"
              aria-labelledby={`${scoreErrorId}-legend`}
              aria-invalid={result?.errors.score ? true : undefined}
              aria-describedby={result?.errors.score ? scoreErrorId : undefined}
              className="mt-2 flex flex-wrap gap-2"
            >
              {SCORES.map((s) => (
                <label
                  key={s}
                  className="flex cursor-pointer items-center gap-1 rounded-lg border border-slate-300 px-2 py-1 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
                >
                  <input type="radio" name="score" value={s} defaultChecked={r?.score === s} required />
                  <span>{t(`joint.rating.score.${s}` as MessageId)}</span>
                </label>
              ))}
            </div>
            {result?.errors.score ? (
              <p id={scoreErrorId} className="mt-1 text-sm text-red-700" role="alert">
                {t(result.errors.score)}
              </p>
            ) : null}
          </fieldset>
          <TextAreaField
            label={t("joint.rating.comment")}
            name="comment"
            rows={3}
            maxLength={RATING_COMMENT_MAX}
            defaultValue={r?.comment ?? ""}
            error={result?.errors.comment ? t(result.errors.comment) : undefined}
          />
          <Button type="submit" disabled={busy}>
            {busy ? t("joint.rating.sending") : r ? t("joint.rating.save") : t("joint.rating.submit")}
          </Button>
        </fetcher.Form>
      ) : null}
      {!r && !state.canRate ? <p className="mt-3 text-sm text-slate-600">{t("joint.rating.none")}</p> : null}
    </Card>
  );
}
