-- System tables of Pelagic on SQLite. Record tables (obj_*) are not here: they are created and
-- extended from metadata at run time. Times are fixed-width UTC text
-- (YYYY-MM-DDTHH:MM:SS.ffffffZ), so that text order is time order.

-- Object and field definitions. `definition` holds the full definition as JSON; the other
-- columns repeat what queries and constraints need.
CREATE TABLE meta_object (
    name         TEXT NOT NULL PRIMARY KEY,
    label        TEXT NOT NULL,
    label_plural TEXT NOT NULL,
    table_name   TEXT NOT NULL UNIQUE,
    custom       BOOLEAN NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE TABLE meta_field (
    object      TEXT NOT NULL REFERENCES meta_object (name),
    name        TEXT NOT NULL,
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    column_name TEXT NOT NULL,
    custom      BOOLEAN NOT NULL,
    definition  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (object, name)
);

-- Bumped by every metadata change; each instance compares it with the version it has loaded.
CREATE TABLE meta_version (
    id      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO meta_version (id, version) VALUES (1, 0);

CREATE TABLE roles (
    name    TEXT NOT NULL PRIMARY KEY,
    label   TEXT NOT NULL,
    builtin BOOLEAN NOT NULL
);
INSERT INTO roles (name, label, builtin) VALUES
    ('admin', 'Administrator', 1), ('manager', 'Manager', 1), ('sales', 'Salesperson', 1), ('service', 'Customer service', 1);

CREATE TABLE teams (
    id         TEXT NOT NULL PRIMARY KEY,
    name       TEXT NOT NULL,
    parent_id  TEXT REFERENCES teams (id),
    manager_id TEXT,
    created_at TEXT NOT NULL
);

-- Emails are stored lowercased, so the unique constraint is case-insensitive.
CREATE TABLE users (
    id            TEXT NOT NULL PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL REFERENCES roles (name),
    team_id       TEXT REFERENCES teams (id),
    password_hash TEXT NOT NULL,
    active        BOOLEAN NOT NULL,
    locale        TEXT NOT NULL,
    time_zone     TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- Bearer tokens (from login, or named API tokens). Only a SHA-256 of the token is kept.
CREATE TABLE auth_tokens (
    id           TEXT NOT NULL PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id),
    kind         TEXT NOT NULL,
    name         TEXT,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    expires_at   TEXT,
    last_used_at TEXT,
    revoked_at   TEXT
);
CREATE INDEX ix_auth_tokens_user ON auth_tokens (user_id);

-- Periodic jobs. An instance runs a job only after moving next_run_at forward with a
-- conditional update, so that no two instances run the same occurrence.
CREATE TABLE scheduled_jobs (
    name             TEXT NOT NULL PRIMARY KEY,
    interval_secs    INTEGER NOT NULL,
    next_run_at      TEXT NOT NULL,
    last_started_at  TEXT,
    last_finished_at TEXT,
    last_status      TEXT,
    last_error       TEXT,
    runs             INTEGER NOT NULL DEFAULT 0,
    claimed_by       TEXT
);

-- Company-wide settings (default currency, default phone region, …) as JSON values.
CREATE TABLE settings (
    key   TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
