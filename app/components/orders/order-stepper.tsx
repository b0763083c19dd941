// Where an order stands, as a progress stepper: ordered → confirmed → picked → shipped → in
// transit → delivered. Holds, backorders and exceptions are shown as such on the step the order
// is stuck at (the last step it reached, read from its timeline), not as progress; a cancelled
// order says so instead of showing steps.
import { STEPS, type Step, type StepperState } from "#app/domain/orders/progress";
import { cx } from "../ui";

const STEP_LABELS: Record<Step, string> = {
  ordered: "Ordered",
  confirmed: "Confirmed",
  picked: "Picked",
  shipped: "Shipped",
  in_transit: "In transit",
  delivered: "Delivered",
};

export function OrderStepper({ state }: { state: StepperState }) {
  if (state.cancelled) {
    return (
      <p className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-800" data-testid="order-stepper">
        This order was cancelled.
      </p>
    );
  }
  return (
    <ol className="grid grid-cols-6 gap-1" aria-label="Order progress" data-testid="order-stepper">
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
                "mt-1.5 block text-xs break-words sm:text-sm",
                current ? "font-semibold text-brand-700" : done ? "text-slate-800" : "text-slate-500",
                stuck && "font-semibold text-amber-900",
              )}
            >
              {STEP_LABELS[step]}
              <span className="sr-only">
                {current ? " (current step)" : done ? " (done)" : stuck ? "" : " (to come)"}
              </span>
            </span>
            {stuck && state.issue ? (
              <span className="mt-0.5 block text-xs font-medium text-amber-900">
                {state.issue.label}
                {state.issue.reason ? `: ${state.issue.reason}` : ""}
              </span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
