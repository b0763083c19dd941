// The late mark of an order in the list and the tracker: "Late" for an open order past its
// promise (late now), "Delivered late" for one delivered after it, nothing when on time.
import { html, nothing } from "lit";
import type { OrderSummary } from "./types";

export function lateMark(
  o: Pick<OrderSummary, "late" | "lateState">,
): { kind: "open" | "delivered"; text: string } | null {
  if (o.lateState === "delivered") return { kind: "delivered", text: "Delivered late" };
  return o.lateState === "open" || o.late ? { kind: "open", text: "Late" } : null;
}

export function lateBadge(o: Pick<OrderSummary, "late" | "lateState">) {
  const mark = lateMark(o);
  return mark ? html`<span class="badge late ${mark.kind}">${mark.text}</span>` : nothing;
}
