// Tokens for one widget: the `token` attribute, or a `fetchToken` function the widget calls
// again shortly before the token expires. Refreshing swaps the token only: the widget keeps its
// data, filters and page.
import type { ReactiveController, ReactiveControllerHost } from "lit";

/** What `fetchToken` may resolve to: the token, or the JSON of POST /api/v1/embed/tokens. */
export type TokenResult = string | { token: string; expiresAt?: string };
export type FetchToken = () => Promise<TokenResult>;

export interface TokenClaims {
  exp?: number;
  iat?: number;
  /** Scopes of the embed key. */
  scp?: string[];
  /** The customer's time zone (IANA). */
  tz?: string;
}

/** Reads a JWT's payload without verifying it (the server verifies; this is for timing only). */
export function decodeClaims(token: string): TokenClaims {
  try {
    const part = token.split(".")[1] ?? "";
    const json = atob(
      part
        .replace(/-/g, "+")
        .replace(/_/g, "/")
        .padEnd(Math.ceil(part.length / 4) * 4, "="),
    );
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" ? (value as TokenClaims) : {};
  } catch {
    return {};
  }
}

/** When to refresh: at 80% of the token's life, and at least 15 s before it expires. */
export function refreshDelay(claims: TokenClaims, nowMs: number): number | null {
  if (!claims.exp) return null;
  const exp = claims.exp * 1000;
  const iat = (claims.iat ?? claims.exp - 60) * 1000;
  const at = Math.min(iat + (exp - iat) * 0.8, exp - 15_000);
  return Math.max(0, at - nowMs);
}

export interface TokenHost extends ReactiveControllerHost {
  token: string | null;
  fetchToken?: FetchToken;
  /** Called after a refresh so the host may retry what failed (never resets its state). */
  tokenChanged(): void;
}

export class TokenController implements ReactiveController {
  private current: string | null = null;
  private pending: Promise<string | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private connected = false;
  claims: TokenClaims = {};

  constructor(private readonly host: TokenHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    if (this.current) this.schedule();
  }

  hostDisconnected(): void {
    this.connected = false;
    clearTimeout(this.timer);
  }

  /** The attribute changed: use it, unless a fetchToken function is in charge. */
  attributeChanged(): void {
    if (this.host.fetchToken || !this.host.token) return;
    this.set(this.host.token);
  }

  /** A token to send now; `force` fetches a fresh one (after a 401). */
  async get(force = false): Promise<string | null> {
    if (!this.host.fetchToken) {
      if (this.host.token && this.host.token !== this.current) this.set(this.host.token);
      return this.current;
    }
    const fresh = this.current && !force && (this.claims.exp ?? Infinity) * 1000 - Date.now() > 5_000;
    if (fresh) return this.current;
    this.pending ??= this.host
      .fetchToken()
      .then((r) => {
        const token = typeof r === "string" ? r : r?.token;
        if (!token) throw new Error("fetchToken returned no token");
        this.set(token);
        return token;
      })
      .finally(() => (this.pending = null));
    return this.pending;
  }

  private set(token: string): void {
    const changed = this.current !== null && this.current !== token;
    this.current = token;
    this.claims = decodeClaims(token);
    this.schedule();
    if (changed) this.host.tokenChanged();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (!this.connected || !this.host.fetchToken) return;
    const delay = refreshDelay(this.claims, Date.now());
    if (delay === null) return;
    this.timer = setTimeout(() => void this.get(true).catch(() => this.retryLater()), delay);
  }

  private retryLater(): void {
    clearTimeout(this.timer);
    if (this.connected) this.timer = setTimeout(() => void this.get(true).catch(() => this.retryLater()), 5_000);
  }
}
