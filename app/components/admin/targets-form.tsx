// What the two targets pages of platform admins share (contracted SLA targets per account,
// escalation targets per severity): a form's save and reset buttons.
import { Button, cx } from "../ui";

/** Save the form (intent=save); while the account has its own targets, go back to the defaults (intent=reset). */
export function SaveOrResetButtons({
  save,
  reset,
  resetVariant,
  busy,
  className,
}: {
  save: string;
  /** The reset button's label; null while the defaults apply (no reset button). */
  reset: string | null;
  resetVariant: "secondary" | "ghost";
  busy: boolean;
  className?: string;
}) {
  return (
    <div className={cx("flex flex-wrap gap-2", className)}>
      <Button type="submit" name="intent" value="save" disabled={busy}>
        {save}
      </Button>
      {reset !== null ? (
        <Button type="submit" name="intent" value="reset" variant={resetVariant} disabled={busy}>
          {reset}
        </Button>
      ) : null}
    </div>
  );
}
