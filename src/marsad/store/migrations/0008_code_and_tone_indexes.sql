-- Events of one CAMEO code (or code prefix) come from this index: a code with few events is a short
-- range instead of a scan of every event in date order (code 0411 over a million events: 94 ms).
CREATE INDEX events_cameo_order ON events(cameo, date IS NULL, date);
-- A pair's quote tone inside a date range is one range of this index instead of all the pair's quotes
-- filtered one by one (the timeline reads only the quotes published inside the range).
CREATE INDEX quote_pairs_dated ON quote_pairs(speaker, about, published, doc_id, start, quote_id, pos,
    stance);
