// The widgets' API types are generated from the published OpenAPI document: the committed file must
// be what the document generates now, so a changed response shape reaches the widgets' type check
// (and the typed client's callers) in the same commit.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { TYPES_FILE, generateApiTypes } from "../../scripts/openapi-types";

it("keeps widgets/src/core/api-schema.ts equal to what /api/v1/openapi.json generates (npm run openapi:types)", async () => {
  const committed = readFileSync(TYPES_FILE, "utf8");
  const fresh = await generateApiTypes();
  expect(committed === fresh, "run `npm run openapi:types` and commit widgets/src/core/api-schema.ts").toBe(true);
});
