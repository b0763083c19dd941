// "Needs attention": the account's open orders that want a look, each count a link that opens
// exactly those orders (the server counts with the same filters: app/server/orders/attention.server.ts).
import { Link } from "@remix-run/react";
import type { MessageId } from "#app/i18n/catalogue";
import { useT } from "#app/i18n/react";
import { cx } from "../ui";

export type AttentionCountsView = Record<"lateOpen" | "atRisk" | "dueToday" | "dueWeek" | "held", number>;

const TILES: {
  key: keyof AttentionCountsView;
  query: string;
  label: MessageId;
  hint: MessageId;
  tone: "red" | "amber" | "blue" | "slate";
}[] = [
  {
    key: "lateOpen",
    query: "late=open",
    label: "orders.attention.lateOpen",
    hint: "orders.attention.lateOpenHint",
    tone: "red",
  },
  {
    key: "atRisk",
    query: "at_risk=1",
    label: "orders.attention.atRisk",
    hint: "orders.attention.atRiskHint",
    tone: "amber",
  },
  {
    key: "dueToday",
    query: "due=today",
    label: "orders.attention.dueToday",
    hint: "orders.attention.dueTodayHint",
    tone: "blue",
  },
  {
    key: "dueWeek",
    query: "due=week",
    label: "orders.attention.dueWeek",
    hint: "orders.attention.dueWeekHint",
    tone: "blue",
  },
  {
    key: "held",
    query: "status=on_hold&status=backordered",
    label: "orders.attention.held",
    hint: "orders.attention.heldHint",
    tone: "slate",
  },
];

const TONE = {
  red: "text-red-700",
  amber: "text-amber-800",
  blue: "text-sky-800",
  slate: "text-slate-800",
} as const;

/** `current` is the page's canonical filter query, to mark the tile whose list is open. */
export function AttentionSummary({ counts, current }: { counts: AttentionCountsView; current: string }) {
  const t = useT();
  return (
    <nav aria-labelledby="attention-heading" className="mb-5">
      <h2 id="attention-heading" className="mb-2 text-sm font-semibold text-slate-700">
        {t("orders.attention.title")}
      </h2>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 md:grid-cols-5">
        {TILES.map((tile) => {
          const on = current === tile.query;
          const n = counts[tile.key];
          return (
            <li key={tile.key} className={tile.key === "held" ? "col-span-2 sm:col-span-1" : undefined}>
              <Link
                to={on ? "/orders?all=1" : `/orders?${tile.query}`}
                aria-current={on ? "true" : undefined}
                data-testid={`attention-${tile.key}`}
                className={cx(
                  "flex h-full flex-wrap items-baseline gap-x-2 rounded-xl border bg-white px-3 py-2 shadow-sm hover:border-brand-500 sm:block sm:py-3 focus-visible:outline-2 focus-visible:outline-brand-500",
                  on ? "border-brand-600 ring-2 ring-brand-100" : "border-slate-200",
                )}
              >
                <span
                  className={cx(
                    "block text-xl font-semibold tabular-nums sm:text-2xl",
                    n > 0 ? TONE[tile.tone] : "text-slate-400",
                  )}
                >
                  {n}
                </span>
                <span className="block text-sm font-medium text-slate-800">{t(tile.label)}</span>
                <span className="hidden text-xs text-slate-500 sm:block">
                  {on ? t("orders.attention.showing") : t(tile.hint)}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
