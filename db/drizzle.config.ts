import { defineConfig } from "drizzle-kit";

// `npm run db:generate` writes a draft of the schema's SQL to db/drafts/ (not committed).
// Reviewed statements are copied into a numbered file in db/migrations/, which also holds
// the hand-written roles, policies, grants and triggers. See db/README.md.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/drafts",
});
