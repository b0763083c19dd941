// Generates the API's TypeScript types from the OpenAPI document the server publishes
// (openapi-typescript), for the typed client in the widgets (widgets/src/core/api.ts, openapi-fetch)
// and for anyone calling the API from TypeScript:
//   npm run openapi:types
// writes widgets/src/core/api-schema.ts. tests/unit/openapi-types.test.ts fails when the committed
// file differs from what the document generates now, so a changed response shape reaches the widgets'
// type check in the same commit. The file is ordinary TypeScript: lint and typecheck cover it.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import * as prettier from "prettier";
import { openApiDocument } from "#app/server/api/openapi.server";

export const TYPES_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../widgets/src/core/api-schema.ts",
);

export async function generateApiTypes(): Promise<string> {
  const doc = structuredClone(openApiDocument()) as unknown as Parameters<typeof openapiTS>[0];
  const ast = await openapiTS(doc, {
    alphabetize: false,
    exportType: false,
    rootTypes: false,
    // A property with a default may be left out of a request body (e.g. requestExpedite).
    defaultNonNullable: false,
  });
  const source =
    "// Generated from /api/v1/openapi.json by `npm run openapi:types` (scripts/openapi-types.ts). Do not edit.\n" +
    astToString(ast);
  const options = (await prettier.resolveConfig(TYPES_FILE)) ?? {};
  return prettier.format(source, { ...options, filepath: TYPES_FILE });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(TYPES_FILE, await generateApiTypes());
  console.log(`[openapi] wrote ${path.relative(process.cwd(), TYPES_FILE)}`);
}
