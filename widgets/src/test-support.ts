// Helpers for widget unit tests (vitest + happy-dom): tokens, a scripted fetch, mounting.
import { vi } from "vitest";
import { widgetCatalogues } from "../catalogues";

/** An unsigned JWT-shaped token; widgets only read its payload (the server verifies). */
export function makeToken(claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  return `${b64({ alg: "HS256" })}.${b64({
    iat: now,
    exp: now + 300,
    scp: ["orders:read", "sla:read", "escalations:write"],
    tz: "America/Chicago",
    ...claims,
  })}.sig`;
}

export interface Call {
  url: string;
  init: RequestInit;
}

/** Replaces fetch; `answer` maps a call to a Response (or throws for a network failure). */
export function scriptFetch(answer: (url: URL, init: RequestInit) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    calls.push({ url: url.toString(), init });
    return answer(url, init);
  });
  vi.stubGlobal("fetch", fn);
  return calls;
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" },
  });
}

export async function mount<T extends HTMLElement>(html: string): Promise<T> {
  const host = document.createElement("div");
  host.innerHTML = html;
  document.body.append(host);
  const el = host.firstElementChild as T;
  await settle(el);
  return el;
}

/** Waits for pending fetches and Lit updates to finish. */
export async function settle(el: HTMLElement, rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  }
}

export function shadow(el: HTMLElement): ShadowRoot {
  if (!el.shadowRoot) throw new Error("no shadow root");
  return el.shadowRoot;
}

/**
 * A widget catalogue file as the portal serves it beside the bundle (`sightline-widgets.de.json`),
 * or null for any other URL. Answer it first in a scripted fetch for widgets not in English.
 */
export function catalogueResponse(url: URL): Response | null {
  const file = widgetCatalogues().find((c) => url.pathname.endsWith(`/${c.fileName}`));
  return file ? new Response(file.source, { headers: { "Content-Type": "application/json" } }) : null;
}
