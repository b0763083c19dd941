// What the server entry hands every loader and action (see app/server/main.server.ts).
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce for inline scripts under the Content-Security-Policy. */
    cspNonce: string;
    /** Bytes of the response buffered in the server, not yet sent (slow-consumer detection). */
    responseBacklog?: () => number;
  }
}

export {};
