import { describe, expect, it } from "vitest";
import { ORDER_EVENT_TYPES, ORDER_STATUSES } from "#app/domain/orders/statuses";
import { ORDER_EVENT_TYPES as DB_EVENT_TYPES, ORDER_STATUSES as DB_STATUSES } from "../../db/schema/orders";

describe("order statuses", () => {
  it("are the same in the domain (pure) and the database schema", () => {
    expect([...ORDER_STATUSES]).toEqual([...DB_STATUSES]);
    expect([...ORDER_EVENT_TYPES]).toEqual([...DB_EVENT_TYPES]);
  });
});
