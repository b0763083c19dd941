// The root cause on the staff escalation page: choose a cause and resolve with it, or record or
// correct the cause of a resolved escalation. Posts to /staff/queue/:id/cause; the page reloads
// its data after each post (Remix revalidates after a fetcher's action).
import { useFetcher } from "@remix-run/react";
import { ROOT_CAUSES, causeApplies, type RootCause } from "#app/domain/joint/root-causes";
import type { MessageId } from "#app/i18n/catalogue";
import { useT } from "#app/i18n/react";
import { Alert, Button, Card, SelectField } from "../ui";

export interface CauseActionData {
  ok: boolean;
  message: MessageId | null;
  /** A catalogue id (joint area) or a workflow sentence. */
  error: string | null;
}

export const causeLabelId = (cause: RootCause | "none") => `joint.cause.${cause}` as MessageId;

export function RootCauseCard({
  escalationId,
  status,
  rootCause,
  canResolve,
}: {
  escalationId: string;
  status: string;
  rootCause: RootCause | null;
  canResolve: boolean;
}) {
  const t = useT();
  const fetcher = useFetcher<CauseActionData>();
  const resolved = causeApplies(status);
  const busy = fetcher.state !== "idle";
  const result = fetcher.data;
  const error = result?.error
    ? result.error.startsWith("joint.")
      ? t(result.error as MessageId)
      : result.error
    : null;
  return (
    <Card title={t("joint.cause.title")}>
      <div data-testid="root-cause">
        {result?.ok && result.message ? (
          <div className="mt-3">
            <Alert tone="success">{t(result.message)}</Alert>
          </div>
        ) : null}
        {error ? (
          <div className="mt-3">
            <Alert tone="error">{error}</Alert>
          </div>
        ) : null}
        <p className="mt-2 text-sm text-slate-600">{t("joint.cause.help")}</p>
        {resolved || canResolve ? (
          <fetcher.Form method="post" action={`/staff/queue/${escalationId}/cause`} className="mt-3 space-y-3">
            <input type="hidden" name="intent" value={resolved ? "set" : "resolve"} />
            <SelectField label={t("joint.cause.label")} name="rootCause" defaultValue={rootCause ?? ""} required>
              <option value="" disabled>
                {t("joint.cause.choose")}
              </option>
              {ROOT_CAUSES.map((c) => (
                <option key={c} value={c}>
                  {t(causeLabelId(c))}
                </option>
              ))}
            </SelectField>
            <Button type="submit" variant={resolved ? "secondary" : "primary"} disabled={busy} className="w-full">
              {resolved ? t("joint.cause.save") : t("joint.cause.resolveWith")}
            </Button>
          </fetcher.Form>
        ) : (
          <p className="mt-2 text-sm text-slate-600">
            {rootCause ? t(causeLabelId(rootCause)) : t("joint.cause.notYet")}
          </p>
        )}
      </div>
    </Card>
  );
}
