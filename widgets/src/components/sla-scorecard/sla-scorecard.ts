import { SightlineSlaScorecard } from "./sla-scorecard.component";

export { SightlineSlaScorecard };
SightlineSlaScorecard.define("sightline-sla-scorecard");

declare global {
  interface HTMLElementTagNameMap {
    "sightline-sla-scorecard": SightlineSlaScorecard;
  }
}
