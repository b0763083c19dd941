// Shared look: global --sightline-* tokens with light and dark defaults; the host's font.
// Muted text, subtle fills and borders derive from the text and surface colours in effect, so a
// host that sets only those two never gets a half-light, half-dark mix.
import { css } from "lit";

export const baseStyles = css`
  :host {
    --_fg: var(--sightline-color-text, #1e293b);
    --_muted: var(--sightline-color-muted, color-mix(in srgb, var(--_fg) 72%, var(--_bg)));
    --_bg: var(--sightline-color-surface, #ffffff);
    --_sub: var(--sightline-color-subtle, color-mix(in srgb, var(--_fg) 8%, var(--_bg)));
    --_line: var(--sightline-color-border, color-mix(in srgb, var(--_fg) 20%, var(--_bg)));
    --_accent: var(--sightline-color-accent, #1d4ed8);
    --_on-accent: var(--sightline-color-on-accent, #ffffff);
    --_danger: var(--sightline-color-danger, #b42318);
    --_ok: var(--sightline-color-success, #157f3b);
    --_warn: var(--sightline-color-warning, #a15c07);
    --_radius: var(--sightline-radius, 8px);
    --_gap: var(--sightline-spacing, 12px);
    display: block;
    box-sizing: border-box;
    /* In a host's grid or flex layout, long content (an order number, a tracking text) scrolls
       inside the widget instead of widening it over its neighbours. */
    min-width: 0;
    max-width: 100%;
    font-family: var(--sightline-font-family, inherit);
    font-size: var(--sightline-font-size, 0.9375rem);
    line-height: 1.4;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    padding: var(--_gap);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme="light"])) {
      --_fg: var(--sightline-color-text, #e5e9f0);
      --_bg: var(--sightline-color-surface, #111827);
      --_accent: var(--sightline-color-accent, #8ab4ff);
      --_on-accent: var(--sightline-color-on-accent, #0b1220);
      --_danger: var(--sightline-color-danger, #ff9b8f);
      --_ok: var(--sightline-color-success, #6ee7a0);
      --_warn: var(--sightline-color-warning, #fbbf5a);
    }
  }
  :host([theme="dark"]) {
    --_fg: var(--sightline-color-text, #e5e9f0);
    --_bg: var(--sightline-color-surface, #111827);
    --_accent: var(--sightline-color-accent, #8ab4ff);
    --_on-accent: var(--sightline-color-on-accent, #0b1220);
    --_danger: var(--sightline-color-danger, #ff9b8f);
    --_ok: var(--sightline-color-success, #6ee7a0);
    --_warn: var(--sightline-color-warning, #fbbf5a);
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  h2 {
    font-size: 1.05em;
    margin: 0 0 var(--_gap);
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  input,
  select,
  textarea {
    background: var(--_bg);
    border: 1px solid var(--_line);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 6px 8px;
  }
  button {
    cursor: pointer;
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 6px 12px;
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  :focus-visible {
    outline: 2px solid var(--sightline-focus-ring, var(--_accent));
    outline-offset: 2px;
  }
  .muted {
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
  }
  .skeleton {
    background: var(--_sub);
    border-radius: 4px;
    color: transparent;
  }
  .badge {
    display: inline-block;
    padding: 1px 8px;
    border-radius: 999px;
    background: var(--_sub);
    font-size: 0.85em;
    white-space: nowrap;
  }
  .badge.late {
    color: var(--_danger);
  }
  .badge.late.delivered {
    color: var(--_warn);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
