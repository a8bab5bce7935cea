-- Saved list views: a name, the list's conditions and sort (as query parameters), kept for their
-- owner or shared with the owner's team.
CREATE TABLE saved_views (
    id         TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    object     TEXT COLLATE "C" NOT NULL,
    name       TEXT NOT NULL,
    owner_id   TEXT COLLATE "C" NOT NULL REFERENCES users (id),
    team_id    TEXT COLLATE "C",
    query      TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_saved_views_object ON saved_views (object, owner_id);
