-- Annotation layers: every record is offsets into documents.text plus the rule that made it.
CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    country TEXT NOT NULL,                 -- code without its sector suffix
    name TEXT NOT NULL,
    name_en TEXT,
    entry TEXT
);
CREATE INDEX actors_code ON actors(code);

CREATE TABLE mentions (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    actor_id TEXT NOT NULL REFERENCES actors(id),
    rule TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE INDEX mentions_actor ON mentions(actor_id);

CREATE TABLE timexes (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    date_from TEXT NOT NULL,
    date_to TEXT NOT NULL,
    granularity TEXT NOT NULL,
    anchor TEXT,
    rule TEXT NOT NULL,
    time_of_day TEXT
);
CREATE INDEX timexes_doc ON timexes(doc_id);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sent_start INTEGER NOT NULL,
    sent_end INTEGER NOT NULL,
    trig_start INTEGER NOT NULL,
    trig_end INTEGER NOT NULL,
    source_json TEXT NOT NULL,
    target_json TEXT NOT NULL,
    cameo TEXT NOT NULL,
    root TEXT NOT NULL,
    plover TEXT NOT NULL,
    goldstein REAL NOT NULL,
    quad INTEGER NOT NULL,
    status TEXT NOT NULL,
    date TEXT,
    date_basis TEXT,
    loc_start INTEGER,
    loc_end INTEGER,
    rule TEXT NOT NULL
);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_date ON events(date);

-- One row per (source country, target country) pair of an event, for pair and root filters.
CREATE TABLE event_dyads (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    src TEXT NOT NULL,
    tgt TEXT NOT NULL,
    root TEXT NOT NULL,
    date TEXT
);
CREATE INDEX event_dyads_pair ON event_dyads(src, tgt, date);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    cue_start INTEGER NOT NULL,
    cue_end INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    speaker_id TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    via_id TEXT,
    direct INTEGER NOT NULL,
    about_json TEXT NOT NULL,
    rule TEXT NOT NULL
);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX quotes_speaker ON quotes(speaker_id);
