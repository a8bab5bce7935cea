-- System tables of Pelagic on PostgreSQL. Record tables (obj_*) are not here: they are created and
-- extended from metadata at run time. Times are TIMESTAMPTZ; text uses the "C" collation so
-- that it sorts exactly as on SQLite.

-- Object and field definitions. `definition` holds the full definition as JSON; the other
-- columns repeat what queries and constraints need.
CREATE TABLE meta_object (
    name         TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    label        TEXT NOT NULL,
    label_plural TEXT NOT NULL,
    table_name   TEXT COLLATE "C" NOT NULL UNIQUE,
    custom       BOOLEAN NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE meta_field (
    object      TEXT NOT NULL REFERENCES meta_object (name),
    name        TEXT NOT NULL,
    position    BIGINT NOT NULL,
    kind        TEXT NOT NULL,
    column_name TEXT NOT NULL,
    custom      BOOLEAN NOT NULL,
    definition  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (object, name)
);

-- Bumped by every metadata change; each instance compares it with the version it has loaded.
CREATE TABLE meta_version (
    id      BIGINT NOT NULL PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO meta_version (id, version) VALUES (1, 0);

CREATE TABLE roles (
    name    TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    label   TEXT NOT NULL,
    builtin BOOLEAN NOT NULL
);
INSERT INTO roles (name, label, builtin) VALUES
    ('admin', 'Administrator', TRUE), ('manager', 'Manager', TRUE), ('sales', 'Salesperson', TRUE), ('service', 'Customer service', TRUE);

CREATE TABLE teams (
    id         TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    name       TEXT NOT NULL,
    parent_id  TEXT REFERENCES teams (id),
    manager_id TEXT,
    created_at TIMESTAMPTZ NOT NULL
);

-- Emails are stored lowercased, so the unique constraint is case-insensitive.
CREATE TABLE users (
    id            TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    email         TEXT COLLATE "C" NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL REFERENCES roles (name),
    team_id       TEXT REFERENCES teams (id),
    password_hash TEXT NOT NULL,
    active        BOOLEAN NOT NULL,
    locale        TEXT NOT NULL,
    time_zone     TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- Bearer tokens (from login, or named API tokens). Only a SHA-256 of the token is kept.
CREATE TABLE auth_tokens (
    id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id),
    kind         TEXT NOT NULL,
    name         TEXT,
    token_hash   TEXT COLLATE "C" NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX ix_auth_tokens_user ON auth_tokens (user_id);

-- Periodic jobs. An instance runs a job only after moving next_run_at forward with a
-- conditional update, so that no two instances run the same occurrence.
CREATE TABLE scheduled_jobs (
    name             TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    interval_secs    BIGINT NOT NULL,
    next_run_at      TIMESTAMPTZ NOT NULL,
    last_started_at  TIMESTAMPTZ,
    last_finished_at TIMESTAMPTZ,
    last_status      TEXT,
    last_error       TEXT,
    runs             BIGINT NOT NULL DEFAULT 0,
    claimed_by       TEXT
);

-- Company-wide settings (default currency, default phone region, …) as JSON values.
CREATE TABLE settings (
    key   TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
