// The one barrel file: Drizzle needs the whole schema in one object.
export * from "./auth";
export * from "./tenancy";
export * from "./orders";
export * from "./views";
export * from "./audit";
export * from "./ingest";
export * from "./feed-health";
export * from "./sla";
export * from "./escalations";
export * from "./embed";
export * from "./jobs";
export * from "./joint";
export * from "./digest";
