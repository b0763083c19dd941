// Generated from /api/v1/openapi.json by `npm run openapi:types` (scripts/openapi-types.ts). Do not edit.
export interface paths {
  "/api/v1/orders": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the account's orders with filters and keyset (cursor) paging
     * @description The same filters as the portal's order list (a portal URL's query string works here). Embed tokens with fixed filters (e.g. one site) replace the request's value for that filter.
     */
    get: operations["listOrders"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/orders/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One order with its lines, shipments and event timeline */
    get: operations["getOrder"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/ingest/orders": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create or update orders with their lines and shipments
     * @description Orders are keyed by `(source, externalId)` and carry a `version`: a newer version replaces the order's fields and lines (shipments are upserted by `externalId`), an older one is ignored and the same one is a no-op (`unchanged`). The order's `status` joins its event timeline, so status follows the event rules below.
     *
     *     **Atomicity.** The batch is validated first: if any item is malformed, nothing is written and the answer is 422 with a reason for every item. A well-formed batch is applied in one transaction; items that refer to something unknown (an order not yet sent, a site code the account does not have) are rejected on their own and the others are applied, each order whole (never half an order).
     *
     *     **Order of events.** Events are idempotent on `(source, eventId)`: a repeat is `unchanged`. The order's status is the type of the status event with the latest `occurredAt`; a tie goes to the status later in the lifecycle (received < confirmed < allocated < backordered < on_hold < picked < packed < shipped < in_transit < out_for_delivery < delivered < exception < cancelled), then to the larger `source`, then the larger `eventId` (code-point order). So events that arrive late, twice or shuffled end in the same state as in-order delivery. `eta_changed` (with `detail.predictedDate`), `note`, and the perfect-order events `damaged`, `claim_filed` (goods damaged, a claim filed for them) and `document_error` (an error in the order's documents; `detail.reason` says which) do not change the status; a measured order with any of the last three is not a perfect order (see `perfectOrder` in the SLA scorecard).
     *
     *     One audit entry is written per batch. Each committed batch wakes live subscribers once.
     */
    post: operations["ingestOrders"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/ingest/events": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record order status events
     * @description Each event names its order by `orderSource` (default: the event's `source`) and `orderExternalId`; an event for an order not yet sent is rejected (send the order, then retry the event).
     *
     *     **Atomicity.** The batch is validated first: if any item is malformed, nothing is written and the answer is 422 with a reason for every item. A well-formed batch is applied in one transaction; items that refer to something unknown (an order not yet sent, a site code the account does not have) are rejected on their own and the others are applied, each order whole (never half an order).
     *
     *     **Order of events.** Events are idempotent on `(source, eventId)`: a repeat is `unchanged`. The order's status is the type of the status event with the latest `occurredAt`; a tie goes to the status later in the lifecycle (received < confirmed < allocated < backordered < on_hold < picked < packed < shipped < in_transit < out_for_delivery < delivered < exception < cancelled), then to the larger `source`, then the larger `eventId` (code-point order). So events that arrive late, twice or shuffled end in the same state as in-order delivery. `eta_changed` (with `detail.predictedDate`), `note`, and the perfect-order events `damaged`, `claim_filed` (goods damaged, a claim filed for them) and `document_error` (an error in the order's documents; `detail.reason` says which) do not change the status; a measured order with any of the last three is not a perfect order (see `perfectOrder` in the SLA scorecard).
     */
    post: operations["ingestEvents"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/stream": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Live order events (and escalation changes) of the account, as Server-Sent Events
     * @description A `text/event-stream`. Messages:
     *
     *     - `event: order` with `id: <seq>` (the account's event sequence) and `data:` an `OrderStreamEvent`.
     *     - `event: escalation` (no id, not replayed) with `data:` an `EscalationStreamEvent`; portal sessions only.
     *     - `: heartbeat` comments about every 15 s.
     *
     *     Reconnect with the `Last-Event-ID` header to receive the missed order events in order, then live ones (EventSource does this by itself). The id is taken from the header only, never from the URL. Embed tokens pinned to sites receive only those sites' orders.
     *
     *     A client that reads too slowly is disconnected after a `retry:` hint and resumes from its last id.
     */
    get: operations["streamEvents"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/sla/scorecard": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The account's SLA scorecard for one fiscal period of its own calendar
     * @description An order counts in the fiscal period (week, period, quarter, year) of its promised delivery date, in your fiscal calendar — not the date it was placed or delivered.
     *
     *     An order is measured once it has been delivered, has a promised date and was not cancelled. Open orders are not scored yet; cancelled orders never are.
     *
     *     KPIs:
     *     - `otif`: On time in full: the share of measured orders that were both on time and in full. Decided per order, not by multiplying the two rates.
     *     - `onTime`: The share of measured orders delivered on or before the promised date, plus the contracted tolerance in calendar days. The delivery date is the local date in your calendar's time zone, so a delivery at 23:30 your time on the promised date is on time.
     *     - `inFull`: The share of measured orders where every line shipped at least its ordered quantity, less the contracted tolerance percentage.
     *     - `fillRateUnits`: Units shipped divided by units ordered, over measured orders. Units shipped beyond a line's ordered quantity are not counted, so over-shipping one line cannot hide a short line.
     *     - `fillRateLines`: Order lines shipped at their full ordered quantity divided by order lines ordered, over measured orders.
     *     - `leadTime`: Average time from order placed to shipped, counting only your working hours: weekly hours in your time zone, less public holidays and closures of your calendar.
     *
     *     Every figure carries `href` / `missedHref`: the order list (`/orders?...`) filtered to exactly the orders behind it; the same query string works on `GET /api/v1/orders`.
     */
    get: operations["getSlaScorecard"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/calendar": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The account's business calendar in force, its holidays for a date range, and every version
     * @description Everything SLA figures are computed with: the time zone, weekly working hours (split and overnight shifts), public holidays of the configured country/region for `from`..`to` (past years included), custom closures, extra working days, the fiscal calendar rule and the escalation hours of the account's tier. `versions` lists every stored calendar version with the time it was in force; stored SLA figures always use the version in force (saving a new one recomputes them).
     */
    get: operations["getCalendar"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/calendar/periods": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Bounds of every fiscal week, period and quarter of one fiscal year
     * @description Local dates, both ends inclusive, in the calendar in force. In month-based fiscal years the first and last week may be partial (weeks start on the calendar's `weekStart`).
     */
    get: operations["getFiscalPeriods"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/escalations": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the account's escalations, the least SLA time left first */
    get: operations["listEscalations"];
    put?: never;
    /** Raise an escalation, optionally for an order and with an exception request */
    post: operations["createEscalation"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/escalations/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One escalation with its public replies, SLA clocks and exception outcome */
    get: operations["getEscalation"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/escalations/{id}/replies": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a public reply; a reply to an escalation waiting for the customer resumes its SLA clock */
    post: operations["replyToEscalation"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/embed/tokens": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Trade an embed key's secret for a short-lived widget token (call from your server)
     * @description Your intranet's **server** sends the embed key secret (`sl_embed_...`, shown once when a customer admin creates the key in Settings → Embed keys) and the origin of the page the widgets run on. The answer is a signed token (HS256 JWT) for that origin only, carrying the account, the key, its scopes and fixed filters, and an expiry of at most 10 minutes. Hand it to the widgets (`token` attribute or a `fetchToken` function). The endpoint answers no CORS: browsers must never see the secret.
     */
    post: operations["createEmbedToken"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/feed-health": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * How fresh the account's data is: each source's latest delivery and whether it is delayed
     * @description One entry per source that has sent data (an ingest connection, by name). A source is `silent` when nothing has arrived for well over its usual interval, learned from its recent deliveries or configured; it is `live` again with its next delivery.
     */
    get: operations["getFeedHealth"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/openapi.json": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * This OpenAPI 3.1 document
     * @description Public: no credentials, no account data. Cached for 5 minutes.
     */
    get: operations["getOpenApiDocument"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description RFC 9457 problem details. */
    Problem: {
      /** @description `about:blank` unless stated otherwise. */
      type: string;
      title: string;
      status: number;
      /** @description What was wrong, in words a developer can act on. */
      detail: string;
      /** @description The request's id (also the `X-Request-Id` header): quote it to support; it names the log lines. */
      requestId?: string;
      errors?:
        | {
            [key: string]: string;
          }
        | {
            path: string;
            message: string;
          }[];
    } & {
      [key: string]: unknown;
    };
    OrderList: {
      data: components["schemas"]["OrderSummary"][];
      page: components["schemas"]["OrderPage"];
      /** @description The account's IANA time zone (date filters use it). */
      timeZone: string;
    };
    OrderResponse: {
      data: components["schemas"]["Order"];
      /** @description The account's IANA time zone (date filters use it). */
      timeZone: string;
    };
    OrderSummary: {
      /** Format: uuid */
      id: string;
      orderNumber: string;
      customerPo: string | null;
      /** Format: uuid */
      siteId: string;
      siteCode: string;
      siteName: string;
      /** @enum {string} */
      status:
        | "received"
        | "confirmed"
        | "allocated"
        | "backordered"
        | "on_hold"
        | "picked"
        | "packed"
        | "shipped"
        | "in_transit"
        | "out_for_delivery"
        | "delivered"
        | "exception"
        | "cancelled";
      /** Format: date-time */
      statusAt: string;
      holdReason: string | null;
      /** @enum {string} */
      priority: "standard" | "expedited" | "critical";
      /** Format: date-time */
      orderedAt: string;
      requestedDate: string | null;
      promisedDate: string | null;
      predictedDate: string | null;
      shippedAt: string | null;
      deliveredAt: string | null;
      carrier: string | null;
      trackingNumber: string | null;
      /** @description ISO 4217 code. */
      currency: string;
      /** @description Order value as a decimal string. */
      value: string;
      /** @description Open past the promised date, or delivered after it (account's time zone). */
      late: boolean;
      /** @description open: late now (open, past the promised date); delivered: delivered late; null: not late. */
      lateState: ("open" | "delivered") | null;
      /** @description Open, not late, predicted to arrive after the promised date. */
      atRisk: boolean;
      /** Format: date-time */
      updatedAt: string;
      sla: components["schemas"]["OrderSlaFacts"];
    };
    OrderPage: {
      /** @description Cursor of the next page; null on the last page. */
      next: string | null;
      /** @description Cursor of the previous page; null on the first page. */
      prev: string | null;
      limit: number;
    };
    Order: {
      /** Format: uuid */
      id: string;
      orderNumber: string;
      customerPo: string | null;
      /** Format: uuid */
      siteId: string;
      siteCode: string;
      siteName: string;
      /** @enum {string} */
      status:
        | "received"
        | "confirmed"
        | "allocated"
        | "backordered"
        | "on_hold"
        | "picked"
        | "packed"
        | "shipped"
        | "in_transit"
        | "out_for_delivery"
        | "delivered"
        | "exception"
        | "cancelled";
      /** Format: date-time */
      statusAt: string;
      holdReason: string | null;
      /** @enum {string} */
      priority: "standard" | "expedited" | "critical";
      /** Format: date-time */
      orderedAt: string;
      requestedDate: string | null;
      promisedDate: string | null;
      predictedDate: string | null;
      shippedAt: string | null;
      deliveredAt: string | null;
      carrier: string | null;
      trackingNumber: string | null;
      /** @description ISO 4217 code. */
      currency: string;
      /** @description Order value as a decimal string. */
      value: string;
      /** @description Open past the promised date, or delivered after it (account's time zone). */
      late: boolean;
      /** @description open: late now (open, past the promised date); delivered: delivered late; null: not late. */
      lateState: ("open" | "delivered") | null;
      /** @description Open, not late, predicted to arrive after the promised date. */
      atRisk: boolean;
      /** Format: date-time */
      updatedAt: string;
      sla: components["schemas"]["OrderSlaFacts"];
      /** @description Null until the order is measured. */
      otif: boolean | null;
      onTime: boolean | null;
      inFull: boolean | null;
      lines: components["schemas"]["OrderLine"][];
      shipments: components["schemas"]["Shipment"][];
      /** @description Newest first. */
      events: components["schemas"]["OrderEvent"][];
    };
    OrderLine: {
      lineNo: number;
      sku: string;
      description: string;
      /** @description Decimal quantity. */
      ordered: string;
      shipped: string;
      /** @description Ordered minus shipped (0 for a cancelled order). */
      backordered: string;
      unitPrice: string;
    };
    Shipment: {
      /** Format: uuid */
      id: string;
      carrier: string;
      trackingNumber: string | null;
      /** @description http(s) only. */
      trackingUrl: string | null;
      status: string;
      shippedAt: string | null;
      deliveredAt: string | null;
    };
    OrderEvent: {
      /** @description The account's event sequence (the stream's event id). */
      seq: number;
      type: string;
      /** Format: date-time */
      occurredAt: string;
      location: string | null;
      /** @description Public details such as reason, note, carrier, trackingNumber, sku, signedBy. */
      detail: {
        [key: string]: string;
      };
    };
    IngestItemResult: {
      /** @description Position of the item in the request. */
      index: number;
      /** @enum {string} */
      status: "created" | "updated" | "unchanged" | "rejected";
      /**
       * Format: uuid
       * @description The portal's order id (orders and events that resolved to an order).
       */
      orderId?: string;
      /** @description The account's event sequence number of a created event. */
      seq?: number;
      /** @description Why an item was unchanged (e.g. an older version). */
      note?: string;
      reasons?: {
        /** @description Dotted path inside the item, e.g. `lines.0.qtyOrdered`. */
        path: string;
        message: string;
      }[];
    };
    IngestBatchResult: {
      /** @description Per-item results in request order. */
      results: components["schemas"]["IngestItemResult"][];
      counts: {
        created: number;
        updated: number;
        unchanged: number;
        rejected: number;
      };
    };
    IngestBatchProblem: {
      /** @description `about:blank` unless stated otherwise. */
      type: string;
      title: string;
      status: number;
      /** @description What was wrong, in words a developer can act on. */
      detail: string;
      /** @description The request's id (also the `X-Request-Id` header): quote it to support; it names the log lines. */
      requestId?: string;
      errors?:
        | {
            [key: string]: string;
          }
        | {
            path: string;
            message: string;
          }[];
      /** @description Per-item results in request order. */
      results: components["schemas"]["IngestItemResult"][];
      counts: {
        created: number;
        updated: number;
        unchanged: number;
        rejected: number;
      };
    } & {
      [key: string]: unknown;
    };
    OrderStreamEvent: {
      /** @description Also the message `id`. */
      seq: number;
      /** Format: uuid */
      orderId: string;
      orderNumber: string;
      /** @description The event type (a status, `eta_changed`, `note`, `damaged`, `claim_filed` or `document_error`). */
      type: string;
      /** @description The order's current status. */
      status: string;
      /** Format: date-time */
      occurredAt: string;
    };
    EscalationStreamEvent: {
      /** Format: uuid */
      escalationId: string;
      status: string;
    };
    /** @description The order's stored SLA facts; the scorecard is their sum. */
    OrderSlaFacts: {
      /** @description Counted in the scorecard: delivered, with a promised date, not cancelled. */
      measured: boolean;
      /** @description Why not measured (the first reason that applies); not-computed while a recompute is under way. */
      notMeasuredReason: ("cancelled" | "no-promised-date" | "not-delivered" | "no-lines" | "not-computed") | null;
      /** @description Fiscal keys of the promised date in the account's calendar: the period the order counts in. */
      fiscal: {
        year: number;
        quarter: number;
        period: number;
        week: number;
      } | null;
      onTime: boolean | null;
      inFull: boolean | null;
      otif: boolean | null;
      /** @description Why a measured order missed OTIF. */
      missReason: ("late" | "short" | "late-and-short") | null;
      /** @description Order placed to shipped in working minutes of the calendar, stored in whole minutes rounded half up. */
      leadTimeBusinessMinutes: number | null;
      /** @description Working minutes from the end of the last on-time day (promised date + tolerance days) to delivery; 0 when on time; whole minutes, half up. */
      lateBusinessMinutes: number | null;
      units: {
        ordered: number;
        /** @description Each line counts at most its ordered quantity. */
        shipped: number;
      };
      lines: {
        ordered: number;
        /** @description Lines shipped at their full ordered quantity (line fill rate). */
        filled: number;
        /** @description Lines shipped in full within the contracted tolerance (decides in full). */
        inFull: number;
      };
      /** @description The calendar version the figures were computed with. */
      calendarVersion: number | null;
    };
    SlaScorecardResponse: {
      data: components["schemas"]["SlaScorecard"];
    };
    SlaScorecard: {
      tenant: {
        /** Format: uuid */
        id: string;
        name: string;
        timeZone: string;
      };
      period: {
        /** @example FY2026-P03 */
        id: string;
        /** @example FY2026 P03 (Mar) */
        label: string;
        /** @enum {string} */
        granularity: "week" | "period" | "quarter" | "year";
        /**
         * Format: date
         * @description First local date of the period.
         */
        start: string;
        /**
         * Format: date
         * @description Last local date of the period (inclusive).
         */
        end: string;
      };
      /** @description The site the scorecard is limited to; null for all sites. */
      site: {
        /** Format: uuid */
        id: string;
        code: string;
        name: string;
      } | null;
      calendar: {
        /** @description Calendar version the figures use; 0 = the default calendar. */
        version: number;
        label: string;
        /** @example America/Chicago */
        timeZone: string;
        savedAt: string | null;
        lastRecomputedAt: string | null;
        /** @description A recompute in progress after a calendar or tolerance change. */
        recompute: {
          /** @enum {string} */
          status: "queued" | "running";
          done: number;
          total: number;
        } | null;
      };
      targets: {
        otifPct: number;
        onTimePct: number;
        inFullPct: number;
        fillRatePct: number;
        leadTimeHours: number;
        onTimeToleranceDays: number;
        inFullTolerancePct: number;
        /** @enum {string} */
        source: "contract" | "tier";
        /** @enum {string} */
        tier: "strategic" | "key" | "standard";
      };
      orders: {
        /** @description Orders promised in the period. */
        promised: number;
        /** @description Of those, measured orders. */
        measured: number;
        href: string;
        measuredHref: string;
      };
      kpis: components["schemas"]["SlaKpi"][];
      sites: {
        /** Format: uuid */
        siteId: string;
        code: string;
        name: string;
        measured: number;
        kpis: {
          /** @enum {string} */
          id: "otif" | "onTime" | "inFull" | "fillRateUnits" | "fillRateLines" | "leadTime";
          /** @description Percent (0-100) or business hours; null when nothing was measured. */
          value: number | null;
          /** @description Whether the value meets the target; null when nothing was measured. */
          met: boolean | null;
          /** @description Orders that missed: late, not in full, a line short, or over the lead time target. */
          missedOrders: number;
          /** @example /orders?fiscal=FY2026-P03&otif=missed */
          missedHref: string;
        }[];
        href: string;
      }[];
      /** @description Oldest first: for a week, the 12 fiscal weeks ending with it; otherwise the 12 fiscal periods ending with the selected period's last one. */
      trend: {
        /** @example FY2026-P03 */
        id: string;
        label: string;
        /**
         * @description The trend charts weeks in a week view, fiscal periods otherwise.
         * @enum {string}
         */
        granularity: "period" | "week";
        /** Format: date */
        start: string;
        /** Format: date */
        end: string;
        measured: number;
        otif: number | null;
        onTime: number | null;
        inFull: number | null;
        fillRateUnits: number | null;
        fillRateLines: number | null;
        leadTime: number | null;
        otifMet: boolean | null;
        /** @description Perfect order %, as in `perfectOrder.value`. */
        perfectOrder: number | null;
        /** @description Average recovery time, business hours, as in `recoveryTime.value`. */
        recoveryTime: number | null;
        href: string;
      }[];
      misses: components["schemas"]["SlaMissBreakdown"];
      /** @description Perfect order % of the period: measured orders on time, in full, undamaged and with correct documents. Damage and documentation errors come from `damaged`, `claim_filed` and `document_error` events (POST /api/v1/ingest/events); an order without them is perfect when it is OTIF. */
      perfectOrder: {
        /** @description Percent, two decimals; null when nothing was measured. */
        value: number | null;
        /** @description Measured orders that were perfect. */
        perfect: number;
        measured: number;
        /** @description Measured orders with a `damaged` or `claim_filed` event. */
        damaged: number;
        /** @description Measured orders with a `document_error` event. */
        documentErrors: number;
        definition: string;
      };
      /** @description Recovery time of the period: for measured orders that missed OTIF and were escalated, the business time from the first escalation being raised to the last one being resolved (duplicates left out), averaged over the recovered orders. */
      recoveryTime: {
        /** @description Business hours, two decimals; null when no order recovered. */
        value: number | null;
        /** @description Failed orders whose escalations are all resolved. */
        recovered: number;
        /** @description Failed orders with an escalation still unresolved. */
        unresolved: number;
        definition: string;
      };
      rules: {
        /** @description Which fiscal period an order counts in. */
        period: string;
        /** @description Which orders are measured. */
        measured: string;
        /** @description Every rounding rule behind the figures. */
        rounding: string;
        /** @description The on-time and in-full tolerances in force. */
        tolerance: string;
      };
    };
    SlaKpi: {
      /** @enum {string} */
      id: "otif" | "onTime" | "inFull" | "fillRateUnits" | "fillRateLines" | "leadTime";
      /** @example OTIF */
      label: string;
      /** @enum {string} */
      unit: "%" | "business hours";
      /** @enum {string} */
      better: "higher" | "lower";
      /** @description How the figure is computed, in plain language. */
      definition: string;
      /** @description Percent (0-100) or business hours; null when nothing was measured. */
      value: number | null;
      /** @description The contracted target (the tier's default unless set for the account). */
      target: number;
      /** @description Whether the value meets the target; null when nothing was measured. */
      met: boolean | null;
      /** @description e.g. OTIF orders, units shipped, or lead time hours summed. */
      numerator: number;
      /** @description e.g. measured orders, units ordered, or orders with a lead time. */
      denominator: number;
      /** @description Orders that missed: late, not in full, a line short, or over the lead time target. */
      missedOrders: number;
      /** @example /orders?fiscal=FY2026-P03&measured=1 */
      href: string;
      /** @example /orders?fiscal=FY2026-P03&otif=missed */
      missedHref: string;
    };
    SlaMissCount: {
      orders: number;
      /**
       * @description The order list filtered to exactly these orders; the query string works on GET /api/v1/orders.
       * @example /orders?fiscal=FY2026-P03&ontime=missed&infull=met
       */
      link: string;
    };
    SlaMissGroup: {
      /** @description Site id, carrier name ("" for orders without a carrier) or priority. */
      key: string;
      measured: number;
      /** @description Missed / measured in percent (two decimals). */
      missRate: number | null;
      missed: components["schemas"]["SlaMissCount"];
      reasons: components["schemas"]["SlaMissReasons"];
    };
    SlaMissReasons: {
      late: components["schemas"]["SlaMissCount"];
      short: components["schemas"]["SlaMissCount"];
      "late-and-short": components["schemas"]["SlaMissCount"];
    };
    /** @description Why the period's measured orders missed OTIF: late only (not on time, in full), short only (on time, not in full) or both; late orders by business hours late; and by site, carrier and priority with each group's miss rate. Every count links to exactly its orders. */
    SlaMissBreakdown: {
      measured: number;
      missed: components["schemas"]["SlaMissCount"];
      reasons: components["schemas"]["SlaMissReasons"];
      lateBy: {
        orders: number;
        /**
         * @description The order list filtered to exactly these orders; the query string works on GET /api/v1/orders.
         * @example /orders?fiscal=FY2026-P03&ontime=missed&infull=met
         */
        link: string;
        bucket: {
          /** @enum {string} */
          id: "upTo4h" | "upTo8h" | "upTo24h" | "over24h";
          /** @description Late by more than this (null: from 0). */
          overMinutes: number | null;
          /** @description Late by at most this (null: no limit). */
          upToMinutes: number | null;
        };
      }[];
      /** @description Late orders without a stored lateness (before a recompute). */
      lateUnrecorded: number;
      bySite: components["schemas"]["SlaMissGroup"][];
      byCarrier: components["schemas"]["SlaMissGroup"][];
      byPriority: components["schemas"]["SlaMissGroup"][];
      sites: {
        /** Format: uuid */
        id: string;
        code: string;
        name: string;
      }[];
    };
    CalendarResponse: {
      data: components["schemas"]["Calendar"];
    };
    Calendar: {
      /** @description The version in force; every stored SLA figure is computed with it. */
      version: number;
      label: string;
      /** @description IANA time zone the calendar's local times and dates are in. */
      timeZone: string;
      /** @description ISO weekday weeks start on (1 = Monday). */
      weekStart: number;
      /** @description 24x7: every minute is business time; weekly hours, holidays and closures are ignored. */
      alwaysOpen: boolean;
      /** @description Working intervals per ISO weekday; several intervals are a split shift. */
      weeklyHours: {
        weekday: number;
        name: string;
        intervals: {
          start: string;
          end: string;
        }[];
      }[];
      holidays: {
        country: string | null;
        region: string | null;
        /** Format: date */
        from: string;
        /** Format: date */
        to: string;
        /** @description Public holidays from `from` to `to`, both inclusive. */
        dates: {
          /** Format: date */
          date: string;
          name: string;
        }[];
      };
      closures: {
        /** Format: date */
        date: string;
        /** @description Null: closed the whole day. */
        start: string | null;
        end: string | null;
        label: string;
      }[];
      /** @description Dates that work these intervals instead of their weekday's hours, even on a holiday. */
      extraWorkingDays: {
        /** Format: date */
        date: string;
        intervals: {
          start: string;
          end: string;
        }[];
        label: string;
      }[];
      fiscal: {
        /** @enum {string} */
        kind: "445" | "454" | "544" | "calendar";
        /** @description Month-based years: the first month. */
        startMonth: number | null;
        /** @description Week-based years: the year ends on the last `weekday` of `month`, or the one nearest its end. */
        yearEnd: {
          /** @enum {string} */
          rule: "last" | "nearest";
          weekday: number;
          month: number;
        } | null;
        /**
         * @description A fiscal year is named by the calendar year it ends (or starts) in.
         * @enum {string}
         */
        naming: "end" | "start";
        description: string;
      };
      /** @description Escalation response and resolution targets of the account's tier, and which clock they run on. */
      escalationHours: {
        tier: string;
        severities: {
          /** @enum {string} */
          severity: "P1" | "P2" | "P3" | "P4";
          firstResponseMinutes: number;
          resolutionMinutes: number;
          /**
           * @description business-hours: counted in this calendar's working time.
           * @enum {string}
           */
          clock: "24x7" | "business-hours";
        }[];
      };
      /** @description Every stored version, newest first. */
      versions: {
        /** @description 0 = the default calendar of an account that never saved one. */
        version: number;
        label: string;
        createdAt: string | null;
        createdBy: string | null;
        /** @description When this version came into force (null: since the account opened). */
        validFrom: string | null;
        /** @description When the next version replaced it; null for the version in force. */
        validTo: string | null;
        active: boolean;
      }[];
    };
    FiscalYearResponse: {
      data: components["schemas"]["FiscalYear"];
    };
    FiscalYear: {
      fiscalYear: number;
      /** Format: date */
      start: string;
      /** Format: date */
      end: string;
      quarters: {
        quarter: number;
        /** Format: date */
        start: string;
        /** Format: date */
        end: string;
      }[];
      periods: {
        period: number;
        quarter: number;
        label: string;
        weeks: number;
        /** Format: date */
        start: string;
        /** Format: date */
        end: string;
      }[];
      weeks: {
        week: number;
        /** Format: date */
        start: string;
        /** Format: date */
        end: string;
      }[];
      /** @description The calendar version the bounds come from (the one in force). */
      version: number;
    };
    EscalationList: {
      data: components["schemas"]["EscalationSummary"][];
      /** @description The account's IANA time zone (SLA calendar). */
      timeZone: string;
    };
    EscalationClock: {
      /** @description Target in business minutes (or wall-clock when 24x7). */
      targetMinutes: number;
      /** @description Counted so far; pauses excluded. */
      elapsedMinutes: number;
      /** @description Negative once breached. */
      remainingMinutes: number;
      /** @description Null while paused or stopped. */
      dueAt: string | null;
      /** @enum {string} */
      status: "running" | "breaching_soon" | "breached" | "paused" | "met" | "missed";
      pausedSince: string | null;
      pauseReason: ("awaiting_customer" | "resolved") | null;
    };
    EscalationSummary: {
      /** Format: uuid */
      id: string;
      number: number;
      /**
       * @description The account's own numbering.
       * @example ESC-12
       */
      reference: string;
      /**
       * @description Unique across the platform: the account's short code and the number. Stable.
       * @example ACME-12
       */
      key: string;
      orderId: string | null;
      orderNumber: string | null;
      /** @enum {string} */
      category: "late_delivery" | "damaged_goods" | "wrong_items" | "documentation" | "billing" | "other";
      /** @enum {string} */
      severity: "P1" | "P2" | "P3" | "P4";
      /** @enum {string} */
      status: "open" | "acknowledged" | "in_progress" | "awaiting_customer" | "resolved" | "closed";
      title: string;
      /** @description First name of the support agent who owns it. */
      ownerFirstName: string | null;
      /** @enum {string} */
      exceptionStatus: "none" | "pending" | "approved" | "rejected";
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      sla: {
        firstResponse: components["schemas"]["EscalationClock"];
        resolution: components["schemas"]["EscalationClock"];
        twentyFourSeven: boolean;
        /** @enum {string} */
        active: "firstResponse" | "resolution";
      };
    };
    Escalation: {
      /** Format: uuid */
      id: string;
      number: number;
      /**
       * @description The account's own numbering.
       * @example ESC-12
       */
      reference: string;
      /**
       * @description Unique across the platform: the account's short code and the number. Stable.
       * @example ACME-12
       */
      key: string;
      orderId: string | null;
      orderNumber: string | null;
      /** @enum {string} */
      category: "late_delivery" | "damaged_goods" | "wrong_items" | "documentation" | "billing" | "other";
      /** @enum {string} */
      severity: "P1" | "P2" | "P3" | "P4";
      /** @enum {string} */
      status: "open" | "acknowledged" | "in_progress" | "awaiting_customer" | "resolved" | "closed";
      title: string;
      /** @description First name of the support agent who owns it. */
      ownerFirstName: string | null;
      /** @enum {string} */
      exceptionStatus: "none" | "pending" | "approved" | "rejected";
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      sla: {
        firstResponse: components["schemas"]["EscalationClock"];
        resolution: components["schemas"]["EscalationClock"];
        twentyFourSeven: boolean;
        /** @enum {string} */
        active: "firstResponse" | "resolution";
      };
      description: string;
      desiredOutcome: string;
      request: components["schemas"]["ExceptionRequest"];
      raisedByName: string;
      firstResponseAt: string | null;
      resolvedAt: string | null;
      closedAt: string | null;
      reopenUntil: string | null;
      replies: components["schemas"]["EscalationReply"][];
      approvals: {
        /** Format: uuid */
        id: string;
        /** @enum {string} */
        decision: "pending" | "approved" | "rejected";
        /** @enum {string} */
        requiredApprover: "support team" | "support lead" | "executive";
        reason: string | null;
        decidedAt: string | null;
      }[];
    };
    EscalationReply: {
      /** Format: uuid */
      id: string;
      /** @description Support staff appear by first name. */
      authorName: string;
      fromSupport: boolean;
      /** @description Plain text as typed; render it as text, never as HTML. */
      body: string;
      /** Format: date-time */
      createdAt: string;
    };
    EscalationReplyResult: {
      reply: components["schemas"]["EscalationReply"];
      escalation: components["schemas"]["Escalation"];
    };
    ExceptionRequest: {
      expedite: boolean;
      creditAmount: number | null;
      policyOverride: string | null;
    };
    EmbedToken: {
      /** @description Send as `Authorization: Bearer <token>` from the given origin. */
      token: string;
      /** Format: date-time */
      expiresAt: string;
      origin: string;
      scopes: ("orders:read" | "sla:read" | "escalations:write")[];
      /**
       * @description The account's IANA time zone.
       * @example America/Chicago
       */
      timeZone: string;
    };
    FeedHealthResponse: {
      data: components["schemas"]["FeedHealth"];
    };
    FeedHealth: {
      /** @description Silent sources first, then by name. */
      sources: {
        /** @description The source's name (an ingest connection of the account); never a key or secret. */
        label: string;
        /**
         * @description `silent`: nothing has arrived for well over the source's usual interval (3 intervals, at least the interval plus 10 minutes); `learning`: too few deliveries yet to know its interval.
         * @enum {string}
         */
        status: "live" | "silent" | "learning";
        /**
         * Format: date-time
         * @description When the source's latest batch arrived.
         */
        lastArrivalAt: string;
        /** @description The usual time between deliveries: the median of the recent gaps, or configured; null while learning. */
        expectedIntervalSeconds: number | null;
        /** @description When the delivery that did not come was due; null unless `silent`. */
        silentSince: string | null;
      }[];
    };
    /** @description An OpenAPI 3.1 document: this one. */
    OpenApiDocument: {
      /** @constant */
      openapi: "3.1.0";
      info: {
        title: string;
        version: string;
      } & {
        [key: string]: unknown;
      };
      servers: ({
        url: string;
      } & {
        [key: string]: unknown;
      })[];
      tags: ({
        name: string;
        description: string;
      } & {
        [key: string]: unknown;
      })[];
      /** @description Every operation of the API, by path. */
      paths: {
        [key: string]: unknown;
      };
      components: {
        schemas: {
          [key: string]: unknown;
        };
        securitySchemes: {
          [key: string]: unknown;
        };
      } & {
        [key: string]: unknown;
      };
    } & {
      [key: string]: unknown;
    };
    IngestOrderBatch: {
      items: components["schemas"]["IngestOrder"][];
    };
    IngestEventBatch: {
      items: components["schemas"]["IngestEvent"][];
    };
    IngestOrder: {
      source: string;
      externalId: string;
      version: number;
      orderNumber: string;
      customerPo?: string | null;
      siteCode: string;
      /**
       * @default received
       * @enum {string}
       */
      status?:
        | "received"
        | "confirmed"
        | "allocated"
        | "backordered"
        | "on_hold"
        | "picked"
        | "packed"
        | "shipped"
        | "in_transit"
        | "out_for_delivery"
        | "delivered"
        | "exception"
        | "cancelled";
      /** Format: date-time */
      statusAt?: string;
      holdReason?: string | null;
      /**
       * @default standard
       * @enum {string}
       */
      priority?: "standard" | "expedited" | "critical";
      /** Format: date-time */
      orderedAt: string;
      requestedDate?: string | null;
      promisedDate?: string | null;
      predictedDate?: string | null;
      /** @default USD */
      currency?: string;
      /** @default 0 */
      value?: number;
      cost?: number | null;
      margin?: number | null;
      internalNotes?: string | null;
      lines: {
        lineNo: number;
        sku: string;
        description: string;
        qtyOrdered: number;
        /** @default 0 */
        qtyShipped?: number;
        unitPrice: number;
        unitCost?: number | null;
      }[];
      /** @default [] */
      shipments?: {
        externalId: string;
        carrier: string;
        trackingNumber?: string | null;
        trackingUrl?: string | null;
        /** @enum {string} */
        status: "planned" | "in_transit" | "out_for_delivery" | "delivered" | "exception" | "returned";
        shippedAt?: string | null;
        deliveredAt?: string | null;
      }[];
    };
    IngestEvent: {
      source: string;
      eventId: string;
      orderSource?: string;
      orderExternalId: string;
      /** @enum {string} */
      type:
        | "received"
        | "confirmed"
        | "allocated"
        | "backordered"
        | "on_hold"
        | "picked"
        | "packed"
        | "shipped"
        | "in_transit"
        | "out_for_delivery"
        | "delivered"
        | "exception"
        | "cancelled"
        | "eta_changed"
        | "note"
        | "damaged"
        | "claim_filed"
        | "document_error";
      /** Format: date-time */
      occurredAt: string;
      location?: string | null;
      /** @default {} */
      detail?: {
        [key: string]: string | number | boolean | null;
      };
    };
    NewEscalation: {
      /** @description An order of the caller's account (its id). */
      orderId?: string | null;
      /** @enum {string} */
      category: "late_delivery" | "damaged_goods" | "wrong_items" | "documentation" | "billing" | "other";
      /**
       * @description P1: Critical: production or a customer commitment is stopped right now and there is no workaround.
       *     P2: High: a major impact on operations; a workaround exists but is costly or temporary.
       *     P3: Medium: a real problem with limited impact; normal business continues.
       *     P4: Low: a question, a documentation fix or a minor inconvenience.
       * @enum {string}
       */
      severity: "P1" | "P2" | "P3" | "P4";
      title: string;
      description: string;
      desiredOutcome: string;
      /** @default false */
      requestExpedite?: boolean;
      /** @description At most two decimals. Above the tier's threshold it waits for a lead or an executive. */
      requestCreditAmount?: number | null;
      requestPolicyOverride?: string | null;
    };
    NewEscalationReply: {
      body: string;
    };
    EmbedTokenRequest: {
      /**
       * @description The page's exact origin (scheme, host, port), one of the key's allowed origins.
       * @example https://intranet.example.com
       */
      origin: string;
      /** @description Token lifetime (default 300). */
      ttlSeconds?: number;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listOrders: {
    parameters: {
      query?: {
        /** @description Order statuses. Repeat the parameter or separate values with commas. */
        status?: (
          | "received"
          | "confirmed"
          | "allocated"
          | "backordered"
          | "on_hold"
          | "picked"
          | "packed"
          | "shipped"
          | "in_transit"
          | "out_for_delivery"
          | "delivered"
          | "exception"
          | "cancelled"
        )[];
        /** @description Ship-to site ids. Repeat the parameter or separate values with commas. */
        site?: string[];
        /** @description Priorities. Repeat the parameter or separate values with commas. */
        priority?: ("standard" | "expedited" | "critical")[];
        /** @description Prefix of an order number, customer PO, SKU (any line) or tracking number. Matches the beginning, as typed or upper-cased. */
        q?: string;
        /** @description ordered date on or after this local date of the account's time zone. */
        ordered_from?: string;
        /** @description ordered date on or before this local date of the account's time zone. */
        ordered_to?: string;
        /** @description requested date on or after this local date of the account's time zone. */
        requested_from?: string;
        /** @description requested date on or before this local date of the account's time zone. */
        requested_to?: string;
        /** @description promised date on or after this local date of the account's time zone. */
        promised_from?: string;
        /** @description promised date on or before this local date of the account's time zone. */
        promised_to?: string;
        /** @description delivered date on or after this local date of the account's time zone. */
        delivered_from?: string;
        /** @description delivered date on or before this local date of the account's time zone. */
        delivered_to?: string;
        /** @description open: late now (open, past the promised date); delivered: delivered after the promised date; any: either. 1 (older links) means any, 0 no filter. Dates in the account's time zone. */
        late?: "0" | "1" | "open" | "delivered" | "any";
        /** @description 1: only open orders predicted to arrive after the promised date. With late: either. */
        at_risk?: "0" | "1";
        /** @description Open orders promised for today (today) or for today and the six days after it (week). */
        due?: "today" | "week";
        /** @description Fiscal period of the account's calendar the promised date falls in: FY2026, FY2026-Q2, FY2026-P03, FY2026-W07. */
        fiscal?: string;
        /** @description Measured orders that met or missed OTIF (stored SLA metrics). */
        otif?: "met" | "missed";
        /** @description Measured orders that met or missed on time (stored SLA metrics). */
        ontime?: "met" | "missed";
        /** @description Measured orders that met or missed in full (stored SLA metrics). */
        infull?: "met" | "missed";
        /** @description 1: only SLA-measured orders. */
        measured?: "0" | "1";
        /** @description Measured orders shipped short or in full. */
        fill?: "short" | "full";
        /** @description Measured orders whose lead time exceeds this many business minutes. */
        lead_time_over?: number;
        /** @description Measured orders late by more than this many business minutes (stored lateness; see OrderSlaFacts). */
        late_over?: number;
        /** @description Measured orders late by at most this many business minutes (0 for orders on time). */
        late_upto?: number;
        /** @description Orders shipped by one of these carriers (exact names, as in the carrier field). Repeat the parameter or separate values with commas. */
        carrier?: string[];
        /** @description 1: orders without a carrier (with carrier: either). */
        no_carrier?: "0" | "1";
        sort?: "ordered" | "number" | "status" | "requested" | "promised" | "delivered";
        /** @description Default: desc for ordered and delivered, asc otherwise. */
        dir?: "asc" | "desc";
        /** @description Opaque cursor from `page.next` or `page.prev` of a previous response with the same sort. */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of orders. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OrderList"];
        };
      };
      /** @description A filter, the cursor or the page size is not valid; `errors` names each parameter. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not signed in and no valid embed token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token lacks the orders:read scope. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database (or, for a write that sends e-mail, the mail server) is unavailable or did not answer in time; retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying. */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getOrder: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The order id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The order. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OrderResponse"];
        };
      };
      /** @description Not signed in and no valid embed token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token lacks the orders:read scope. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such order in the caller's account (another account's id answers the same). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database (or, for a write that sends e-mail, the mail server) is unavailable or did not answer in time; retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying. */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  ingestOrders: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["IngestOrderBatch"];
      };
    };
    responses: {
      /** @description The batch was applied; per-item results in request order. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["IngestBatchResult"];
        };
      };
      /** @description The body is not JSON, or not an object with an `items` array of 1 to 1000 items. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, unknown or revoked ingest key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A cookie-authenticated write from another origin (or a cross-site fetch): the same-origin rule refuses it. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body exceeds 4194304 bytes, or the batch holds more than 1000 items. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Some items are malformed; nothing was written. `results` gives the reasons per item. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["IngestBatchProblem"];
        };
      };
      /** @description The database is unavailable; nothing was written. Retry the same batch (it is idempotent). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  ingestEvents: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["IngestEventBatch"];
      };
    };
    responses: {
      /** @description The batch was applied; per-item results in request order. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["IngestBatchResult"];
        };
      };
      /** @description The body is not JSON, or not an object with an `items` array of 1 to 1000 items. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Missing, unknown or revoked ingest key. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description A cookie-authenticated write from another origin (or a cross-site fetch): the same-origin rule refuses it. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body exceeds 4194304 bytes, or the batch holds more than 1000 items. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Some items are malformed; nothing was written. `results` gives the reasons per item. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["IngestBatchProblem"];
        };
      };
      /** @description The database is unavailable; nothing was written. Retry the same batch (it is idempotent). */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  streamEvents: {
    parameters: {
      query?: never;
      header?: {
        /** @description The last `id` received; missed events after it are replayed. */
        "Last-Event-ID"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The event stream (stays open). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "text/event-stream": string;
        };
      };
      /** @description Not signed in, or the embed token is not valid. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token may not read orders. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Live updates are unavailable; retry shortly. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getSlaScorecard: {
    parameters: {
      query?: {
        /**
         * @description `this-` or `last-` + `week`, `period`, `quarter` or `year` (default `this-period`), or a fiscal key: `FY2026`, `FY2026-Q2`, `FY2026-P03`, `FY2026-W07`. Fiscal years, periods and weeks are those of the account's calendar.
         * @example last-quarter
         */
        period?: string;
        /** @description Only orders shipping to this site (id). Embed tokens pinned to sites are limited to them. */
        site?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The scorecard. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SlaScorecardResponse"];
        };
      };
      /** @description The period or site is not valid. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not signed in and no valid embed token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The embed token does not allow sla:read. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The account's fiscal calendar has no such period. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database (or, for a write that sends e-mail, the mail server) is unavailable or did not answer in time; retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying. */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getCalendar: {
    parameters: {
      query?: {
        /** @description First day of the holiday range (default: 1 January of last year, in the calendar's zone). */
        from?: string;
        /** @description Last day of the holiday range, inclusive (default: 31 December this year). At most 3660 days after `from`; send both or neither. */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The calendar. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CalendarResponse"];
        };
      };
      /** @description `from`/`to` are not dates, only one was sent, or the range is reversed or too long. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not signed in and no valid embed token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The embed token does not allow sla:read, or staff have not opened an account. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database (or, for a write that sends e-mail, the mail server) is unavailable or did not answer in time; retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying. */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getFiscalPeriods: {
    parameters: {
      query: {
        /** @description The fiscal year (1900 to 2200), named as the calendar names it (e.g. 2026 for FY2026). */
        year: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The fiscal year's structure. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["FiscalYearResponse"];
        };
      };
      /** @description `year` is missing or not a year between 1900 and 2200. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not signed in and no valid embed token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The embed token does not allow sla:read, or staff have not opened an account. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database (or, for a write that sends e-mail, the mail server) is unavailable or did not answer in time; retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying. */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listEscalations: {
    parameters: {
      query?: {
        /** @description `active` = not closed; `all` (default) or one status. */
        status?:
          "active" | "all" | "open" | "acknowledged" | "in_progress" | "awaiting_customer" | "resolved" | "closed";
        severity?: "P1" | "P2" | "P3" | "P4";
        orderId?: string;
        /**
         * @description Search: an escalation key (`ACME-12`, also `acme 12`), a number (`ESC-12`, `12`), an order number (`SO-100012`) or words of the title.
         * @example ACME-12
         */
        q?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Escalations of the caller's account. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["EscalationList"];
        };
      };
      /** @description A filter is not valid. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not signed in and no valid embed token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token lacks the escalations:read scope. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database (or, for a write that sends e-mail, the mail server) is unavailable or did not answer in time; retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying. */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createEscalation: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["NewEscalation"];
      };
    };
    responses: {
      /** @description Raised. `Location` names the new escalation. */
      201: {
        headers: {
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Escalation"];
        };
      };
      /** @description The body is not valid; `errors` names each field. Nothing was saved. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not signed in and no valid embed token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token lacks the escalations:write scope. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 64 KiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database (or, for a write that sends e-mail, the mail server) is unavailable or did not answer in time; retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying. */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getEscalation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The escalation id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The escalation. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Escalation"];
        };
      };
      /** @description Not signed in and no valid embed token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token lacks the escalations:read scope, or the caller cannot read escalations. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such escalation in the caller's account. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database (or, for a write that sends e-mail, the mail server) is unavailable or did not answer in time; retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying. */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  replyToEscalation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The escalation id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["NewEscalationReply"];
      };
    };
    responses: {
      /** @description The reply and the escalation after it. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["EscalationReplyResult"];
        };
      };
      /** @description Empty or oversized reply. Nothing was saved. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Not signed in and no valid embed token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token lacks the escalations:write scope, or a cookie-authenticated write came from another origin (or a cross-site fetch): the same-origin rule refuses it. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such escalation in the caller's account. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The escalation is closed; reopen it first. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 64 KiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database (or, for a write that sends e-mail, the mail server) is unavailable or did not answer in time; retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying. */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createEmbedToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["EmbedTokenRequest"];
      };
    };
    responses: {
      /** @description A token for the origin. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["EmbedToken"];
        };
      };
      /** @description The origin is not an exact origin, or ttlSeconds is out of range. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The secret is unknown or its key was revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The key does not allow that origin. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is larger than 4 KiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Too many wrong secrets from this address; wait for the Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database (or, for a write that sends e-mail, the mail server) is unavailable or did not answer in time; retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying. */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getFeedHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The account's sources. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["FeedHealthResponse"];
        };
      };
      /** @description Not signed in and no valid embed token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The embed token does not allow orders:read, or staff have not opened an account. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The database (or, for a write that sends e-mail, the mail server) is unavailable or did not answer in time; retry after `Retry-After` seconds. */
      503: {
        headers: {
          /** @description Seconds to wait before retrying. */
          "Retry-After"?: number;
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getOpenApiDocument: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The document. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OpenApiDocument"];
        };
      };
    };
  };
}
