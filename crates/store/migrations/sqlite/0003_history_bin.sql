-- The audit trail: who changed what, when. Rows are only ever inserted; no interface updates or
-- deletes them. `old` and `new` hold the field's value as clients see it, as JSON.
CREATE TABLE record_history (
    id        TEXT NOT NULL PRIMARY KEY,
    object    TEXT NOT NULL,
    record_id TEXT NOT NULL,
    at        TEXT NOT NULL,
    user_id   TEXT,
    action    TEXT NOT NULL,
    field     TEXT,
    old       TEXT,
    new       TEXT
);
CREATE INDEX ix_record_history_record ON record_history (object, record_id, at);

-- The recycle bin: one row per deletion, which takes the record and the records that belong to
-- it (an account's contacts, deals, tasks and follow-ups) together.
CREATE TABLE deletions (
    id         TEXT NOT NULL PRIMARY KEY,
    object     TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    title      TEXT NOT NULL,
    owner_id   TEXT,
    deleted_by TEXT NOT NULL,
    deleted_at TEXT NOT NULL,
    members    INTEGER NOT NULL
);
CREATE INDEX ix_deletions_at ON deletions (deleted_at);

-- Every record a deletion took, the root included.
CREATE TABLE deletion_members (
    deletion_id TEXT NOT NULL REFERENCES deletions (id),
    object      TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    PRIMARY KEY (deletion_id, object, record_id)
);
