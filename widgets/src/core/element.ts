// The base of every Sightline widget: token handling, the API base, load states, the shared
// live stream, a typed emit(), and the widget's language (`this.t`, `this.f`).
import { LitElement, html, type CSSResultGroup, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import type { Locale } from "../../../app/i18n/locales";
import { ApiError, apiClient, defaultApiBase, type SightlineClient } from "./api";
import { humanize, widgetFormat, type WidgetFormat } from "./format";
import { messagesFor, translatorFor, widgetLocale, type WidgetMessageId, type WidgetTranslate } from "./i18n";
import { followPageLang, unfollowPageLang } from "./page-lang";
import { streamFor, type LiveEvent, type LiveState } from "./stream";
import { baseStyles } from "./styles";
import { decodeClaims, TokenController, type FetchToken } from "./token";
import type { SightlineEventMap } from "./types";

export type LoadState = "loading" | "ready" | "error";

export abstract class SightlineElement extends LitElement {
  static override styles: CSSResultGroup = [baseStyles];

  /** A widget token minted by your server (`POST /api/v1/embed/tokens`). */
  @property() token: string | null = null;

  /** Returns a fresh token (or the token endpoint's JSON); called again before expiry. */
  @property({ attribute: false }) fetchToken?: FetchToken;

  /** Origin of the Sightline API; defaults to the origin this script was loaded from. */
  @property({ attribute: "api-base" }) apiBase = "";

  /** Turns live updates off. */
  @property({ type: Boolean, attribute: "no-live" }) noLive = false;

  /**
   * The language: `en`, `de` or `ja` (a tag such as `de-AT` reads as its language). By default the
   * page's language (`<html lang>`, or the nearest `lang` around the widget), else English.
   */
  @property() locale: string | undefined;

  /** Forces the light or dark palette; by default it follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme: "light" | "dark" | undefined;

  @state() protected loadState: LoadState = "loading";
  /** Why the last load failed; worded when shown, so a language switch rewords it. */
  @state() protected loadError: unknown = null;
  @state() protected liveState: LiveState | "off" = "off";

  protected readonly auth = new TokenController(this);
  /** The language the widget renders in (its catalogue is loaded before it renders in it). */
  protected shownLocale: Locale = "en";
  /** A message of the `widgets` catalogue area in the widget's language. */
  protected t: WidgetTranslate = translatorFor("en", {});
  private abort: AbortController | null = null;
  private liveOff: (() => void) | null = null;
  private liveTimer: ReturnType<typeof setTimeout> | undefined;
  private loadedOnce = false;

  /** Registers the element under `tag` unless something already did. */
  static define(tag: string): void {
    if (!customElements.get(tag)) customElements.define(tag, this as unknown as CustomElementConstructor);
  }

  /** Properties whose change means new data (filters, ids, periods). */
  protected queryProps(): string[] {
    return [];
  }

  /** Fetches this widget's data into its state. */
  protected abstract load(signal: AbortSignal): Promise<void>;

  /** A live event arrived; widgets schedule a quiet reload when it concerns them. */
  protected onLive(_e: LiveEvent): void {}

  protected get apiOrigin(): string {
    return this.apiBase || defaultApiBase();
  }

  /** The time zone the API reported with the last answer, if any. */
  protected apiTimeZone: string | undefined;

  /** The customer's IANA time zone: from the API's answers, else from the token. */
  protected get timeZone(): string | undefined {
    return this.apiTimeZone ?? this.auth.claims.tz;
  }

  /** Dates and numbers in the widget's language and the customer's zone. */
  protected get f(): WidgetFormat {
    return widgetFormat(this.shownLocale, this.timeZone);
  }

  /** The typed API client (paths and bodies from /api/v1/openapi.json), for this widget's origin. */
  protected get client(): SightlineClient {
    return apiClient(this.apiOrigin, this.auth, this.shownLocale);
  }

  /** Renders only once the messages of the widget's locale are there (fetched once per page). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const locale = widgetLocale(this, this.locale);
    const messages = locale === this.shownLocale && this.hasUpdated ? null : messagesFor(locale);
    const show = (m: Record<string, string>) => {
      this.shownLocale = locale;
      this.t = translatorFor(locale, m);
      return super.scheduleUpdate();
    };
    if (!messages) return super.scheduleUpdate();
    return messages instanceof Promise ? messages.then(show) : show(messages);
  }

  /** The host page changed `<html lang>`: render again if that changes this widget's language. */
  pageLangChanged(): void {
    if (widgetLocale(this, this.locale) !== this.shownLocale) this.requestUpdate();
  }

  protected emit<K extends keyof SightlineEventMap>(name: K, detail: SightlineEventMap[K]): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    followPageLang(this);
    if (this.hasUpdated) this.startLive();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unfollowPageLang(this);
    this.stopLive();
    this.abort?.abort();
    clearTimeout(this.liveTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has("token")) this.auth.attributeChanged();
    const keys = [...this.queryProps(), "apiBase"];
    const tokenArrived = (changed.has("token") || changed.has("fetchToken")) && this.loadState === "error";
    if (!this.loadedOnce || keys.some((k) => changed.has(k)) || tokenArrived) {
      this.loadedOnce = true;
      void this.reload();
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has("noLive") || changed.has("apiBase")) {
      this.stopLive();
      this.startLive();
    }
  }

  /** The page handed over a new token: retry if the last load failed, keep everything else. */
  tokenChanged(): void {
    if (this.loadState === "error") void this.reload();
  }

  /** Loads again; `quiet` keeps what is on screen while it does. */
  async reload(quiet = false): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    if (!quiet) this.loadState = "loading";
    try {
      await this.load(abort.signal);
      if (!abort.signal.aborted) this.loadState = "ready";
    } catch (err) {
      if (abort.signal.aborted || (quiet && this.loadState === "ready")) return;
      this.loadError = err;
      this.loadState = "error";
    }
  }

  /**
   * What went wrong, for the reader: in English the problem's detail (written for developers, but
   * precise); in other languages the problem's title, which the API localises.
   */
  protected describeError(err: unknown): string {
    if (!(err instanceof ApiError)) return this.t("widgets.error.load");
    if (err.kind === "noToken") return this.t("widgets.error.noToken");
    if (err.kind === "unreachable") return this.t("widgets.error.unreachable");
    if (this.shownLocale === "en" && err.message) return err.message;
    return err.title
      ? this.t("widgets.error.problem", { title: err.title })
      : this.t("widgets.error.status", { status: String(err.status) });
  }

  /**
   * The catalogue's name for a code ("widgets.status." + "in_transit"), trying each area in turn
   * (a timeline event is a status or another event), else the code made readable.
   */
  protected label(code: string, ...areas: ("status" | "event" | "step" | "kpi")[]): string {
    for (const area of areas) {
      const id = `widgets.${area}.${code}` as WidgetMessageId;
      const text = this.t(id);
      if (text !== id) return text;
    }
    return humanize(code);
  }

  /** A quiet reload after live events settle (many events, one request). */
  protected reloadSoon(ms = 400): void {
    clearTimeout(this.liveTimer);
    this.liveTimer = setTimeout(() => void this.reload(true), ms);
  }

  private startLive(): void {
    if (this.noLive || this.liveOff) return;
    this.liveOff = streamFor(this.apiOrigin).subscribe({
      onEvent: (e) => this.onLive(e),
      onState: (s) => (this.liveState = s),
      token: async (force) => {
        const t = await this.auth.get(force);
        return t && decodeClaims(t).scp?.includes("orders:read") ? t : null;
      },
    });
  }

  private stopLive(): void {
    this.liveOff?.();
    this.liveOff = null;
    this.liveState = "off";
  }

  /** The shared error block with a retry button. */
  protected renderError() {
    return html`<div part="error" role="alert" class="error">
      <p>${this.describeError(this.loadError)}</p>
      <button class="secondary" @click=${() => this.reload()}>${this.t("widgets.error.retry")}</button>
    </div>`;
  }

  /** A small live indicator (text, not only colour). */
  protected renderLive() {
    if (this.liveState === "off") return null;
    return html`<span part="live" class="badge muted" role="status"
      >${this.t("widgets.live", { state: this.liveState })}</span
    >`;
  }
}
