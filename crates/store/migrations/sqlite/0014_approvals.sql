-- One submission of a record to an approval flow: the flow's steps as they were when it was
-- submitted (JSON), the step it is at, and how it ended (pending, approved, rejected).
CREATE TABLE approval_requests (
    id           TEXT NOT NULL PRIMARY KEY,
    flow_id      TEXT NOT NULL,
    flow_name    TEXT NOT NULL,
    object       TEXT NOT NULL,
    record_id    TEXT NOT NULL,
    status       TEXT NOT NULL,
    step         INTEGER NOT NULL,
    steps        TEXT NOT NULL,
    submitted_by TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    decided_at   TEXT
);
CREATE INDEX ix_approval_requests_record ON approval_requests (object, record_id, submitted_at);

-- What one approver is asked to decide at one step, and what they decided with their comment.
CREATE TABLE approval_tasks (
    id          TEXT NOT NULL PRIMARY KEY,
    request_id  TEXT NOT NULL,
    step        INTEGER NOT NULL,
    user_id     TEXT NOT NULL,
    decision    TEXT,
    comment     TEXT,
    created_at  TEXT NOT NULL,
    decided_at  TEXT
);
CREATE INDEX ix_approval_tasks_request ON approval_tasks (request_id, step);
CREATE INDEX ix_approval_tasks_user ON approval_tasks (user_id, decision);
