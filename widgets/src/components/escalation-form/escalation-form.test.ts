// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, makeToken, mount, scriptFetch, settle, shadow } from "../../test-support";
import "./escalation-form";
import type { SightlineEscalationForm } from "./escalation-form.component";

const ORDER = "00000000-0000-4000-8000-000000000009";
const tag = `<sightline-escalation-form api-base="https://portal.test" token="${makeToken()}" order="${ORDER}" order-number="SO-9"></sightline-escalation-form>`;

function fill(el: HTMLElement, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const control = shadow(el).querySelector<HTMLInputElement>(`[name=${name}]`);
    if (!control) throw new Error(`no field ${name}`);
    control.value = value;
  }
}

function submit(el: HTMLElement): void {
  shadow(el)
    .querySelector("form")
    ?.dispatchEvent(new Event("submit", { cancelable: true }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

describe("<sightline-escalation-form>", () => {
  it("labels every field and checks required text before sending anything", async () => {
    const calls = scriptFetch(() => json({}));
    const el = await mount<SightlineEscalationForm>(tag);
    for (const c of shadow(el).querySelectorAll("input, select, textarea"))
      expect(shadow(el).querySelector(`label[for=${c.id}]`)).not.toBeNull();
    submit(el);
    await settle(el);
    expect(calls).toHaveLength(0);
    const title = shadow(el).querySelector("#title");
    expect(title?.getAttribute("aria-invalid")).toBe("true");
    expect(shadow(el).querySelector(`#${title?.getAttribute("aria-describedby")}`)?.textContent).toContain(
      "short summary",
    );
  });

  it("raises the escalation for the order and emits sightline-escalation-created", async () => {
    const calls = scriptFetch(() => json({ id: "e-1", number: 42, reference: "ESC-42" }, 201));
    const el = await mount<SightlineEscalationForm>(tag);
    const seen: unknown[] = [];
    document.addEventListener("sightline-escalation-created", (e) => seen.push((e as CustomEvent).detail));
    fill(el, {
      title: "Pallet arrived crushed",
      description: "Two of four pallets were crushed.",
      desiredOutcome: "Replacement",
    });
    submit(el);
    await settle(el);
    expect(calls[0].url).toBe("https://portal.test/api/v1/escalations");
    expect(calls[0].init.method).toBe("POST");
    expect(JSON.parse(String(calls[0].init.body))).toMatchObject({
      orderId: ORDER,
      category: "late_delivery",
      severity: "P3",
      title: "Pallet arrived crushed",
    });
    expect(seen).toEqual([{ escalationId: "e-1", number: 42, orderId: ORDER }]);
    expect(shadow(el).querySelector("[part=confirmation]")?.textContent).toContain("ESC-42 was raised");
  });

  it("shows the API's field errors next to the fields", async () => {
    scriptFetch(() =>
      json(
        {
          detail: "Keep a short summary to 200 characters or fewer.",
          errors: { title: "Keep a short summary to 200 characters or fewer." },
        },
        400,
      ),
    );
    const el = await mount<SightlineEscalationForm>(tag);
    fill(el, { title: "x".repeat(50), description: "Long enough description", desiredOutcome: "Credit" });
    submit(el);
    await settle(el);
    expect(shadow(el).querySelector("#title-error")?.textContent).toContain("200 characters");
    expect(shadow(el).querySelector("[role=alert]")?.textContent).toContain("200 characters");
  });

  it("renders markup typed into the order number as text", async () => {
    scriptFetch(() => json({}));
    const el = await mount<SightlineEscalationForm>(
      `<sightline-escalation-form token="${makeToken()}" order-number="<img src=x onerror=alert(1)>"></sightline-escalation-form>`,
    );
    expect(shadow(el).querySelector("img")).toBeNull();
    expect(shadow(el).querySelector("h2")?.textContent).toContain("<img src=x onerror=alert(1)>");
  });
});
