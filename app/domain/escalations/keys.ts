// Escalation keys agents can say aloud: the account's short code and the escalation's number
// within the account (ACME-12). Unique across the platform because short codes are unique;
// customers keep seeing their own ESC-12.

const SHORT_CODE = /^[A-Z0-9]{2,8}$/;

/** A short code derived from an account slug: its letters and digits, upper-cased, at most 8. */
export function shortCodeFromSlug(slug: string): string {
  const code = slug
    .replace(/[^A-Za-z0-9]/g, "")
    .toUpperCase()
    .slice(0, 8);
  return code.length >= 2 ? code : "ACC";
}

/** `base`, or when another account has it, base with a number in its last places (ACME2, BENCH012). */
export function firstFreeShortCode(base: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, 8 - String(n).length)}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A prefix every candidate of firstFreeShortCode starts with, up to 9,999 (to look up the taken ones). */
export function shortCodeStem(base: string): string {
  return base.slice(0, 4);
}

export function isShortCode(value: string): boolean {
  return SHORT_CODE.test(value);
}

export function escalationKey(shortCode: string, number: number): string {
  return `${shortCode}-${number}`;
}

/** The customer-facing reference, numbered within the account. */
export function customerRef(number: number): string {
  return `ESC-${number}`;
}

/**
 * Reads what an agent typed into the queue search: "ACME-12", "acme 12", "acme12" give the code
 * and number; "ESC-12" or "12" give only the number; anything else is free text (null).
 */
export function parseEscalationKey(input: string): { shortCode: string | null; number: number } | null {
  const s = input.trim().toUpperCase();
  const keyed = /^([A-Z][A-Z0-9]{1,7}?)[\s-]?(\d{1,9})$/.exec(s);
  if (keyed && keyed[1] !== "ESC") return { shortCode: keyed[1], number: Number(keyed[2]) };
  const bare = /^(?:ESC[\s-]?)?(\d{1,9})$/.exec(s);
  if (bare) return { shortCode: null, number: Number(bare[1]) };
  return null;
}
