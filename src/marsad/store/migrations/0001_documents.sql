-- Documents: raw and clean text, metadata, content hash; versions per URL.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    doc_key TEXT NOT NULL UNIQUE,          -- first 12 hex of content_hash
    content_hash TEXT NOT NULL UNIQUE,
    url TEXT,
    version INTEGER NOT NULL DEFAULT 1,    -- 1 + number of earlier documents with the same url
    source TEXT,
    fmt TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    author TEXT,
    published TEXT,
    published_basis TEXT,
    published_precision TEXT,
    language TEXT NOT NULL,
    raw_text TEXT NOT NULL,
    text TEXT NOT NULL,
    removed_json TEXT NOT NULL,            -- [[start, end, rule], ...] into raw_text
    warnings_json TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_url ON documents(url);
CREATE INDEX documents_published ON documents(published);

-- Full-text search over the normalized text (and clitic-free stems), rowid = documents.id.
CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
