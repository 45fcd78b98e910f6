-- Identities merged across documents (spelling variants of one person), each recorded and reversible.
CREATE TABLE actor_merges (
    id INTEGER PRIMARY KEY,
    alias_id TEXT NOT NULL,
    canonical_id TEXT NOT NULL,
    score REAL NOT NULL,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    undone_at TEXT
);
CREATE INDEX actor_merges_alias ON actor_merges(alias_id);
