import { SightlineEscalationForm } from "./escalation-form.component";

export { SightlineEscalationForm };
SightlineEscalationForm.define("sightline-escalation-form");

declare global {
  interface HTMLElementTagNameMap {
    "sightline-escalation-form": SightlineEscalationForm;
  }
}
