// Above the staff queue when it lists a recurring-failure count's escalations: what the list is,
// and the way back to the counts.
import { Link } from "@remix-run/react";
import { useFormat, useT } from "#app/i18n/react";
import { Alert } from "../ui";

export function RecurringDrillNote({ from, to }: { from: string; to: string }) {
  const t = useT();
  const f = useFormat();
  return (
    <div className="mb-4" data-testid="recurring-drill">
      <Alert tone="info">
        {t("joint.recurring.drill", { from: f.dateTime(from), to: f.dateTime(to) })}{" "}
        <Link to="/staff/recurring" className="font-medium underline">
          {t("joint.recurring.drillBack")}
        </Link>
      </Alert>
    </div>
  );
}
