// The shape of OrderSlaFacts (app/domain/sla/order-facts.ts) in zod: the OpenAPI component
// `OrderSlaFacts` is generated from it and the tests parse API rows with it.
import { z } from "zod";
import type { OrderSlaFacts } from "#app/domain/sla/order-facts";

const count = z.int().min(0);
const minutes = z.int().min(0).nullable();

export const orderSlaFactsSchema = z
  .object({
    measured: z.boolean().describe("Counted in the scorecard: delivered, with a promised date, not cancelled."),
    notMeasuredReason: z
      .enum(["cancelled", "no-promised-date", "not-delivered", "no-lines", "not-computed"])
      .nullable()
      .describe("Why not measured (the first reason that applies); not-computed while a recompute is under way."),
    fiscal: z
      .object({ year: z.int(), quarter: z.int().min(1).max(4), period: z.int().min(1).max(12), week: z.int().min(1) })
      .nullable()
      .describe("Fiscal keys of the promised date in the account's calendar: the period the order counts in."),
    onTime: z.boolean().nullable(),
    inFull: z.boolean().nullable(),
    otif: z.boolean().nullable(),
    missReason: z.enum(["late", "short", "late-and-short"]).nullable().describe("Why a measured order missed OTIF."),
    leadTimeBusinessMinutes: minutes.describe(
      "Order placed to shipped in working minutes of the calendar, stored in whole minutes rounded half up.",
    ),
    lateBusinessMinutes: minutes.describe(
      "Working minutes from the end of the last on-time day (promised date + tolerance days) to delivery; 0 when on time; whole minutes, half up.",
    ),
    units: z.object({
      ordered: z.number().min(0),
      shipped: z.number().min(0).describe("Each line counts at most its ordered quantity."),
    }),
    lines: z.object({
      ordered: count,
      filled: count.describe("Lines shipped at their full ordered quantity (line fill rate)."),
      inFull: count.describe("Lines shipped in full within the contracted tolerance (decides in full)."),
    }),
    calendarVersion: z.int().min(0).nullable().describe("The calendar version the figures were computed with."),
  })
  .describe("The order's stored SLA facts; the scorecard is their sum.");

// Keeps the schema and the domain type in step.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same: Same<z.infer<typeof orderSlaFactsSchema>, OrderSlaFacts> = true;
void same;
