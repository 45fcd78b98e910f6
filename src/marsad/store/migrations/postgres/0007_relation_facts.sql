-- PostgreSQL version of ../0007_relation_facts.sql (same tables; BIGINT ids, BYTEA signatures).
-- Existing stores are filled by marsad.store.facts.backfill in this migration's transaction.

-- One row per (event, dyad): a pair's events in a period are one range of one covering index.
-- key_src/key_tgt: the countries of the event's first source and first target (what the
-- cross-article merge groups by); dated: 1 when the date comes from an expression in the text.
CREATE TABLE pair_events (
    event_id BIGINT NOT NULL,
    doc_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    src TEXT NOT NULL,
    tgt TEXT NOT NULL,
    date TEXT,
    status TEXT NOT NULL,
    root TEXT NOT NULL,
    cameo TEXT NOT NULL,
    quad INTEGER NOT NULL,
    goldstein DOUBLE PRECISION NOT NULL,
    plover TEXT NOT NULL,
    dated INTEGER NOT NULL,
    key_src TEXT NOT NULL,
    key_tgt TEXT NOT NULL
);
CREATE INDEX pair_events_scan ON pair_events(src, tgt, date, event_id, status, root, cameo, quad,
    goldstein, plover, dated, key_src, key_tgt, doc_id);
CREATE INDEX pair_events_doc ON pair_events(doc_id);

-- One row per (quote with a speaker, actor it is about): countries, stance, publication date.
CREATE TABLE quote_pairs (
    quote_id BIGINT NOT NULL,
    doc_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    pos INTEGER NOT NULL,
    start INTEGER NOT NULL,
    speaker TEXT NOT NULL,
    about TEXT NOT NULL,
    stance DOUBLE PRECISION NOT NULL,
    published TEXT
);
CREATE INDEX quote_pairs_pair ON quote_pairs(speaker, about, doc_id, start, quote_id, pos, stance,
    published);
CREATE INDEX quote_pairs_doc ON quote_pairs(doc_id);

-- Near-duplicate clusters: each document's MinHash signature (64 little-endian uint64) and the
-- first stored document it near-duplicates (itself when none); LSH bands of representatives only.
CREATE TABLE doc_dups (
    doc_id BIGINT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    rep_id BIGINT NOT NULL,
    signature BYTEA NOT NULL
);
CREATE INDEX doc_dups_rep ON doc_dups(rep_id);
CREATE TABLE doc_bands (
    bucket BIGINT NOT NULL,
    doc_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
);
CREATE INDEX doc_bands_bucket ON doc_bands(bucket, doc_id);
CREATE INDEX doc_bands_doc ON doc_bands(doc_id);

-- Deleting a document cascades to its events' dyads: find them by event.
CREATE INDEX event_dyads_event ON event_dyads(event_id);
