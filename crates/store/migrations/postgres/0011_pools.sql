-- Pools of leads or accounts (the customer "high seas"): records without an owner that members
-- claim or administrators hand out, with limits, and the deadlines that send a held record back.
CREATE TABLE pools (
    id                TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    name              TEXT COLLATE "C" NOT NULL,
    object            TEXT COLLATE "C" NOT NULL,
    claim_limit       BIGINT,
    daily_claim_limit BIGINT,
    cool_down_days    BIGINT NOT NULL DEFAULT 0,
    follow_up_within  BIGINT,
    close_within      BIGINT,
    warn_before       BIGINT,
    hidden_fields     TEXT NOT NULL DEFAULT '[]',
    match_field       TEXT COLLATE "C",
    next_member       BIGINT NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX ux_pools_name ON pools (object, name);

-- Who works a pool: users (`user:<id>`) or teams with their sub-teams (`team:<id>`), as
-- administrators or members; `match_values` are the region or industry values a rule pushes to
-- this member.
CREATE TABLE pool_members (
    pool_id      TEXT COLLATE "C" NOT NULL REFERENCES pools (id),
    member       TEXT COLLATE "C" NOT NULL,
    role         TEXT COLLATE "C" NOT NULL,
    match_values TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (pool_id, member, role)
);

-- A record taken from a pool, and when it goes back: the earlier of the follow-up deadline
-- (moved by every follow-up) and the closing deadline; `warn_at` is when its owner is warned
-- (cleared once warned).
CREATE TABLE pool_holds (
    object           TEXT COLLATE "C" NOT NULL,
    record_id        TEXT COLLATE "C" NOT NULL,
    pool_id          TEXT COLLATE "C" NOT NULL,
    owner_id         TEXT COLLATE "C" NOT NULL,
    claimed_at       TIMESTAMPTZ NOT NULL,
    follow_up_due_at TIMESTAMPTZ,
    close_due_at     TIMESTAMPTZ,
    due_at           TIMESTAMPTZ,
    warn_at          TIMESTAMPTZ,
    PRIMARY KEY (object, record_id)
);
CREATE INDEX ix_pool_holds_due ON pool_holds (due_at);
CREATE INDEX ix_pool_holds_warn ON pool_holds (warn_at);
CREATE INDEX ix_pool_holds_owner ON pool_holds (pool_id, owner_id);

-- Every claim, assignment, release and return, for daily limits, cool-downs and the record's story.
CREATE TABLE pool_events (
    id         TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    pool_id    TEXT COLLATE "C" NOT NULL,
    object     TEXT COLLATE "C" NOT NULL,
    record_id  TEXT COLLATE "C" NOT NULL,
    user_id    TEXT COLLATE "C" NOT NULL,
    actor_id   TEXT COLLATE "C",
    kind       TEXT COLLATE "C" NOT NULL,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_pool_events_user ON pool_events (user_id, kind, at);
CREATE INDEX ix_pool_events_record ON pool_events (record_id, user_id, at);

-- In-app notifications: what happened (`kind` with its `data`), for whom, and when it was read.
CREATE TABLE notifications (
    id         TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    user_id    TEXT COLLATE "C" NOT NULL,
    kind       TEXT COLLATE "C" NOT NULL,
    data       TEXT NOT NULL,
    object     TEXT COLLATE "C",
    record_id  TEXT COLLATE "C",
    created_at TIMESTAMPTZ NOT NULL,
    read_at    TIMESTAMPTZ
);
CREATE INDEX ix_notifications_user ON notifications (user_id, created_at);
