import { css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { ApiError, dataOf } from "../../core/api";
import type { components } from "../../core/api-schema";
import { SightlineElement } from "../../core/element";
import type { EscalationCreated } from "../../core/types";

type NewEscalation = components["schemas"]["NewEscalation"];

const CATEGORIES = [
  "late_delivery",
  "damaged_goods",
  "wrong_items",
  "documentation",
  "billing",
  "other",
] as const satisfies readonly NewEscalation["category"][];
/** Normal first: the form's default. */
const SEVERITIES = ["P3", "P2", "P1", "P4"] as const satisfies readonly NewEscalation["severity"][];

type Field = "category" | "severity" | "title" | "description" | "desiredOutcome";

/**
 * @tagname sightline-escalation-form
 * A form to raise an escalation with Sightline support, optionally about one order.
 *
 * @summary Raise an escalation from the intranet.
 * @event sightline-escalation-created - The escalation was raised; `detail: { escalationId, number, orderId }`.
 * @csspart form - The form.
 * @csspart field - Each label + control group.
 * @csspart submit - The submit button.
 * @csspart confirmation - The message shown after raising.
 * @csspart error - The form-level error message.
 * @cssproperty --sightline-color-danger - Field errors.
 */
export class SightlineEscalationForm extends SightlineElement {
  static override styles = [
    SightlineElement.styles,
    css`
      form {
        display: grid;
        gap: var(--_gap);
        min-height: 22rem;
      }
      .field {
        display: grid;
        gap: 4px;
      }
      .field label {
        font-weight: 600;
        font-size: 0.9em;
      }
      .row {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
        gap: var(--_gap);
      }
      textarea {
        min-height: 4.5rem;
        resize: vertical;
      }
      .field-error {
        color: var(--_danger);
        font-size: 0.85em;
        margin: 0;
      }
      .ok {
        color: var(--_ok);
      }
    `,
  ];

  /** Order id the escalation is about (optional). */
  @property() order = "";

  /** Order number to show in the heading (optional, display only). */
  @property({ attribute: "order-number" }) orderNumber = "";

  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private formError = "";
  @state() private submitting = false;
  @state() private created: { ref: string } | null = null;

  constructor() {
    super();
    this.noLive = true;
  }

  protected override async load(): Promise<void> {
    // Nothing to fetch: the form is ready at once.
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const value = (k: Field) => String(data.get(k) ?? "").trim();
    const errors: Partial<Record<Field, string>> = {};
    const t = this.t;
    if (value("title").length < 3) errors.title = t("widgets.escalation.titleShort");
    if (value("description").length < 10) errors.description = t("widgets.escalation.descriptionShort");
    if (value("desiredOutcome").length < 3) errors.desiredOutcome = t("widgets.escalation.outcomeMissing");
    this.errors = errors;
    this.formError = "";
    this.created = null;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
      return;
    }
    this.submitting = true;
    try {
      const r: EscalationCreated = await dataOf(
        this.client.POST("/api/v1/escalations", {
          body: {
            orderId: this.order || null,
            category: value("category") as NewEscalation["category"],
            severity: value("severity") as NewEscalation["severity"],
            title: value("title"),
            description: value("description"),
            desiredOutcome: value("desiredOutcome"),
          },
        }),
      );
      form.reset();
      this.created = { ref: r.number ? `ESC-${r.number}` : "" };
      this.emit("sightline-escalation-created", {
        escalationId: r.id,
        number: r.number ?? null,
        orderId: this.order || null,
      });
    } catch (err) {
      if (err instanceof ApiError && !err.kind) {
        // The API's field messages are English: other readers get the field marked in their words.
        const english = this.shownLocale === "en";
        this.errors = Object.fromEntries(
          Object.entries(err.fieldErrors).map(([k, m]) => [k, english ? m : t("widgets.escalation.fieldRejected")]),
        );
        this.formError = this.describeError(err);
      } else this.formError = err instanceof ApiError ? this.describeError(err) : t("widgets.escalation.sendFailed");
    } finally {
      this.submitting = false;
    }
  }

  private field(name: Field, label: string, control: unknown) {
    const err = this.errors[name];
    return html`<div part="field" class="field">
      <label for=${name}>${label}</label>
      ${control} ${err ? html`<p id=${`${name}-error`} class="field-error">${err}</p>` : nothing}
    </div>`;
  }

  private describedBy(name: Field) {
    return this.errors[name] ? `${name}-error` : nothing;
  }

  override render() {
    if (this.loadState === "error") return this.renderError();
    const t = this.t;
    return html`
      <h2>
        ${
          this.orderNumber
            ? t("widgets.escalation.headingOrder", { number: this.orderNumber })
            : t("widgets.escalation.heading")
        }
      </h2>
      <form part="form" @submit=${this.submit} novalidate>
        <div class="row">
          ${this.field(
            "category",
            t("widgets.escalation.category"),
            html`<select id="category" name="category">
              ${CATEGORIES.map((v) => html`<option value=${v}>${t(`widgets.category.${v}`)}</option>`)}
            </select>`,
          )}
          ${this.field(
            "severity",
            t("widgets.escalation.severity"),
            html`<select id="severity" name="severity">
              ${SEVERITIES.map((v) => html`<option value=${v}>${t(`widgets.severity.${v}`)}</option>`)}
            </select>`,
          )}
        </div>
        ${this.field(
          "title",
          t("widgets.escalation.summary"),
          html`<input
            id="title"
            name="title"
            maxlength="200"
            required
            aria-invalid=${this.errors.title ? "true" : "false"}
            aria-describedby=${this.describedBy("title")}
          />`,
        )}
        ${this.field(
          "description",
          t("widgets.escalation.description"),
          html`<textarea
            id="description"
            name="description"
            maxlength="10000"
            required
            aria-invalid=${this.errors.description ? "true" : "false"}
            aria-describedby=${this.describedBy("description")}
          ></textarea>`,
        )}
        ${this.field(
          "desiredOutcome",
          t("widgets.escalation.outcome"),
          html`<input
            id="desiredOutcome"
            name="desiredOutcome"
            maxlength="4000"
            required
            aria-invalid=${this.errors.desiredOutcome ? "true" : "false"}
            aria-describedby=${this.describedBy("desiredOutcome")}
          />`,
        )}
        <div role="status" aria-live="polite">
          ${
            this.created
              ? html`<p part="confirmation" class="ok">
                  ${
                    this.created.ref
                      ? t("widgets.escalation.raised", { ref: this.created.ref })
                      : t("widgets.escalation.raisedNoNumber")
                  }
                </p>`
              : nothing
          }
        </div>
        ${this.formError ? html`<p part="error" class="error" role="alert">${this.formError}</p>` : nothing}
        <div>
          <button part="submit" type="submit" ?disabled=${this.submitting}>
            ${this.submitting ? t("widgets.escalation.sending") : t("widgets.escalation.submit")}
          </button>
        </div>
      </form>
    `;
  }
}
