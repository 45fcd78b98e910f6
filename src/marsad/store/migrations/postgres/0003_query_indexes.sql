-- Indexes for event queries over millions of rows (PostgreSQL version of ../0003_query_indexes.sql).
CREATE INDEX events_order ON events((date IS NULL), date, root, quad, status, cameo);
CREATE INDEX events_root_date ON events(root, date);
CREATE INDEX event_dyads_pair_event ON event_dyads(src, tgt, date, event_id);
DROP INDEX event_dyads_pair;
