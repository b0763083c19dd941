// Every audit action the code can write has a human label in the catalogue (the audit pages show
// labels, not codes). Actions are read from the source, so a new one without a label fails here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { messagesFor } from "#app/i18n/catalogue";

const ROOTS = ["app", "db"];
const NAMESPACES = "auth|user|tenant|calendar|embed_key|ingest_key|ingest|escalation|sla|staff";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Literal action names ("auth.sign_in"), escalation actions written through audit(tx, actor, row, "x"). */
function recordedActions(catalogue: Record<string, string>): Set<string> {
  const found = new Set<string>(["ingest.orders", "ingest.events"]); // `ingest.${kind}`, kind: "orders" | "events"
  const keys = Object.keys(catalogue);
  // A literal that begins message ids ("staff.audit" for staff.audit.*) names a part of the catalogue.
  const isMessagePrefix = (s: string) => keys.some((k) => k.startsWith(`${s}.`));
  for (const file of ROOTS.flatMap(sourceFiles)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(new RegExp(`"((?:${NAMESPACES})\\.[a-z_]+(?:\\.[a-z_]+)?)"`, "g"))) {
      // A literal that is a message id (t("calendar.weekday"), a zod message) is not an action.
      if (/action/.test(text) && !(m[1] in catalogue) && !isMessagePrefix(m[1])) found.add(m[1]);
    }
    for (const m of text.matchAll(
      /\baudit\(\s*tx,\s*\w+,\s*\w+,\s*(?:\w+(?: === "internal")? \? )?"([a-z_]+)"(?: : "([a-z_]+)")?/g,
    )) {
      found.add(`escalation.${m[1]}`);
      if (m[2]) found.add(`escalation.${m[2]}`);
    }
  }
  return found;
}

describe("audit labels", () => {
  const en = messagesFor("en") as Record<string, string>;
  const actions = recordedActions(en);

  it("finds the actions the code writes", () => {
    for (const a of ["auth.sign_in", "escalation.status_changed", "escalation.note_added", "escalation.merged"])
      expect(actions.has(a), a).toBe(true);
  });

  it("has a label for every action the code writes", () => {
    const missing = [...actions].filter((a) => !(`settings.audit.action.${a}` in en));
    expect(missing, "add settings.audit.action.<action> to app/i18n/messages/settings/*.json").toEqual([]);
  });
});
