import { SightlineOrderTracker } from "./order-tracker.component";

export { SightlineOrderTracker };
SightlineOrderTracker.define("sightline-order-tracker");

declare global {
  interface HTMLElementTagNameMap {
    "sightline-order-tracker": SightlineOrderTracker;
  }
}
