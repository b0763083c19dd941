// An order's progress as steps: ordered → confirmed → picked → shipped → in transit → delivered.
// Holds, backorders and exceptions are not progress: they hold the order at the step after the last
// one it reached (read from its timeline). Pure; the order page draws it (app/components/orders/order-stepper.tsx).
import type { OrderStatus } from "./statuses";

export const STEPS = ["ordered", "confirmed", "picked", "shipped", "in_transit", "delivered"] as const;
export type Step = (typeof STEPS)[number];

/** The step a progress status stands for; null for holds, backorders, exceptions and cancellation. */
function stepOf(status: string): number | null {
  switch (status) {
    case "received":
      return 0;
    case "confirmed":
    case "allocated":
      return 1;
    case "picked":
    case "packed":
      return 2;
    case "shipped":
      return 3;
    case "in_transit":
    case "out_for_delivery":
      return 4;
    case "delivered":
      return 5;
    default:
      return null;
  }
}

export interface StepperState {
  /** Index of the last step reached. */
  reached: number;
  /** A hold, backorder or exception holding the order at the next step (the page names the status). */
  issue: { status: OrderStatus; reason: string | null } | null;
  cancelled: boolean;
}

/**
 * The stepper's state from the order's status and its timeline (newest first): for a hold or an
 * exception, the last progress status before it tells which step the order had reached.
 */
export function stepperState(
  status: OrderStatus,
  events: readonly { type: string }[],
  holdReason: string | null,
): StepperState {
  if (status === "cancelled") return { reached: 0, issue: null, cancelled: true };
  const direct = stepOf(status);
  if (direct !== null) return { reached: direct, issue: null, cancelled: false };
  const last = events.map((e) => stepOf(e.type)).find((s) => s !== null) ?? 0;
  return {
    reached: Math.max(0, last ?? 0),
    issue: { status, reason: status === "on_hold" ? holdReason : null },
    cancelled: false,
  };
}
