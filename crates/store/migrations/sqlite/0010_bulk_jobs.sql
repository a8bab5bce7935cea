-- Bulk work on many records (transfer, update a field, delete), run in the background with its
-- progress. An instance runs a job only after claiming it with a conditional update; a job whose
-- heartbeat stopped (its instance died) can be claimed again and goes on where it was.
CREATE TABLE bulk_jobs (
    id           TEXT NOT NULL PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id),
    object       TEXT NOT NULL,
    action       TEXT NOT NULL,
    request      TEXT NOT NULL,
    status       TEXT NOT NULL,
    total        INTEGER NOT NULL DEFAULT 0,
    done         INTEGER NOT NULL DEFAULT 0,
    failed       INTEGER NOT NULL DEFAULT 0,
    errors       TEXT,
    claimed_by   TEXT,
    heartbeat_at TEXT,
    created_at   TEXT NOT NULL,
    finished_at  TEXT
);
CREATE INDEX ix_bulk_jobs_status ON bulk_jobs (status);
