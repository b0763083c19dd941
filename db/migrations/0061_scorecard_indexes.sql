-- 0061 Scorecard reads (issue 17). The scorecard sums the stored metrics of every order of the
-- selected period and its 12-period trend (for "this quarter": the whole fiscal year, 84k orders
-- on the bench's largest account) in one grouped query, and counts the period's misses in another.
-- Plans on the bench data set (PostgreSQL 15): the grouped query fetched each order from the heap
-- through orders_fiscal_idx (16k buffers), then sorted the 84k rows for its GroupAggregate (external
-- merge, 6 MB on disk): ~145 ms of ~250. The misses query walked the whole year in
-- orders_late_idx to keep one quarter (64.7k of 80k rows removed by filter): ~65 ms.
--
-- orders_scorecard_idx holds every column the grouped query reads, keyed in its GROUP BY order
-- (app/server/sla/scorecard.server.ts groups by fiscal year, period, week, quarter, site), so the
-- query is an index-only scan feeding the GroupAggregate already in group order: no heap access
-- (once VACUUM has set the visibility map, as autovacuum does), no sort. Partial: an order without
-- metrics has no fiscal keys and is never read by fiscal period.
CREATE INDEX orders_scorecard_idx ON orders (tenant_id, fiscal_year, fiscal_period, fiscal_week, fiscal_quarter, site_id)
  INCLUDE (m_measurable, m_on_time, m_in_full, m_otif, m_units_ordered, m_units_shipped, m_lines_ordered,
           m_lines_filled, m_lead_time_minutes, m_damaged, m_document_error)
  WHERE fiscal_year IS NOT NULL;
--> statement-breakpoint
-- The misses breakdown (app/server/sla/misses.server.ts) and order-list drill-downs by quarter
-- (fiscal=FY2026-Q4, measured=1): the quarter's measured orders only.
CREATE INDEX orders_fiscal_quarter_idx ON orders (tenant_id, fiscal_year, fiscal_quarter) WHERE m_measurable;
--> statement-breakpoint
-- Index-only scans skip the heap only on pages the visibility map marks all-visible, and every
-- UPDATE of an order clears its page's bit until VACUUM runs. With the default scale factor (0.2)
-- autovacuum waits for 200k dead rows on a 1M-order table, so a metric recompute of the largest
-- account (132k orders updated) would leave the scorecard fetching every order from the heap
-- (bench: ~100 ms instead of ~50 ms for the grouped query) until more orders changed. 2 %: a
-- vacuum after ~20k changed orders.
ALTER TABLE orders SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
