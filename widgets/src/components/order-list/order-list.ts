import { SightlineOrderList } from "./order-list.component";

export { SightlineOrderList };
SightlineOrderList.define("sightline-order-list");

declare global {
  interface HTMLElementTagNameMap {
    "sightline-order-list": SightlineOrderList;
  }
}
