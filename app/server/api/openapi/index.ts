// Every area's OpenAPI module. Each exports `paths` and `schemas`; the assembler merges them.
// Add a line when an area publishes its module.
import * as calendar from "./calendar";
import * as embed from "./embed";
import * as escalations from "./escalations";
import * as feedHealth from "./feed-health";
import * as ingest from "./ingest";
import * as orders from "./orders";
import * as sla from "./sla";
import * as stream from "./stream";

export interface OpenApiModule {
  paths: Record<string, unknown>;
  schemas: Record<string, unknown>;
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
};
