-- PostgreSQL version of ../0006_events_root_order.sql (id is not implicit in an index here).
CREATE INDEX events_root_order ON events(root, (date IS NULL), date, id);
DROP INDEX events_root_date;
