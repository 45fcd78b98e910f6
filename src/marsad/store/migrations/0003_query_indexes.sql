-- Indexes for event queries over millions of rows (benchmarks/query_latency.py measures them).
-- The list of events is ordered by (date IS NULL, date, id): walking this index gives that
-- order, and carrying the filter columns lets a filter be checked without reading the row.
CREATE INDEX events_order ON events(date IS NULL, date, root, quad, status, cameo);
CREATE INDEX events_root_date ON events(root, date);
-- A pair's event ids straight from the index (replaces event_dyads_pair).
CREATE INDEX event_dyads_pair_event ON event_dyads(src, tgt, date, event_id);
DROP INDEX event_dyads_pair;
