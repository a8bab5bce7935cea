-- The audit trail: who changed what, when. Rows are only ever inserted; no interface updates or
-- deletes them. `old` and `new` hold the field's value as clients see it, as JSON.
CREATE TABLE record_history (
    id        TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    object    TEXT COLLATE "C" NOT NULL,
    record_id TEXT COLLATE "C" NOT NULL,
    at        TIMESTAMPTZ NOT NULL,
    user_id   TEXT COLLATE "C",
    action    TEXT COLLATE "C" NOT NULL,
    field     TEXT COLLATE "C",
    old       TEXT,
    new       TEXT
);
CREATE INDEX ix_record_history_record ON record_history (object, record_id, at);

-- The recycle bin: one row per deletion, which takes the record and the records that belong to
-- it (an account's contacts, deals, tasks and follow-ups) together.
CREATE TABLE deletions (
    id         TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    object     TEXT COLLATE "C" NOT NULL,
    record_id  TEXT COLLATE "C" NOT NULL,
    title      TEXT NOT NULL,
    owner_id   TEXT COLLATE "C",
    deleted_by TEXT COLLATE "C" NOT NULL,
    deleted_at TIMESTAMPTZ NOT NULL,
    members    BIGINT NOT NULL
);
CREATE INDEX ix_deletions_at ON deletions (deleted_at);

-- Every record a deletion took, the root included.
CREATE TABLE deletion_members (
    deletion_id TEXT COLLATE "C" NOT NULL REFERENCES deletions (id),
    object      TEXT COLLATE "C" NOT NULL,
    record_id   TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (deletion_id, object, record_id)
);
