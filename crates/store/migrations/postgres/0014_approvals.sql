-- One submission of a record to an approval flow: the flow's steps as they were when it was
-- submitted (JSON), the step it is at, and how it ended (pending, approved, rejected).
CREATE TABLE approval_requests (
    id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    flow_id      TEXT COLLATE "C" NOT NULL,
    flow_name    TEXT NOT NULL,
    object       TEXT COLLATE "C" NOT NULL,
    record_id    TEXT COLLATE "C" NOT NULL,
    status       TEXT COLLATE "C" NOT NULL,
    step         BIGINT NOT NULL,
    steps        TEXT NOT NULL,
    submitted_by TEXT COLLATE "C" NOT NULL,
    submitted_at TIMESTAMPTZ NOT NULL,
    decided_at   TIMESTAMPTZ
);
CREATE INDEX ix_approval_requests_record ON approval_requests (object, record_id, submitted_at);

-- What one approver is asked to decide at one step, and what they decided with their comment.
CREATE TABLE approval_tasks (
    id          TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    request_id  TEXT COLLATE "C" NOT NULL,
    step        BIGINT NOT NULL,
    user_id     TEXT COLLATE "C" NOT NULL,
    decision    TEXT COLLATE "C",
    comment     TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    decided_at  TIMESTAMPTZ
);
CREATE INDEX ix_approval_tasks_request ON approval_tasks (request_id, step);
CREATE INDEX ix_approval_tasks_user ON approval_tasks (user_id, decision);
