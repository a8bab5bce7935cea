-- Bulk work on many records (transfer, update a field, delete), run in the background with its
-- progress. An instance runs a job only after claiming it with a conditional update; a job whose
-- heartbeat stopped (its instance died) can be claimed again and goes on where it was.
CREATE TABLE bulk_jobs (
    id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    user_id      TEXT COLLATE "C" NOT NULL REFERENCES users (id),
    object       TEXT COLLATE "C" NOT NULL,
    action       TEXT COLLATE "C" NOT NULL,
    request      TEXT NOT NULL,
    status       TEXT COLLATE "C" NOT NULL,
    total        BIGINT NOT NULL DEFAULT 0,
    done         BIGINT NOT NULL DEFAULT 0,
    failed       BIGINT NOT NULL DEFAULT 0,
    errors       TEXT,
    claimed_by   TEXT,
    heartbeat_at TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ
);
CREATE INDEX ix_bulk_jobs_status ON bulk_jobs (status);
