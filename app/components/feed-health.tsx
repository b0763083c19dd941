// Feed health in the portal shell: a notice per silent data feed above the page ("Order updates
// from Warehouse system are delayed since 09:45"), and each feed's latest delivery under it.
// Times in the viewer's zone; the date is added when it is not the day the page was read.
import type { FeedSourceView } from "#app/server/feed-health/feed-health.server";
import { useFormat, useT } from "#app/i18n/react";

function useWhen(readAt: string) {
  const f = useFormat();
  return (iso: string) => (f.date(iso) === f.date(readAt) ? f.time(iso) : f.dateTime(iso));
}

export function FeedDelayBanner({ feeds, readAt }: { feeds: readonly FeedSourceView[]; readAt: string }) {
  const t = useT();
  const when = useWhen(readAt);
  const silent = feeds.filter((s) => s.status === "silent" && s.silentSince);
  if (!silent.length) return null;
  return (
    <div
      role="status"
      data-testid="feed-delay"
      className="mb-4 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 print:hidden"
    >
      <ul className="space-y-1">
        {silent.map((s) => (
          <li key={s.label}>
            <span className="font-medium">
              {t("common.feedHealth.delayed", { source: s.label, since: when(s.silentSince ?? s.lastArrivalAt) })}
            </span>{" "}
            {t("common.feedHealth.lastReceived", { when: when(s.lastArrivalAt) })}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FeedFreshness({ feeds, readAt }: { feeds: readonly FeedSourceView[]; readAt: string }) {
  const t = useT();
  const when = useWhen(readAt);
  if (!feeds.length) return null;
  return (
    <footer className="border-t border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex w-full max-w-7xl flex-wrap gap-x-4 gap-y-1 px-4 py-2 text-xs text-slate-600">
        <h2 className="font-medium text-slate-700">{t("common.feedHealth.title")}</h2>
        <ul className="flex flex-wrap gap-x-4 gap-y-1" data-testid="feed-freshness">
          {feeds.map((s) => (
            <li key={s.label}>{t("common.feedHealth.source", { source: s.label, when: when(s.lastArrivalAt) })}</li>
          ))}
        </ul>
      </div>
    </footer>
  );
}
