// Calling the Sightline API from TypeScript with the typed client: openapi-fetch and the types
// generated from /api/v1/openapi.json (exported by @sightline/widgets). Paths, parameters, bodies
// and answers are checked by the compiler. (The README shows this file; tests/unit/readme-example.test.ts
// keeps the two equal and tests/integration/api-client-example.test.ts runs it against a portal.)
import createClient from "openapi-fetch";
import type { paths } from "@sightline/widgets";

/** A backend system reports that an order left the depot (server to server, with the ingest key). */
export async function reportInTransit(baseUrl: string, ingestKey: string, orderExternalId: string) {
  const api = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${ingestKey}` } });
  const { data, error } = await api.POST("/api/v1/ingest/events", {
    body: {
      items: [
        {
          source: "tms",
          eventId: `depot-scan-${orderExternalId}`,
          orderSource: "erp",
          orderExternalId,
          type: "in_transit",
          occurredAt: new Date().toISOString(),
        },
      ],
    },
  });
  if (error) throw new Error(error.detail);
  return data.results[0].status; // "created" | "updated" | "unchanged" | "rejected"
}

/** An intranet's server lists the orders that are late now, with a token minted from its embed key. */
export async function lateOrders(baseUrl: string, embedKey: string, origin: string) {
  const keyed = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${embedKey}` } });
  const minted = await keyed.POST("/api/v1/embed/tokens", { body: { origin, ttlSeconds: 60 } });
  if (minted.error) throw new Error(minted.error.detail);
  const api = createClient<paths>({
    baseUrl,
    headers: { Authorization: `Bearer ${minted.data.token}`, Origin: origin },
  });
  const { data, error } = await api.GET("/api/v1/orders", { params: { query: { late: "open", limit: 20 } } });
  if (error) throw new Error(error.detail);
  return data.data.map((o) => `${o.orderNumber}: promised ${o.promisedDate ?? "—"}, ${o.status}`);
}
