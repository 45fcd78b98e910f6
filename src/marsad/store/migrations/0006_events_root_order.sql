-- Events of one CAMEO root come out of this index already in list order (date IS NULL, date,
-- id), so "root 19, first 100" stops after 100 rows instead of sorting them all.
CREATE INDEX events_root_order ON events(root, date IS NULL, date);
DROP INDEX events_root_date;
