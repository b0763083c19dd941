// Prints the configuration table for README.md from app/server/env.server.ts.
import { envTable } from "#app/server/env-table.server";

console.log(envTable());
