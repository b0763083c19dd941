// The README's configuration table, made from the schema in env.server.ts so the two cannot drift
// (tests/unit/env.test.ts compares them; `npx tsx scripts/env-table.ts` prints it).
import { z } from "zod";
import { envSchema } from "./env.server";

interface PropertyDoc {
  default?: unknown;
  description?: string;
}

export function envTable(): string {
  const json = z.toJSONSchema(envSchema, { io: "input", unrepresentable: "any" }) as {
    properties: Record<string, PropertyDoc>;
  };
  const rows = Object.entries(json.properties).map(([name, p]) => {
    const fallback = p.default === undefined ? "unset" : `\`${String(p.default)}\``;
    return `| \`${name}\` | ${fallback} | ${p.description ?? ""} |`;
  });
  return ["| variable | default | effect |", "| --- | --- | --- |", ...rows].join("\n");
}
