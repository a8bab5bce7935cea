-- Security events beyond record changes: sign-ins, failed sign-ins, sign-outs, password changes
-- and every change to roles, permissions, users, teams and groups. Only ever appended to.
CREATE TABLE audit_log (
    id      TEXT NOT NULL PRIMARY KEY,
    at      TEXT NOT NULL,
    user_id TEXT,
    action  TEXT NOT NULL,
    subject TEXT,
    detail  TEXT,
    client  TEXT
);
CREATE INDEX ix_audit_log_at ON audit_log (at);
