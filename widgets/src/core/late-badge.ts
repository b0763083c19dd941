// The late mark of an order in the list and the tracker: "Late" for an open order past its
// promise (late now), "Delivered late" for one delivered after it, nothing when on time.
import { html, nothing } from "lit";
import type { WidgetTranslate } from "./i18n";
import type { OrderSummary } from "./types";

export function lateMark(o: Pick<OrderSummary, "late" | "lateState">): "open" | "delivered" | null {
  if (o.lateState === "delivered") return "delivered";
  return o.lateState === "open" || o.late ? "open" : null;
}

export function lateBadge(o: Pick<OrderSummary, "late" | "lateState">, t: WidgetTranslate) {
  const mark = lateMark(o);
  return mark ? html`<span class="badge late ${mark}">${t(`widgets.late.${mark}`)}</span>` : nothing;
}
