-- Sales processes: ordered open stages (values of the opportunity's `stage` options) with a win
-- probability and the fields each stage asks for; the closing stages won, lost and invalid
-- belong to every process. A process may be for one team; one is the default.
CREATE TABLE sales_processes (
    id         TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    name       TEXT COLLATE "C" NOT NULL,
    team_id    TEXT COLLATE "C",
    is_default BIGINT NOT NULL DEFAULT 0,
    stages     TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX ux_sales_processes_name ON sales_processes (name);

-- Every move of an opportunity from one stage to another (or into its first stage): who, when,
-- how long it had been in the stage it left, and the feedback given on entering the new one.
-- `live` is 0 while the opportunity is in the recycle bin, so that the funnel's days per stage
-- can be summed per process without visiting the opportunities.
CREATE TABLE stage_changes (
    id                 TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    opportunity_id     TEXT COLLATE "C" NOT NULL,
    process_id         TEXT COLLATE "C" NOT NULL,
    from_stage         TEXT COLLATE "C",
    to_stage           TEXT COLLATE "C" NOT NULL,
    at                 TIMESTAMPTZ NOT NULL,
    user_id            TEXT COLLATE "C",
    seconds_in_previous BIGINT,
    feedback           TEXT,
    live               BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX ix_stage_changes_opportunity ON stage_changes (opportunity_id, at);
CREATE INDEX ix_stage_changes_process ON stage_changes (process_id, live, from_stage, seconds_in_previous);
