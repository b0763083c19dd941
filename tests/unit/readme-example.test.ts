// The README's typed-client example is examples/api-client.ts (type-checked with the project and run
// against a portal by tests/integration/api-client-example.test.ts): the two must not drift apart.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

it("shows examples/api-client.ts in the README, below its header comment", () => {
  const example = readFileSync(path.join(root, "examples/api-client.ts"), "utf8");
  const code = example.slice(example.indexOf("import "));
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  expect(readme).toContain("```ts\n" + code + "```");
});
