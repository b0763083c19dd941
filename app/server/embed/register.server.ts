// Plugs embed tokens into requireApiPrincipal. Imported for its side effect by
// app/entry.server.tsx: the entry belongs to the same module graph as the route modules (Vite's
// SSR graph in development, the server bundle in production), so the resolver is registered
// in the very copy of principal.server.ts that the API routes call. (The process entry shares
// that graph since server.mjs loads it through the build; in-process tests that serve routes
// through Vite next to their own Vitest graph still need the registration to live here.)
import { registerBearerResolver } from "../api/principal.server";
import { resolveEmbedBearer } from "./tokens.server";

registerBearerResolver(resolveEmbedBearer);
