import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./components/nonce";
import { messagesFor } from "./i18n/catalogue";
import { CatalogueContext, type LoadedCatalogue } from "./i18n/catalogue-context";
import { isLocale } from "./i18n/locales";
import { FizzNulByteFilter } from "./server/http/fizz-nul-bytes.server";
import { logger } from "./server/log.server";
// Registers embed tokens with requireApiPrincipal in this (the routes') module graph.
import "./server/embed/register.server";

// The process entry travels inside the server build (`build.entry.module.runPortal`), so the
// launcher (server.mjs) starts it from the same module graph as the routes: one copy of every
// server module, no TypeScript transpiler at run time.
export { runPortal } from "./server/main.server";
// Express handlers answered before Remix (http/app.server.ts), from the routes' module graph too.
export { streamEvents } from "./server/realtime/stream-route.server";

const ABORT_DELAY = 5_000;
const log = logger("remix");

/**
 * Server-side errors worth a log line: not a client's bad request (405 for a method a route does
 * not take, 404 for no such route: answered, nothing broke) and not a request the client abandoned.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  log.error({ err: error, method: request.method }, "unhandled error while answering");
};

/** The catalogue the root loader named (none when it failed: the page speaks English). */
function catalogueOf(remixContext: EntryContext): LoadedCatalogue | null {
  const root = remixContext.staticHandlerContext.loaderData?.root as
    { locale?: unknown; catalogue?: unknown } | undefined;
  const locale = root?.locale;
  return isLocale(locale) && typeof root?.catalogue === "string"
    ? { locale, url: root.catalogue, messages: messagesFor(locale) }
    : null;
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  const bot = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <CatalogueContext.Provider value={catalogueOf(remixContext)}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </CatalogueContext.Provider>
      </NonceProvider>,
      {
        nonce,
        [bot ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          // Not a plain PassThrough: React 18 leaks NUL bytes next to multi-byte characters.
          const body = new FizzNulByteFilter();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged; the client's error boundary shows them.
          if (shellRendered) log.error({ err: error }, "render failed");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
