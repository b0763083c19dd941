// Where an order stands, as a progress stepper: ordered → confirmed → picked → shipped → in
// transit → delivered. Holds, backorders and exceptions are shown as such on the step the order
// is stuck at (the last step it reached, read from its timeline), not as progress; a cancelled
// order says so instead of showing steps.
import { STEPS, type Step, type StepperState } from "#app/domain/orders/progress";
import type { MessageId } from "#app/i18n/catalogue";
import { useT } from "#app/i18n/react";
import { cx } from "../ui";
import { statusLabel } from "./format";

const STEP_LABELS: Record<Step, MessageId> = {
  ordered: "orders.step.ordered",
  confirmed: "orders.step.confirmed",
  picked: "orders.step.picked",
  shipped: "orders.step.shipped",
  in_transit: "orders.step.in_transit",
  delivered: "orders.step.delivered",
};

export function OrderStepper({ state }: { state: StepperState }) {
  const t = useT();
  if (state.cancelled) {
    return (
      <p className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-800" data-testid="order-stepper">
        {t("orders.step.cancelled")}
      </p>
    );
  }
  // On a phone six labels do not fit under six segments: the segments stay, their labels are read
  // to screen readers only, and one line below names the step the order is at (or stuck on).
  const at = state.issue ? Math.min(state.reached + 1, STEPS.length - 1) : state.reached;
  const caption = t("orders.step.phoneCaption", {
    label:
      state.issue !== null
        ? state.issue.reason
          ? t("orders.step.issue", { label: statusLabel(t, state.issue.status), reason: state.issue.reason })
          : statusLabel(t, state.issue.status)
        : t(STEP_LABELS[STEPS[at]]),
    n: at + 1,
    total: STEPS.length,
  });
  return (
    <>
      <ol className="grid grid-cols-6 gap-1" aria-label={t("orders.step.progress")} data-testid="order-stepper">
        {STEPS.map((step, i) => {
          const done = i <= state.reached;
          const current = i === state.reached && !state.issue;
          const stuck = state.issue !== null && i === state.reached + 1;
          return (
            <li
              key={step}
              aria-current={current ? "step" : undefined}
              data-state={stuck ? "issue" : done ? "done" : "todo"}
              className="min-w-0"
            >
              <span
                className={cx(
                  "block h-1.5 rounded-full",
                  done ? "bg-brand-600" : stuck ? "bg-amber-500" : "bg-slate-200",
                )}
                aria-hidden="true"
              />
              <span
                className={cx(
                  "mt-1.5 block text-xs break-words max-sm:sr-only sm:text-sm",
                  current ? "font-semibold text-brand-700" : done ? "text-slate-800" : "text-slate-500",
                  stuck && "font-semibold text-amber-900",
                )}
              >
                {t(STEP_LABELS[step])}
                <span className="sr-only">
                  {stuck ? "" : t("orders.step.state", { state: current ? "current" : done ? "done" : "todo" })}
                </span>
              </span>
              {stuck && state.issue ? (
                <span className="mt-0.5 block text-xs font-medium text-amber-900 max-sm:sr-only">
                  {state.issue.reason
                    ? t("orders.step.issue", { label: statusLabel(t, state.issue.status), reason: state.issue.reason })
                    : statusLabel(t, state.issue.status)}
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      <p
        className={cx("mt-2 text-sm font-medium sm:hidden", state.issue ? "text-amber-900" : "text-brand-700")}
        aria-hidden="true"
        data-testid="order-stepper-caption"
      >
        {caption}
      </p>
    </>
  );
}
