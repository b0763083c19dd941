// Every area's OpenAPI module. Each exports `paths`, `schemas` (zod schemas of its responses) and
// optionally `requests` (zod schemas of its request bodies); the assembler merges them and turns
// the zod schemas into the document's component schemas. Add a line when an area publishes its module.
import type { z } from "zod";
import * as calendar from "./calendar";
import * as document from "./document";
import * as embed from "./embed";
import * as escalations from "./escalations";
import * as feedHealth from "./feed-health";
import * as ingest from "./ingest";
import * as orders from "./orders";
import * as sla from "./sla";
import * as stream from "./stream";

export interface OpenApiModule {
  paths: Record<string, unknown>;
  schemas: Record<string, z.ZodType>;
  requests?: Record<string, z.ZodType>;
}

export const OPENAPI_MODULES: Record<string, OpenApiModule> = {
  orders,
  ingest,
  stream,
  sla,
  calendar,
  escalations,
  embed,
  feedHealth,
  document,
};
