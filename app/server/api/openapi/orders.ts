// OpenAPI paths and schemas for /api/v1/orders (assembled by app/server/api/openapi.server.ts),
// generated from the zod schemas of app/server/orders/api-schema.ts.
import {
  orderEventSchema,
  orderLineSchema,
  orderListQuerySchema,
  orderListResponseSchema,
  orderPageSchema,
  orderResponseSchema,
  orderSchema,
  orderSummarySchema,
  shipmentSchema,
} from "#app/server/orders/api-schema";
import { jsonResponse, pathId, problem, queryParameters } from "./zod";

const security = [{ session: [] }, { embedToken: ["orders:read"] }];

export const paths = {
  "/api/v1/orders": {
    get: {
      operationId: "listOrders",
      tags: ["Orders"],
      summary: "List the account's orders with filters and keyset (cursor) paging",
      description:
        "The same filters as the portal's order list (a portal URL's query string works here). Embed tokens with fixed filters (e.g. one site) replace the request's value for that filter.",
      security,
      parameters: queryParameters(orderListQuerySchema),
      responses: {
        "200": jsonResponse("One page of orders.", "OrderList"),
        "400": problem("A filter, the cursor or the page size is not valid; `errors` names each parameter."),
        "401": problem("Not signed in and no valid embed token."),
        "403": problem("The token lacks the orders:read scope."),
      },
    },
  },
  "/api/v1/orders/{id}": {
    get: {
      operationId: "getOrder",
      tags: ["Orders"],
      summary: "One order with its lines, shipments and event timeline",
      security,
      parameters: [pathId("id", "The order id.")],
      responses: {
        "200": jsonResponse("The order.", "OrderResponse"),
        "401": problem("Not signed in and no valid embed token."),
        "403": problem("The token lacks the orders:read scope."),
        "404": problem("No such order in the caller's account (another account's id answers the same)."),
      },
    },
  },
};

export const schemas = {
  OrderList: orderListResponseSchema,
  OrderResponse: orderResponseSchema,
  OrderSummary: orderSummarySchema,
  OrderPage: orderPageSchema,
  Order: orderSchema,
  OrderLine: orderLineSchema,
  Shipment: shipmentSchema,
  OrderEvent: orderEventSchema,
};
