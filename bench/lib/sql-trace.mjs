// Preloaded into a portal under study (NODE_OPTIONS=--import <this file>, SIGHTLINE_SQL_TRACE=<file>):
// appends one JSON line per protocol message the portal sends to PGlite — its type (P = Parse,
// B/D/E/S = bind, describe, execute, sync; Q = simple query), the time PGlite took, and for P and Q
// the statement's text — so a request's statements and what each costs can be read off
// (docs/performance.md, "Statements per request"). Never loaded in production.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";

const out = process.env.SIGHTLINE_SQL_TRACE;
const run = PGlite.prototype.execProtocolRawSync;

/** The statement text of a Parse ('P': name\0query\0...) or Query ('Q': query\0) message. */
function statementOf(message) {
  const type = String.fromCharCode(message[0]);
  const body = Buffer.from(message.subarray(5));
  if (type === "Q") return body.subarray(0, body.indexOf(0)).toString();
  if (type !== "P") return "";
  const nameEnd = body.indexOf(0);
  return body.subarray(nameEnd + 1, body.indexOf(0, nameEnd + 1)).toString();
}

if (out)
  PGlite.prototype.execProtocolRawSync = function traced(message) {
    const started = performance.now();
    try {
      return run.call(this, message);
    } finally {
      const ms = Math.round((performance.now() - started) * 1000) / 1000;
      const text = statementOf(message).replace(/\s+/g, " ").slice(0, 400);
      fs.appendFileSync(out, `${JSON.stringify({ type: String.fromCharCode(message[0]), ms, text })}\n`);
    }
  };
