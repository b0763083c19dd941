// Plugs embed tokens into requireApiPrincipal. Imported for its side effect by
// app/entry.server.tsx: the entry belongs to the same module graph as the route modules (Vite's
// SSR graph in development, the server bundle in production), so the resolver is registered
// in the very copy of principal.server.ts that the API routes call. The process entry
// (main.server.ts / http/app.server.ts) runs in a different graph and could not do it.
import { registerBearerResolver } from "../api/principal.server";
import { resolveEmbedBearer } from "./tokens.server";

registerBearerResolver(resolveEmbedBearer);
