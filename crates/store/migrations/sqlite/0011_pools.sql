-- Pools of leads or accounts (the customer "high seas"): records without an owner that members
-- claim or administrators hand out, with limits, and the deadlines that send a held record back.
CREATE TABLE pools (
    id                TEXT NOT NULL PRIMARY KEY,
    name              TEXT NOT NULL,
    object            TEXT NOT NULL,
    claim_limit       INTEGER,
    daily_claim_limit INTEGER,
    cool_down_days    INTEGER NOT NULL DEFAULT 0,
    follow_up_within  INTEGER,
    close_within      INTEGER,
    warn_before       INTEGER,
    hidden_fields     TEXT NOT NULL DEFAULT '[]',
    match_field       TEXT,
    next_member       INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_pools_name ON pools (object, name);

-- Who works a pool: users (`user:<id>`) or teams with their sub-teams (`team:<id>`), as
-- administrators or members; `match_values` are the region or industry values a rule pushes to
-- this member.
CREATE TABLE pool_members (
    pool_id      TEXT NOT NULL REFERENCES pools (id),
    member       TEXT NOT NULL,
    role         TEXT NOT NULL,
    match_values TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (pool_id, member, role)
);

-- A record taken from a pool, and when it goes back: the earlier of the follow-up deadline
-- (moved by every follow-up) and the closing deadline; `warn_at` is when its owner is warned
-- (cleared once warned).
CREATE TABLE pool_holds (
    object           TEXT NOT NULL,
    record_id        TEXT NOT NULL,
    pool_id          TEXT NOT NULL,
    owner_id         TEXT NOT NULL,
    claimed_at       TEXT NOT NULL,
    follow_up_due_at TEXT,
    close_due_at     TEXT,
    due_at           TEXT,
    warn_at          TEXT,
    PRIMARY KEY (object, record_id)
);
CREATE INDEX ix_pool_holds_due ON pool_holds (due_at);
CREATE INDEX ix_pool_holds_warn ON pool_holds (warn_at);
CREATE INDEX ix_pool_holds_owner ON pool_holds (pool_id, owner_id);

-- Every claim, assignment, release and return, for daily limits, cool-downs and the record's story.
CREATE TABLE pool_events (
    id         TEXT NOT NULL PRIMARY KEY,
    pool_id    TEXT NOT NULL,
    object     TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    actor_id   TEXT,
    kind       TEXT NOT NULL,
    at         TEXT NOT NULL
);
CREATE INDEX ix_pool_events_user ON pool_events (user_id, kind, at);
CREATE INDEX ix_pool_events_record ON pool_events (record_id, user_id, at);

-- In-app notifications: what happened (`kind` with its `data`), for whom, and when it was read.
CREATE TABLE notifications (
    id         TEXT NOT NULL PRIMARY KEY,
    user_id    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    data       TEXT NOT NULL,
    object     TEXT,
    record_id  TEXT,
    created_at TEXT NOT NULL,
    read_at    TEXT
);
CREATE INDEX ix_notifications_user ON notifications (user_id, created_at);
