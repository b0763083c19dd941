// Opaque keyset cursors: base64url JSON of the sort, the last (or first) row's sort value and id,
// and the direction to read in. Not a secret (RLS decides what is visible), but validated fully
// so a hand-edited cursor is a 400, never a database error.
import type { SortDir, SortKey } from "#app/domain/orders/query";
import { SORT_SQL } from "./sql.server";

export interface Cursor {
  sort: SortKey;
  dir: SortDir;
  /** The sort expression's value as PostgreSQL prints it (::text). */
  value: string;
  id: string;
  /** true: the page before this position; false: the page after it. */
  before: boolean;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TS_RE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?([+-]\d{2}(:\d{2})?)$/;

function validDate(y: string, m: string, d: string): boolean {
  const [yy, mm, dd] = [Number(y), Number(m), Number(d)];
  if (yy < 1 || yy > 9999 || mm < 1 || mm > 12 || dd < 1) return false;
  return dd <= new Date(Date.UTC(yy, mm, 0)).getUTCDate();
}

function validValue(sort: SortKey, value: string): boolean {
  const kind = SORT_SQL[sort].kind;
  if (kind === "text") return value.length <= 512;
  if (value === "infinity") return sort === "requested" || sort === "promised" || sort === "delivered";
  if (kind === "date") {
    const m = DATE_RE.exec(value);
    return !!m && validDate(m[1], m[2], m[3]);
  }
  const m = TS_RE.exec(value);
  return (
    !!m &&
    validDate(m[1], m[2], m[3]) &&
    Number(m[4]) < 24 &&
    Number(m[5]) < 60 &&
    Number(m[6]) < 60 &&
    Math.abs(Number(m[8].slice(0, 3))) <= 15
  );
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.dir, c.value, c.id, c.before ? 1 : 0]), "utf8").toString("base64url");
}

/** The cursor, or null when it is malformed or was made for another sort order. */
export function decodeCursor(text: string, sort: SortKey, dir: SortDir): Cursor | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 5) return null;
  const [s, d, value, id, before] = parsed as unknown[];
  if (s !== sort || d !== dir) return null;
  if (typeof value !== "string" || typeof id !== "string" || !UUID_RE.test(id)) return null;
  if (before !== 0 && before !== 1) return null;
  if (!validValue(sort, value)) return null;
  return { sort, dir, value, id, before: before === 1 };
}
