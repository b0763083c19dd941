// An instant in the viewer's own zone (a staff member's profile zone; a customer's account zone),
// with the account's local time beside it when the account's clocks read differently.
import { useFormat, useT } from "#app/i18n/react";

export function ZonedTime({ instant, accountZone }: { instant: string; accountZone: string }) {
  const f = useFormat();
  const t = useT();
  const local = f.dateTimeIn(instant, accountZone);
  return (
    <>
      <time dateTime={instant} data-testid="viewer-time">
        {f.dateTime(instant)}
      </time>
      {local ? (
        <span className="text-slate-500" data-testid="account-time" title={accountZone}>
          {" "}
          ({t("staff.time.accountLocal", { time: local })})
        </span>
      ) : null}
    </>
  );
}
