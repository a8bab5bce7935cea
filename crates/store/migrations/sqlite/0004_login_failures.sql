-- Failed sign-ins, by account (`email:…`) and by address (`ip:…`), for throttling. Shared by all
-- instances; rows older than the throttling window are purged by the scheduler.
CREATE TABLE login_failures (
    id  TEXT NOT NULL PRIMARY KEY,
    key TEXT NOT NULL,
    at  TEXT NOT NULL
);
CREATE INDEX ix_login_failures_key ON login_failures (key, at);
