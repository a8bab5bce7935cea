-- Security events beyond record changes: sign-ins, failed sign-ins, sign-outs, password changes
-- and every change to roles, permissions, users, teams and groups. Only ever appended to.
CREATE TABLE audit_log (
    id      TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    at      TIMESTAMPTZ NOT NULL,
    user_id TEXT COLLATE "C",
    action  TEXT COLLATE "C" NOT NULL,
    subject TEXT,
    detail  TEXT,
    client  TEXT
);
CREATE INDEX ix_audit_log_at ON audit_log (at);
