-- PostgreSQL version of ../0008_code_and_tone_indexes.sql (id is not implicit in an index here).
CREATE INDEX events_cameo_order ON events(cameo, (date IS NULL), date, id);
CREATE INDEX quote_pairs_dated ON quote_pairs(speaker, about, published, doc_id, start, quote_id, pos,
    stance);
