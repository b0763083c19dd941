// "Needs attention": the account's open orders that want a look, each count a link that opens
// exactly those orders (the server counts with the same filters: app/server/orders/attention.server.ts).
import { Link } from "@remix-run/react";
import { cx } from "../ui";

export type AttentionCountsView = Record<"lateOpen" | "atRisk" | "dueToday" | "dueWeek" | "held", number>;

const TILES: {
  key: keyof AttentionCountsView;
  query: string;
  label: string;
  hint: string;
  tone: "red" | "amber" | "blue" | "slate";
}[] = [
  { key: "lateOpen", query: "late=open", label: "Late now", hint: "Open, past the promised date", tone: "red" },
  { key: "atRisk", query: "at_risk=1", label: "At risk", hint: "Predicted after the promise", tone: "amber" },
  { key: "dueToday", query: "due=today", label: "Due today", hint: "Open, promised for today", tone: "blue" },
  { key: "dueWeek", query: "due=week", label: "Due this week", hint: "Open, promised in 7 days", tone: "blue" },
  {
    key: "held",
    query: "status=on_hold&status=backordered",
    label: "On hold or backordered",
    hint: "Waiting on stock or a hold",
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
  return (
    <nav aria-labelledby="attention-heading" className="mb-5">
      <h2 id="attention-heading" className="mb-2 text-sm font-semibold text-slate-700">
        Needs attention
      </h2>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 md:grid-cols-5">
        {TILES.map((t) => {
          const on = current === t.query;
          const n = counts[t.key];
          return (
            <li key={t.key} className={t.key === "held" ? "col-span-2 sm:col-span-1" : undefined}>
              <Link
                to={on ? "/orders?all=1" : `/orders?${t.query}`}
                aria-current={on ? "true" : undefined}
                data-testid={`attention-${t.key}`}
                className={cx(
                  "flex h-full flex-wrap items-baseline gap-x-2 rounded-xl border bg-white px-3 py-2 shadow-sm hover:border-brand-500 sm:block sm:py-3 focus-visible:outline-2 focus-visible:outline-brand-500",
                  on ? "border-brand-600 ring-2 ring-brand-100" : "border-slate-200",
                )}
              >
                <span
                  className={cx(
                    "block text-xl font-semibold tabular-nums sm:text-2xl",
                    n > 0 ? TONE[t.tone] : "text-slate-400",
                  )}
                >
                  {n}
                </span>
                <span className="block text-sm font-medium text-slate-800">{t.label}</span>
                <span className="hidden text-xs text-slate-500 sm:block">
                  {on ? "Showing these · select to clear" : t.hint}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
